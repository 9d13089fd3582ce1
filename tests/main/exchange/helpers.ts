import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Contact } from '../../../src-shared/domain/contact';
import { ImportOptionsSchema, type ImportOptionsInput } from '../../../src-shared/domain/exchange';
import { ExchangeService } from '../../../src-main/exchange/service';
import type { TempCore } from '../../helpers/temp-core';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/import');
export const fixture = (name: string) => path.join(fixturesDir, name);

export const importOptions = (input: ImportOptionsInput = {}) => ImportOptionsSchema.parse(input);

export function exchangeOf(core: TempCore): ExchangeService {
  return new ExchangeService(core);
}

/** Every live contact, by name then id. */
export function allContacts(core: TempCore): Contact[] {
  const ids = core.sqlite.prepare('SELECT id FROM contacts WHERE cl % 2 = 1 ORDER BY name, id').pluck().all() as string[];
  return ids.map((id) => core.contacts.get(id));
}

export function contactNamed(core: TempCore, name: string): Contact {
  const found = allContacts(core).filter((contact) => contact.name === name);
  if (found.length !== 1) throw new Error(`expected one contact named ${name}, found ${found.length}`);
  return found[0]!;
}

/** What an import must not touch: the other tables, settings, and the change log's other tables. */
export function untouchedState(core: TempCore) {
  const count = (sql: string) => core.sqlite.prepare(sql).pluck().get() as number;
  return {
    notes: count('SELECT COUNT(*) FROM notes'),
    followUps: count('SELECT COUNT(*) FROM follow_ups'),
    calls: count('SELECT COUNT(*) FROM calls'),
    files: count('SELECT COUNT(*) FROM files'),
    settings: JSON.stringify(core.settings.get()),
    otherChanges: count(
      "SELECT COUNT(*) FROM changes WHERE table_name NOT IN ('contacts', 'contact_tags', 'contact_phone_items', 'contact_email_items', 'contact_custom_values')",
    ),
  };
}

export const changeCount = (core: TempCore) => core.sqlite.prepare('SELECT COUNT(*) FROM changes').pluck().get() as number;
