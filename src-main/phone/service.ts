import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { StoredFile } from '../../src-shared/domain/file';
import { clickToCallState, type PhoneSettingsInputSchema, type PhoneSettingsView, type ScreenPop } from '../../src-shared/domain/telephony';
import { AppError } from '../../src-shared/errors';
import { normalisePhone } from '../../src-shared/phone';
import { IncomingCallMessageSchema } from '../../src-shared/sync/telephony';
import type { Sqlite } from '../db/open';
import type { FilesService } from '../files/service';
import type { SettingsService } from '../settings/service';
import type { LocalState } from '../settings/local-state';
import type { CallerMatching } from './caller-matching';
import { toAppError, type RelayPhone } from './relay-phone';
import type { TextsService } from './texts';

// The phone line on the laptop: the ringing call on screen, calling a customer, recordings,
// and keeping calls and texts matched to contacts once this laptop has caught up with the relay.

export const phoneSettingsKey = 'phone.settingsView';
const settingsKey = phoneSettingsKey;

/** The phone line's opening hours as this laptop last heard them from the relay (null: never, or no line). */
export function cachedOpeningHours(state: LocalState): Pick<PhoneSettingsView['handling'], 'openingHours' | 'timeZone'> | null {
  const view = state.get<PhoneSettingsView>(settingsKey);
  return view?.configured ? { openingHours: view.handling.openingHours, timeZone: view.handling.timeZone } : null;
}
const optOutsKey = 'phone.optOutsSeenUpTo';
/** How long a ringing call is still "ringing now" for a window opened late. */
const popLifetimeMs = 60_000;

export interface PhoneDeps {
  sqlite: Sqlite;
  state: LocalState;
  settings: SettingsService;
  files: FilesService;
  relay: RelayPhone;
  matching: CallerMatching;
  texts: TextsService;
  now: () => number;
  emitScreenPop(pop: ScreenPop): void;
  logError(error: unknown, context: string): void;
}

export class PhoneService {
  private lastPop: ScreenPop | undefined;
  private closed = false;
  private readonly statements;

  constructor(private readonly deps: PhoneDeps) {
    const { sqlite } = deps;
    this.statements = {
      lastCallOf: sqlite.prepare<[string, string], { started_at: number }>(
        'SELECT started_at FROM calls WHERE contact_id = ? AND id <> ? AND cl % 2 = 1 ORDER BY started_at DESC LIMIT 1',
      ),
      openFollowUpOf: sqlite.prepare<[string], { id: string; title: string; due_at: number }>(
        'SELECT id, title, due_at FROM follow_ups WHERE contact_id = ? AND done_at IS NULL AND cl % 2 = 1 ORDER BY due_at, id LIMIT 1',
      ),
      call: sqlite.prepare<[string], { status: string; duration_seconds: number; recording_sha256: string | null; recording_seconds: number; number: string; started_at: number }>(
        'SELECT status, duration_seconds, recording_sha256, recording_seconds, number, started_at FROM calls WHERE id = ? AND cl % 2 = 1',
      ),
      recordingOwner: sqlite.prepare<[string], { id: string; contact_id: string | null; started_at: number; recording_seconds: number }>(
        'SELECT id, contact_id, started_at, recording_seconds FROM calls WHERE recording_sha256 = ? AND cl % 2 = 1 LIMIT 1',
      ),
      contactNumber: sqlite.prepare<[string], { phones: string; do_not_contact: number; name: string }>(
        'SELECT phones, do_not_contact, name FROM contacts WHERE id = ? AND cl % 2 = 1',
      ),
      optedOut: sqlite.prepare<[string], { opted_out: number }>('SELECT opted_out FROM phone_opt_outs WHERE number = ? ORDER BY changed_at DESC LIMIT 1'),
    };
    // A call's recording is served like any stored file once it is on this laptop.
    deps.files.addOpener((sha256) => this.recordingFile(sha256));
  }

  /** The relay's settings, remembered for when it cannot be reached. */
  async settings(): Promise<PhoneSettingsView> {
    const view = await this.deps.relay.settings();
    this.deps.state.set(settingsKey, view);
    return view;
  }

  async saveSettings(input: z.output<typeof PhoneSettingsInputSchema>): Promise<PhoneSettingsView> {
    const view = await this.deps.relay.saveSettings(input);
    this.deps.state.set(settingsKey, view);
    return view;
  }

  /** A live message from the relay: a call is ringing. Shown on screen within the same turn. */
  handleLiveMessage(message: unknown): void {
    const parsed = IncomingCallMessageSchema.safeParse(message);
    if (!parsed.success || this.closed) return;
    const incoming = parsed.data;
    // A webhook Twilio retried announces the same call again: it is on screen already.
    if (this.lastPop?.callId === incoming.callId) return;
    let contact = this.deps.matching.contactFor(incoming.from);
    let createdContact = false;
    const workspaceId = this.deps.relay.workspaceId;
    if (!contact && incoming.autoCreateContact && workspaceId) {
      const id = this.deps.matching.createCallerContact(workspaceId, incoming.from);
      contact = id ? this.deps.matching.contactFor(incoming.from) : undefined;
      createdContact = contact !== undefined;
    }
    const followUp = contact ? this.statements.openFollowUpOf.get(contact.id) : undefined;
    const pop: ScreenPop = {
      callId: incoming.callId,
      number: incoming.from,
      at: incoming.at,
      contact: contact
        ? { id: contact.id, name: contact.name, company: contact.company, contactType: contact.contact_type, doNotContact: contact.do_not_contact === 1 }
        : null,
      lastCallAt: contact ? (this.statements.lastCallOf.get(contact.id, incoming.callId)?.started_at ?? null) : null,
      openFollowUp: followUp ? { id: followUp.id, title: followUp.title, dueAt: followUp.due_at } : null,
      createdContact,
    };
    this.lastPop = pop;
    this.deps.emitScreenPop(pop);
  }

  lastScreenPop(): ScreenPop | null {
    const pop = this.lastPop;
    return pop && this.deps.now() - pop.at < popLifetimeMs ? pop : null;
  }

  /** Once caught up with the relay: match calls and texts, fetch settings, send queued texts. */
  async onCaughtUp(): Promise<void> {
    if (this.closed) return;
    const view = await this.settings().catch(() => (this.closed ? undefined : this.deps.state.get<PhoneSettingsView>(settingsKey)));
    if (this.closed) return;
    this.matchCallers({ autoCreateContacts: view?.handling.autoCreateContacts ?? false, applySlaRules: true });
    await this.deps.texts.flush();
  }

  /** Links calls and texts to contacts by number; also after a contact gains a number here. */
  matchCallers(options: { autoCreateContacts: boolean; applySlaRules: boolean }): void {
    if (this.closed) return;
    const workspaceId = this.deps.relay.workspaceId;
    const { optOutsSeenUpTo } = this.deps.matching.run({
      ...(workspaceId ? { workspaceId } : {}),
      ...options,
      optOutsSeenUpTo: this.deps.state.get<number>(optOutsKey) ?? 0,
    });
    this.deps.state.set(optOutsKey, optOutsSeenUpTo);
  }

  /** Click to call: refused with the reason for do-not-contact, opted-out or blocked numbers. */
  async call(input: { contactId?: string; number?: string }): Promise<{ callId: string; ringing: string }> {
    let number: string | null = null;
    if (input.contactId) {
      const contact = this.statements.contactNumber.get(input.contactId);
      if (!contact) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'contactId');
      if (contact.do_not_contact === 1) throw new AppError('forbidden', `${contact.name} is marked do-not-contact; the call was not made.`);
      const phones = JSON.parse(contact.phones) as { e164: string }[];
      number = input.number ? normalisePhone(input.number, this.deps.settings.get().defaultRegion) : (phones[0]?.e164 ?? null);
      if (!number) throw new AppError('invalid_input', `${contact.name} has no phone number to call.`, 'number');
    } else {
      number = normalisePhone(input.number ?? '', this.deps.settings.get().defaultRegion);
      if (!number) throw new AppError('invalid_input', `"${input.number}" is not a phone number Fieldbook can read.`, 'number');
      const contact = this.deps.matching.contactFor(number);
      if (contact?.do_not_contact === 1) throw new AppError('forbidden', `${contact.name} is marked do-not-contact; the call was not made.`);
    }
    if (this.statements.optedOut.get(number)?.opted_out === 1) {
      throw new AppError('forbidden', `${number} asked not to be contacted (STOP); the call was not made.`);
    }
    const placed = await this.deps.relay.callOut(number, input.contactId).catch((error: unknown) => {
      throw toAppError(error);
    });
    return { callId: placed.callId, ringing: placed.ringing };
  }

  callState(callId: string) {
    const call = this.statements.call.get(callId);
    if (!call) return { callId, state: 'dialing' as const, status: 'queued', durationSeconds: 0 };
    return { callId, state: clickToCallState(call.status), status: call.status, durationSeconds: call.duration_seconds };
  }

  /** Copies a call's recording from the relay into this laptop's file store, once. */
  async recording(callId: string): Promise<{ sha256: string; seconds: number }> {
    const call = this.statements.call.get(callId);
    if (!call?.recording_sha256) throw new AppError('not_found', 'This call has no recording.', 'callId');
    const sha256 = call.recording_sha256;
    if (!this.deps.files.blobs.has(sha256)) {
      const bytes = await this.deps.relay.recording(sha256);
      const staged = await this.deps.files.blobs.stage(Readable.from([bytes]), Number.MAX_SAFE_INTEGER, 'recording.mp3');
      if (staged.sha256 !== sha256) throw new AppError('conflict', 'The recording from the relay does not match its call; it was not kept.');
      this.deps.files.blobs.commit(staged.uploadId);
    }
    return { sha256, seconds: call.recording_seconds };
  }

  close(): void {
    this.closed = true;
  }

  private recordingFile(sha256: string): StoredFile | undefined {
    const call = this.statements.recordingOwner.get(sha256);
    if (!call) return undefined;
    return {
      id: `recording-${call.id}`,
      contactId: call.contact_id ?? '',
      sha256,
      name: `call-${new Date(call.started_at).toISOString().slice(0, 16).replace(':', '')}.mp3`,
      mimeType: 'audio/mpeg',
      // The host reads the size from the stored bytes.
      sizeBytes: 0,
      category: 'document',
      addedBy: '',
      createdAt: call.started_at,
      // Asked for only when its bytes are here (FilesService.open).
      available: true,
    };
  }
}
