import { v7 as uuidv7 } from 'uuid';
import {
  defaultTextTemplates,
  fillTemplate,
  textStatuses,
  TextTemplateSchema,
  type Conversation,
  type TextMessage,
  type TextTemplate,
} from '../../src-shared/domain/telephony';
import { AppError } from '../../src-shared/errors';
import { normalisePhone } from '../../src-shared/phone';
import type { Sqlite } from '../db/open';
import type { SettingsService } from '../settings/service';
import type { LocalState } from '../settings/local-state';
import type { MutationEngine } from '../writes/mutation-engine';
import { RelayError } from '../sync/relay-client';
import type { RelayPhone } from './relay-phone';

// Texts with customers: conversations per number, writing a text (also offline: it waits as
// `queued`), and the outbox that hands queued texts to the relay. The relay sends each text id
// once however often it is asked, so any laptop may hand over any queued text.

interface TextRow {
  id: string;
  contact_id: string | null;
  direction: string;
  number: string;
  office_number: string;
  body: string;
  status: string;
  error: string;
  sent_by: string;
  created_at: number;
}

const rowToText = (row: TextRow): TextMessage => ({
  id: row.id,
  contactId: row.contact_id,
  direction: row.direction === 'outbound' ? 'outbound' : 'inbound',
  number: row.number,
  officeNumber: row.office_number,
  body: row.body,
  status: (textStatuses as readonly string[]).includes(row.status) ? (row.status as TextMessage['status']) : 'queued',
  error: row.error,
  sentBy: row.sent_by,
  createdAt: row.created_at,
});

const templatesKey = 'phone.textTemplates';

export class TextsService {
  private readonly statements;
  private flushing: Promise<number> | undefined;

  constructor(
    sqlite: Sqlite,
    private readonly engine: MutationEngine,
    private readonly settings: SettingsService,
    private readonly state: LocalState,
    private readonly relay: RelayPhone,
    private readonly now: () => number,
  ) {
    this.statements = {
      byId: sqlite.prepare<[string], TextRow>('SELECT * FROM texts WHERE id = ?'),
      thread: sqlite.prepare<[string], TextRow>('SELECT * FROM texts WHERE number = ? AND cl % 2 = 1 ORDER BY created_at, id'),
      conversations: sqlite.prepare<[number], TextRow & { count: number; contact_name: string | null; resolved_contact_id: string | null }>(
        `SELECT t.*, n.count, c.name AS contact_name, c.id AS resolved_contact_id FROM texts t
         JOIN (SELECT number, MAX(created_at) AS last_at, COUNT(*) AS count FROM texts WHERE cl % 2 = 1 GROUP BY number) n
           ON n.number = t.number AND n.last_at = t.created_at
         LEFT JOIN contacts c ON c.id = (SELECT p.contact_id FROM contact_phones p JOIN contacts pc ON pc.id = p.contact_id AND pc.cl % 2 = 1 WHERE p.e164 = t.number LIMIT 1)
         WHERE t.cl % 2 = 1 GROUP BY t.number ORDER BY t.created_at DESC LIMIT ?`,
      ),
      optedOut: sqlite.prepare<[string], { opted_out: number }>('SELECT opted_out FROM phone_opt_outs WHERE number = ? ORDER BY changed_at DESC LIMIT 1'),
      contact: sqlite.prepare<[string], { id: string; name: string; company: string; do_not_contact: number; phones: string }>(
        'SELECT id, name, company, do_not_contact, phones FROM contacts WHERE id = ? AND cl % 2 = 1',
      ),
      queued: sqlite.prepare<[], TextRow>(`SELECT * FROM texts WHERE status = 'queued' AND direction = 'outbound' AND cl % 2 = 1 ORDER BY created_at LIMIT 100`),
    };
  }

  conversations(limit: number): Conversation[] {
    return this.statements.conversations.all(limit).map((row) => ({
      number: row.number,
      contactId: row.resolved_contact_id ?? row.contact_id,
      contactName: row.contact_name,
      lastText: rowToText(row),
      count: row.count,
      optedOut: this.isOptedOut(row.number),
    }));
  }

  thread(input: { number?: string; contactId?: string }) {
    const contact = input.contactId ? this.requireContact(input.contactId) : undefined;
    const number = input.number ? this.normalise(input.number) : contact ? this.mobileOf(contact) : null;
    return {
      number,
      optedOut: number ? this.isOptedOut(number) : false,
      doNotContact: contact ? contact.do_not_contact === 1 : false,
      texts: number ? this.statements.thread.all(number).map(rowToText) : [],
    };
  }

  /** Writes the text as `queued` (it waits there offline) and hands it to the relay at once when it can. */
  send(input: { contactId?: string; number?: string; body: string }): TextMessage {
    const contact = input.contactId ? this.requireContact(input.contactId) : undefined;
    const number = input.number ? this.normalise(input.number) : contact ? this.mobileOf(contact) : null;
    if (!number) throw new AppError('invalid_input', `${contact?.name ?? 'This contact'} has no phone number to text.`, 'number');
    if (contact?.do_not_contact === 1) throw new AppError('forbidden', `${contact.name} is marked do-not-contact; no text was written.`);
    if (this.isOptedOut(number)) throw new AppError('forbidden', `${number} texted STOP and has opted out of texts. They can text START to opt back in.`);
    const id = uuidv7();
    const at = this.now();
    this.engine.transaction((tx) =>
      tx.write('texts', id, {
        contact_id: contact?.id ?? null,
        direction: 'outbound',
        number,
        body: input.body,
        status: 'queued',
        error: '',
        sent_by: this.settings.get().userName,
        created_at: at,
        updated_at: at,
        cl: 1,
      }),
    );
    void this.flush().catch(() => {});
    return rowToText(this.statements.byId.get(id)!);
  }

  /**
   * Hands queued texts to the relay, oldest first. Offline: they stay queued for the next time.
   * Refused (opted out, blocked): the text is marked failed with the reason.
   */
  flush(): Promise<number> {
    this.flushing ??= this.flushQueued().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  templates(): TextTemplate[] {
    return this.state.get<TextTemplate[]>(templatesKey) ?? defaultTextTemplates;
  }

  saveTemplates(templates: TextTemplate[]): TextTemplate[] {
    return this.state.set(templatesKey, templates.map((template) => TextTemplateSchema.parse(template)));
  }

  fill(templateId: string, contactId?: string): string {
    const template = this.templates().find((entry) => entry.id === templateId);
    if (!template) throw new AppError('not_found', 'There is no text template with that id.', 'templateId');
    const contact = contactId ? this.requireContact(contactId) : undefined;
    return fillTemplate(template.body, {
      first_name: contact?.name.split(/\s+/)[0] ?? '',
      company: contact?.company ?? '',
      my_name: this.settings.get().userName,
    });
  }

  isOptedOut(number: string): boolean {
    return this.statements.optedOut.get(number)?.opted_out === 1;
  }

  private async flushQueued(): Promise<number> {
    let handed = 0;
    for (const text of this.statements.queued.all()) {
      try {
        await this.relay.sendText(text.id, text.number, text.body);
        handed += 1;
      } catch (error) {
        if (error instanceof RelayError && (error.code === 'forbidden' || error.code === 'invalid_input')) {
          this.engine.transaction((tx) => tx.write('texts', text.id, { status: 'failed', error: error.message, updated_at: this.now() }));
          continue;
        }
        // Offline, or the relay is not reachable: everything waits for the next try.
        return handed;
      }
    }
    return handed;
  }

  private requireContact(id: string) {
    const contact = this.statements.contact.get(id);
    if (!contact) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'contactId');
    return contact;
  }

  private mobileOf(contact: { phones: string }): string | null {
    const phones = JSON.parse(contact.phones) as { type: string; e164: string }[];
    return (phones.find((phone) => phone.type === 'mobile') ?? phones[0])?.e164 ?? null;
  }

  private normalise(number: string): string {
    const e164 = normalisePhone(number, this.settings.get().defaultRegion);
    if (!e164) throw new AppError('invalid_input', `"${number}" is not a phone number Fieldbook can read.`, 'number');
    return e164;
  }
}
