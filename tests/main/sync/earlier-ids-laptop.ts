import { v7 as uuidv7 } from 'uuid';
import { HybridLogicalClock } from '../../../src-shared/hlc';
import type { WireChange } from '../../../src-shared/sync/protocol';
import { openFields, sealFields, type EpochKeys } from '../../../src-shared/sync/sealing';
import { RelayError, type RelayClient } from '../../../src-main/sync/relay-client';
import { joinWithInvite } from './older-laptop';

// A teammate's laptop of the version before keyed row ids, as the relay sees it, for its tags:
// it names a tag row `<contact>:<tag in lower case>`, as that version did, and writes tags as that
// version's contacts service did (src-main/contacts/service.ts, writeTags): adding a tag writes its
// own row; taking one off clears every row of the contact that holds it, whatever their id (so
// also the keyed rows of upgraded laptops it has pulled). Values are sealed and opened with the
// key ring its invite carries, like every laptop of an encrypted workspace.

interface TagRow {
  contactId: string;
  tag: string;
  present: number;
  /** Per field, the clock it was last written at (the last writer wins per field). */
  clocks: Record<string, string>;
}

export class EarlierIdsLaptop {
  readonly contacts = new Set<string>();
  private readonly tags = new Map<string, TagRow>();
  private readonly outbox: WireChange[] = [];
  /** Every change it made, as made (for the model of what should win). */
  readonly made: WireChange[] = [];
  /** The changes the relay refused, by change id, with its reason (that version sets them aside). */
  readonly refused = new Map<string, string>();
  private cursor = 0;

  private constructor(
    private readonly client: RelayClient,
    private readonly clock: HybridLogicalClock,
    private readonly keyRing: EpochKeys[],
  ) {}

  static async join(relayUrl: string, inviteCode: string, now: () => number): Promise<EarlierIdsLaptop> {
    const { client, deviceId, keyRing } = await joinWithInvite(relayUrl, inviteCode, 'Olga');
    return new EarlierIdsLaptop(client, new HybridLogicalClock(deviceId, now), keyRing);
  }

  async sync(): Promise<void> {
    if (this.outbox.length > 0) {
      try {
        const answer = await this.client.push(this.outbox);
        for (const { changeId, reason } of answer.refused ?? []) this.refused.set(changeId, reason);
        this.outbox.length = 0;
      } catch (error) {
        // A clock ahead of the relay's: the changes wait here for the next sync, as on every laptop.
        if (!(error instanceof RelayError && error.code === 'clock_ahead')) throw error;
      }
    }
    for (;;) {
      const page = await this.client.pull(this.cursor, 1000);
      for (const { seq, change } of page.changes) {
        this.cursor = Math.max(this.cursor, seq);
        this.clock.receive(change.hlc);
        const opened = openFields((epoch) => this.keyRing.find((keys) => keys.epoch === epoch), change, () => change.hlc);
        if ('failed' in opened) throw new Error(`a change did not open: ${opened.failed}`);
        if (change.tableName === 'contacts') this.contacts.add(change.rowId);
        if (change.tableName === 'contact_tags') this.apply(change.rowId, change.hlc, opened.fields);
      }
      if (!page.hasMore) return;
    }
  }

  /** The tags it shows on a contact, in lower case. */
  tagsOf(contactId: string): string[] {
    return [...new Set([...this.tags.values()].filter((row) => row.contactId === contactId && row.present === 1).map((row) => row.tag.toLowerCase()))].sort();
  }

  /** Puts a tag on a contact or takes it off, as that version did. */
  setTag(contactId: string, tag: string, present: boolean): void {
    if (present) {
      const rowId = `${contactId}:${tag.toLocaleLowerCase()}`;
      this.write(rowId, this.tags.has(rowId) ? { tag, present: 1 } : { contact_id: contactId, tag, present: 1 });
      return;
    }
    for (const [rowId, row] of this.tags) {
      if (row.contactId === contactId && row.present === 1 && row.tag.toLowerCase() === tag.toLowerCase()) this.write(rowId, { present: 0 });
    }
  }

  private write(rowId: string, fields: Record<string, string | number>): void {
    const hlc = this.clock.tick();
    this.apply(rowId, hlc, fields);
    const change: WireChange = { changeId: uuidv7(), hlc, tableName: 'contact_tags', rowId, fields, schemaVersion: 2, deviceId: '', author: 'Olga' };
    this.made.push(change);
    const newest = this.keyRing[this.keyRing.length - 1]!;
    this.outbox.push({ ...change, fields: sealFields(newest, change) });
  }

  private apply(rowId: string, hlc: string, fields: Record<string, unknown>): void {
    const row = this.tags.get(rowId) ?? { contactId: '', tag: '', present: 1, clocks: {} };
    for (const [field, value] of Object.entries(fields)) {
      if ((row.clocks[field] ?? '') >= hlc) continue;
      row.clocks[field] = hlc;
      if (field === 'contact_id') row.contactId = String(value);
      if (field === 'tag') row.tag = String(value);
      if (field === 'present') row.present = Number(value);
    }
    this.tags.set(rowId, row);
  }
}
