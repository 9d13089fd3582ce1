import { v7 as uuidv7 } from 'uuid';
import { HybridLogicalClock } from '../../../src-shared/hlc';
import { mergeChange, type FieldClocks, type FieldValues } from '../../../src-shared/sync/merge';
import type { WireChange } from '../../../src-shared/sync/protocol';
import { inviteRecipient, openFields, sealFields, unwrapForInvite, type EpochKeys } from '../../../src-shared/sync/sealing';
import { RelayClient } from '../../../src-main/sync/relay-client';

// A teammate's laptop still on schema version 1, as the relay sees it: it merges every field of
// every row by the version 1 rule (the last writer wins per field; the causal length by number),
// so each list of a contact is one field and the later whole list wins; it keeps changes for
// tables it does not know aside (the item rows of version 2) and never applies them; and it
// writes lists whole, in changes of schema version 1. Like every laptop of an encrypted workspace
// it opens the key ring its invite carries, opens values after the pull and seals its own before
// the push: what differs from today's laptops is only how it merges lists.

const tablesOfVersion2 = new Set(['contact_phone_items', 'contact_email_items', 'contact_custom_values']);

export class OlderLaptop {
  private readonly rows = new Map<string, { fields: FieldValues; clocks: FieldClocks }>();
  private readonly outbox: WireChange[] = [];
  private cursor = 0;
  /** Changes it could not apply (tables of a newer version), as version 1 keeps them. */
  readonly keptAside: WireChange[] = [];

  private constructor(
    private readonly client: RelayClient,
    private readonly clock: HybridLogicalClock,
    private readonly author: string,
    private readonly keyRing: EpochKeys[],
  ) {}

  static async join(relayUrl: string, inviteCode: string, memberName: string): Promise<OlderLaptop> {
    const { client, deviceId, keyRing } = await joinWithInvite(relayUrl, inviteCode, memberName);
    return new OlderLaptop(client, new HybridLogicalClock(deviceId), memberName, keyRing);
  }

  async sync(): Promise<void> {
    if (this.outbox.length > 0) {
      await this.client.push(this.outbox);
      this.outbox.length = 0;
    }
    for (;;) {
      const page = await this.client.pull(this.cursor, 1000);
      for (const { seq, change } of page.changes) {
        this.cursor = Math.max(this.cursor, seq);
        this.clock.receive(change.hlc);
        const opened = openFields((epoch) => this.keyRing.find((keys) => keys.epoch === epoch), change, () => change.hlc);
        if (tablesOfVersion2.has(change.tableName) || 'failed' in opened) this.keptAside.push(change);
        else this.apply(change.tableName, change.rowId, change.hlc, opened.fields);
      }
      if (!page.hasMore) return;
    }
  }

  /** What this laptop shows of a contact's field (lists are JSON, as version 1 stored them). */
  field(contactId: string, name: string): unknown {
    const value = this.rows.get(`contacts/${contactId}`)?.fields[name];
    return typeof value === 'string' && (name === 'phones' || name === 'emails' || name === 'custom_fields') ? JSON.parse(value) : value;
  }

  /** An edit as version 1 made it: the changed fields of the contact, lists whole. */
  editContact(contactId: string, fields: Record<string, unknown>): void {
    const values: FieldValues = {};
    for (const [name, value] of Object.entries(fields)) values[name] = typeof value === 'object' && value !== null ? JSON.stringify(value) : (value as FieldValues[string]);
    const hlc = this.clock.tick();
    this.apply('contacts', contactId, hlc, values);
    const newest = this.keyRing[this.keyRing.length - 1];
    const sealed = newest ? sealFields(newest, { tableName: 'contacts', rowId: contactId, hlc, fields: values }) : values;
    this.outbox.push({ changeId: uuidv7(), hlc, tableName: 'contacts', rowId: contactId, fields: sealed, schemaVersion: 1, deviceId: '', author: this.author });
  }

  private apply(tableName: string, rowId: string, hlc: string, fields: FieldValues): void {
    const key = `${tableName}/${rowId}`;
    const row = this.rows.get(key) ?? { fields: {}, clocks: {} };
    const merged = mergeChange(row, { hlc, fields });
    this.rows.set(key, { fields: { ...row.fields, ...merged.values }, clocks: { ...row.clocks, ...merged.clocks } });
  }
}

/** Joins a workspace as a laptop does with an invite code, and opens the key ring the invite carries. */
export async function joinWithInvite(relayUrl: string, inviteCode: string, memberName: string): Promise<{ client: RelayClient; deviceId: string; keyRing: EpochKeys[] }> {
  const [relayCode = '', secret = ''] = inviteCode.split('.');
  const credentials = await new RelayClient(relayUrl).join({ inviteCode: relayCode, memberName, deviceName: `${memberName}'s old laptop` });
  const client = new RelayClient(relayUrl, credentials.deviceToken);
  const recipient = inviteRecipient(relayCode);
  const keys = await client.keys(recipient);
  const keyRing = keys.envelopes.filter((envelope) => envelope.recipient === recipient).flatMap((envelope) => unwrapForInvite(secret, envelope.envelope));
  return { client, deviceId: credentials.deviceId, keyRing };
}
