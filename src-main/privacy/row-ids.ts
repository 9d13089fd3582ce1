import { createHash, createHmac } from 'node:crypto';
import { normaliseEmail } from '../../src-shared/phone';
import type { EpochKeys } from '../../src-shared/sync/sealing';
import { frameKey } from '../security/framed-cipher';

// Row ids that carry no content (docs/end-to-end-encryption.md, "Row ids"). Two kinds of rows
// have ids every laptop must derive alike, so that the same thing added on two laptops is one row:
//   - a tag of a contact: `<contact>:#<32 upper-case hex>`;
//   - the item a base list entry stands for (a phone or an e-mail): `<contact>:=<32 hex>`.
// Both are an HMAC-SHA256 under the row-id key, which comes from the workspace's first epoch: every
// laptop of the workspace holds it (new devices are given every epoch) and it stays the same when
// the key is rotated. The contact id is inside the HMAC, so the relay cannot even tell that two
// contacts share a tag. The relay never holds the key, so it can neither read a tag nor confirm a
// guessed phone number or e-mail by hashing it.
//
// A laptop that has never been in a workspace with a key keeps the ids of earlier versions
// (`<contact>:<tag in lower case>`, `<contact>:~<24 hex of an unkeyed SHA-256>`): nothing leaves it.
// When it first holds a key, its rows are re-keyed in one transaction (rekey.ts), before its first
// push. Rows in the earlier form still arrive (from laptops not upgraded yet, from the relay's own
// web-form leads, from the relay's snapshot of rows written before the upgrade): a tag's earlier id
// names its tag, so it is rewritten on arrival (arrivingTagRowId); an item's names only a hash, so
// the list reader takes both forms of an entry's id as the same item (list-items.ts).

const keyPurpose = 'fieldbook row ids';
const keyedTagPattern = /^#[0-9A-F]{32}$/;

/** The row-id key of a workspace: from its first epoch, which rotation never changes. */
export function rowIdKeyOf(epochs: readonly EpochKeys[]): Buffer | undefined {
  const first = epochs.reduce<EpochKeys | undefined>((lowest, epoch) => (!lowest || epoch.epoch < lowest.epoch ? epoch : lowest), undefined);
  return first ? frameKey(Buffer.from(first.key, 'base64url'), Buffer.alloc(0), keyPurpose) : undefined;
}

function keyedHex(key: Buffer, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** The id of a contact's tag row: keyed when the laptop holds a row-id key, in the earlier form otherwise. */
export function tagRowId(contactId: string, tag: string, key: Buffer | undefined): string {
  const lower = tag.toLocaleLowerCase();
  return key ? `${contactId}:#${keyedHex(key, 'tag', contactId, lower).toUpperCase()}` : `${contactId}:${lower}`;
}

/** The contact a contact_tags row belongs to (both forms of id start with it). */
export function contactIdOfTagRow(rowId: string): string {
  const separator = rowId.indexOf(':');
  return separator === -1 ? rowId : rowId.slice(0, separator);
}

/**
 * The id under which a tag row that arrived from elsewhere is kept here: a keyed id stays; an id
 * of the earlier form (which names its tag) becomes the keyed id of that tag. Old-form ids are lower
 * case, so an upper-case hex suffix can only be a keyed one.
 */
export function arrivingTagRowId(rowId: string, key: Buffer | undefined): string {
  if (!key) return rowId;
  const separator = rowId.indexOf(':');
  if (separator <= 0) return rowId;
  const suffix = rowId.slice(separator + 1);
  if (keyedTagPattern.test(suffix)) return rowId;
  return tagRowId(rowId.slice(0, separator), suffix, key);
}

export type BaseItemList = 'phones' | 'emails';

/** Two entries with the same match key are the same number or address. */
export const itemMatchKey = (list: BaseItemList, value: string): string => (list === 'emails' ? normaliseEmail(value) : value);

/** The id earlier versions give the item of a base list entry: an unkeyed hash of its value. */
export function unkeyedBaseItemId(contactId: string, list: BaseItemList, value: string): string {
  return `${contactId}:~${createHash('sha256').update(`${list}\n${itemMatchKey(list, value)}`).digest('hex').slice(0, 24)}`;
}

/** The id of the item a base list entry stands for: the same on every laptop of the workspace. */
export function baseItemId(contactId: string, list: BaseItemList, value: string, key: Buffer | undefined): string {
  return key ? `${contactId}:=${keyedHex(key, list, contactId, itemMatchKey(list, value))}` : unkeyedBaseItemId(contactId, list, value);
}
