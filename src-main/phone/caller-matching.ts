import { contactIdForCaller, E164Schema } from '../../src-shared/domain/telephony';
import { formatPhone } from '../../src-shared/phone';
import type { Sqlite } from '../db/open';
import { createCallBackRules, type CallBackRules } from '../calls/outcome-rules';
import type { FollowUpsService } from '../followups/service';
import type { SettingsService } from '../settings/service';
import type { MutationEngine, MutationTx } from '../writes/mutation-engine';

// The relay writes phone line calls and texts with the customer's number only; matching numbers
// to contacts happens here, on the laptop, by E.164. Whatever several laptops do at once here
// converges: a new caller's contact and a missed call's follow-up have ids derived from the
// outside fact, so two laptops making them make the same row.

const missedStatuses = ['no-answer', 'busy', 'failed'];
// The phone line's calls and texts no contact has yet: exactly the WHERE of the partial indexes of
// migration 0039, which the queries below name (INDEXED BY).
const unlinkedCall = `calls INDEXED BY calls_unlinked_phone_line WHERE contact_id IS NULL AND provider IN ('twilio', 'api') AND number <> '' AND cl % 2 = 1`;
const unlinkedText = `texts INDEXED BY texts_unlinked WHERE contact_id IS NULL AND number <> '' AND cl % 2 = 1`;
const slaWindowMs = 7 * 24 * 60 * 60 * 1000;

export interface MatchedContact {
  id: string;
  name: string;
  company: string;
  contact_type: string;
  do_not_contact: number;
}

export class CallerMatching {
  private readonly byNumber;
  private readonly rowExists;
  private readonly unlinkedCalls;
  private readonly unlinkedTexts;
  private readonly missedCalls;
  private readonly optOutsSince;
  private readonly contactsWithNumber;
  private readonly numbersOf;
  private readonly anythingUnlinked;
  private readonly unlinkedCallsFrom;
  private readonly unlinkedTextsFrom;
  private readonly callBacks: CallBackRules;

  constructor(
    sqlite: Sqlite,
    private readonly engine: MutationEngine,
    followUps: FollowUpsService,
    private readonly settings: SettingsService,
    private readonly now: () => number,
  ) {
    // A missed call's call-backs come from the rules every outcome uses (src-main/calls/outcome-rules.ts).
    this.callBacks = createCallBackRules({ sqlite, followUps, slaRules: () => settings.get().slaRules, now });
    this.byNumber = sqlite.prepare<[string], MatchedContact>(
      `SELECT c.id, c.name, c.company, c.contact_type, c.do_not_contact FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
       WHERE p.e164 = ? AND c.cl % 2 = 1 ORDER BY c.updated_at DESC, c.id LIMIT 1`,
    );
    const exists = {
      contacts: sqlite.prepare<[string], { cl: number }>('SELECT cl FROM contacts WHERE id = ?'),
    };
    this.rowExists = (table: keyof typeof exists) => exists[table];
    this.unlinkedCalls = sqlite.prepare<[], { id: string; number: string }>(
      `SELECT id, number FROM ${unlinkedCall} LIMIT 5000`,
    );
    this.unlinkedTexts = sqlite.prepare<[], { id: string; number: string }>(
      `SELECT id, number FROM ${unlinkedText} LIMIT 5000`,
    );
    this.missedCalls = sqlite.prepare<[number], { id: string; contact_id: string; disposition: string; started_at: number; contact_type: string }>(
      `SELECT k.id, k.contact_id, k.disposition, k.started_at, c.contact_type FROM calls k JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1
       WHERE k.provider = 'twilio' AND k.direction = 'inbound' AND k.started_at >= ? AND k.cl % 2 = 1
         AND k.status IN (${missedStatuses.map((status) => `'${status}'`).join(', ')})`,
    );
    this.optOutsSince = sqlite.prepare<[number], { number: string; opted_out: number; changed_at: number }>(
      'SELECT number, opted_out, changed_at FROM phone_opt_outs WHERE changed_at > ? ORDER BY changed_at',
    );
    // The unlinked ones of one number. These four read the partial indexes of migration 0039 by
    // name: the planner would take calls_contact (contact_id IS NULL), which also holds every
    // call logged by hand without a contact.
    this.numbersOf = sqlite.prepare<[string], { e164: string }>(
      'SELECT DISTINCT e164 FROM contact_phones WHERE contact_id IN (SELECT value FROM json_each(?))',
    );
    this.anythingUnlinked = sqlite.prepare<[], number>(`SELECT EXISTS(SELECT 1 FROM ${unlinkedCall}) OR EXISTS(SELECT 1 FROM ${unlinkedText})`).pluck();
    this.unlinkedCallsFrom = sqlite.prepare<[string], { id: string }>(
      `SELECT id FROM ${unlinkedCall} AND number = ?`,
    );
    this.unlinkedTextsFrom = sqlite.prepare<[string], { id: string }>(
      `SELECT id FROM ${unlinkedText} AND number = ?`,
    );
    this.contactsWithNumber = sqlite.prepare<[string], { id: string; do_not_contact: number }>(
      `SELECT DISTINCT c.id, c.do_not_contact FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.e164 = ? AND c.cl % 2 = 1`,
    );
  }

  contactFor(number: string): MatchedContact | undefined {
    return this.byNumber.get(number);
  }

  /**
   * The contact made for a caller nobody knew: one per (workspace, number) on every laptop. An
   * existing row of that id (made by another laptop, even if deleted since) is never rewritten.
   */
  createCallerContact(workspaceId: string, number: string, tx?: MutationTx): string | undefined {
    if (!E164Schema.safeParse(number).success) return undefined;
    const id = contactIdForCaller(workspaceId, number);
    if (this.rowExists('contacts').get(id)) return id;
    const settings = this.settings.get();
    const at = this.now();
    // A new contact's phone list as a whole (its base list), as ContactsService.create writes it.
    const write = (t: MutationTx) =>
      t.write(
        'contacts',
        id,
        {
          name: formatPhone(number),
          phones: JSON.stringify([{ type: 'mobile', e164: number }]),
          contact_type: settings.contactTypes.includes('lead') ? 'lead' : (settings.contactTypes[0] ?? ''),
          source: 'phone call',
          owner: settings.userName,
          created_at: at,
          updated_at: at,
          cl: 1,
        },
        { wholeLists: true },
      );
    if (tx) write(tx);
    else this.engine.transaction(write);
    return id;
  }

  /**
   * Links phone line calls, calls logged through the intake API, and texts to the contact with their number (making one for a new
   * caller when the workspace asks), applies STOP/START to the contacts of the number, and makes
   * the follow-ups the SLA rules ask for missed calls. Run once this laptop is caught up with the
   * relay, so what another laptop already did has arrived and is not done again over it.
   */
  run(options: { workspaceId?: string; autoCreateContacts: boolean; applySlaRules: boolean; optOutsSeenUpTo: number }): { optOutsSeenUpTo: number } {
    let seenUpTo = options.optOutsSeenUpTo;
    this.engine.transaction((tx) => {
      for (const call of this.unlinkedCalls.all()) {
        const contactId =
          this.contactFor(call.number)?.id ??
          (options.autoCreateContacts && options.workspaceId ? this.createCallerContact(options.workspaceId, call.number, tx) : undefined);
        if (contactId) tx.write('calls', call.id, { contact_id: contactId });
      }
      for (const text of this.unlinkedTexts.all()) {
        const contact = this.contactFor(text.number);
        if (contact) tx.write('texts', text.id, { contact_id: contact.id });
      }
      for (const optOut of this.optOutsSince.all(options.optOutsSeenUpTo)) {
        for (const contact of this.contactsWithNumber.all(optOut.number)) {
          if (contact.do_not_contact !== optOut.opted_out) tx.write('contacts', contact.id, { do_not_contact: optOut.opted_out, updated_at: this.now() });
        }
        seenUpTo = Math.max(seenUpTo, optOut.changed_at);
      }
      if (options.applySlaRules) this.applySlaRules(tx);
    });
    return { optOutsSeenUpTo: seenUpTo };
  }

  /**
   * After a commit that wrote `contactIds`: the phone line's calls and texts from one of their
   * numbers are linked to the contact with that number. Only those numbers are looked at, so an
   * edit costs what its contacts' numbers cost, however many calls wait unlinked; opt-outs, new
   * callers' contacts and SLA rules wait for the run after a sync cycle (run), as before. When
   * nothing waits unlinked (one look into each partial index), the numbers are not read at all:
   * an import's chunk of 2,000 contacts would otherwise ask twice for each of their numbers.
   */
  linkNumbersOf(contactIds: readonly string[]): void {
    if (this.anythingUnlinked.get() !== 1) return;
    const links: { table: 'calls' | 'texts'; id: string; contactId: string }[] = [];
    for (const { e164 } of this.numbersOf.all(JSON.stringify(contactIds))) {
      const calls = this.unlinkedCallsFrom.all(e164);
      const texts = this.unlinkedTextsFrom.all(e164);
      if (calls.length === 0 && texts.length === 0) continue;
      const contact = this.contactFor(e164);
      if (!contact) continue;
      for (const call of calls) links.push({ table: 'calls', id: call.id, contactId: contact.id });
      for (const text of texts) links.push({ table: 'texts', id: text.id, contactId: contact.id });
    }
    if (links.length === 0) return;
    this.engine.transaction((tx) => {
      for (const link of links) tx.write(link.table, link.id, { contact_id: link.contactId });
    });
  }

  /** "Missed call from a lead": a follow-up per (call, rule), made once whichever laptop sees the call first. */
  private applySlaRules(tx: MutationTx): void {
    if (this.settings.get().slaRules.length === 0) return;
    for (const call of this.missedCalls.all(this.now() - slaWindowMs)) {
      this.callBacks.missedPhoneCall(tx, { id: call.id, contactId: call.contact_id, contactType: call.contact_type, startedAt: call.started_at, outcome: call.disposition });
    }
  }
}
