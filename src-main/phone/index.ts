import type { ScreenPop } from '../../src-shared/domain/telephony';
import type { CallsService } from '../calls/service';
import type { Sqlite } from '../db/open';
import type { FilesService } from '../files/service';
import type { FollowUpsService } from '../followups/service';
import type { SettingsService } from '../settings/service';
import type { LocalState } from '../settings/local-state';
import type { MutationEngine } from '../writes/mutation-engine';
import type { SyncEngine } from '../sync/sync-engine';
import { indexCallTranscripts } from './call-index';
import { CallerMatching } from './caller-matching';
import { phoneHandlers } from './handlers';
import { RelayPhone } from './relay-phone';
import { PhoneService } from './service';
import { TextsService } from './texts';

// Wires the phone line into the core (src-main/core/create-core.ts): call the returned
// `onLiveMessage` and `onCaughtUp` from the sync engine's options of the same names.

export interface PhoneModuleDeps {
  sqlite: Sqlite;
  engine: MutationEngine;
  state: LocalState;
  settings: SettingsService;
  files: FilesService;
  followUps: FollowUpsService;
  calls: CallsService;
  now: () => number;
  emit: { screenPop(pop: ScreenPop): void; textsChanged(numbers: string[]): void };
  logError(error: unknown, context: string): void;
}

export function createPhoneModule(deps: PhoneModuleDeps, sync: () => SyncEngine) {
  indexCallTranscripts(deps.sqlite, deps.engine);
  const relay = new RelayPhone(sync);
  const matching = new CallerMatching(deps.sqlite, deps.engine, deps.followUps, deps.settings, deps.now);
  const texts = new TextsService(deps.sqlite, deps.engine, deps.settings, deps.state, relay, deps.now);
  const phone = new PhoneService({ ...deps, relay, matching, texts, emitScreenPop: deps.emit.screenPop });
  const readNumber = deps.sqlite.prepare<[string], { number: string }>('SELECT number FROM texts WHERE id = ?');
  // Contacts written since the last link pass, linked together on the next turn of the event loop.
  const writtenContacts = new Set<string>();
  deps.engine.onCommitted((touched) => {
    const ids = touched.get('texts');
    if (ids) deps.emit.textsChanged([...new Set([...ids].map((id) => readNumber.get(id)?.number ?? '').filter(Boolean))]);
    // A contact gained a number here: the calls and texts from its numbers find it (no new
    // contacts, no SLA rules: those wait until this laptop has caught up with the relay).
    const contacts = touched.get('contacts');
    if (!contacts || contacts.size === 0) return;
    const scheduled = writtenContacts.size > 0;
    for (const id of contacts) writtenContacts.add(id);
    if (scheduled) return;
    setImmediate(() => {
      const contactIds = [...writtenContacts];
      writtenContacts.clear();
      // The core closed meanwhile: nothing to link into.
      if (!deps.sqlite.open) return;
      try {
        matching.linkNumbersOf(contactIds);
      } catch (error) {
        deps.logError(error, 'matching calls to contacts');
      }
    });
  });
  return {
    phone,
    texts,
    handlers: phoneHandlers(phone, relay, texts, deps.calls),
    onLiveMessage: (message: unknown) => phone.handleLiveMessage(message),
    onCaughtUp: () => void phone.onCaughtUp().catch((error: unknown) => deps.logError(error, 'phone line after sync')),
    close: () => phone.close(),
  };
}
