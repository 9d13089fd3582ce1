// A model of what people meant when they edited the lists of a contact (phones, e-mails) and
// its custom fields, written from the intents alone, not from how the app stores them. Each
// intent carries the clock of the change its laptop logged for it. The rules, as a person would
// state them:
//   - a number or address someone added stays, unless someone removes that item;
//   - a removal sticks, even against an edit of the same item made at the same time elsewhere;
//   - an edited item (its type or its value) follows the later edit of that item, whole;
//   - each custom field follows its own latest edit; two fields edited at once both survive.
// Items are known by a key the test gives them when they are added (their first value: values
// are never reused within a run), so "the item Bob edited" is the same item everywhere.

export type ListName = 'phones' | 'emails';

export type ListIntent =
  | { kind: 'add'; list: ListName; contactId: string; item: string; type: string; value: string; hlc: string }
  | { kind: 'remove'; list: ListName; contactId: string; item: string; hlc: string }
  | { kind: 'edit'; list: ListName; contactId: string; item: string; type: string; value: string; hlc: string }
  | { kind: 'custom'; contactId: string; field: string; value: string | number | null; hlc: string };

interface ModelItem {
  contactId: string;
  list: ListName;
  removed: boolean;
  /** As its latest add or edit left it. */
  latest: { type: string; value: string; hlc: string };
}

export interface ModelLists {
  /** Sorted `type value` strings: the model says which items a contact has, not their order. */
  phones: string[];
  emails: string[];
  customFields: Record<string, string | number>;
}

export function describeItem(type: string, value: string): string {
  return `${type} ${value}`;
}

/** What every contact's lists must hold once every intent has reached every laptop. */
export function modelLists(intents: readonly ListIntent[]): Map<string, ModelLists> {
  const items = new Map<string, ModelItem>();
  const custom = new Map<string, Map<string, { value: string | number | null; hlc: string }>>();
  const later = <T extends { hlc: string }>(current: T | undefined, next: T): T => (current === undefined || next.hlc > current.hlc ? next : current);

  // Adds first: an edit or removal can only be made of an item its laptop has seen added.
  for (const intent of intents) {
    if (intent.kind !== 'add') continue;
    items.set(intent.item, {
      contactId: intent.contactId,
      list: intent.list,
      removed: false,
      latest: { type: intent.type, value: intent.value, hlc: intent.hlc },
    });
  }
  for (const intent of intents) {
    if (intent.kind === 'custom') {
      const fields = custom.get(intent.contactId) ?? new Map();
      fields.set(intent.field, later(fields.get(intent.field), { value: intent.value, hlc: intent.hlc }));
      custom.set(intent.contactId, fields);
      continue;
    }
    if (intent.kind === 'add') continue;
    const item = items.get(intent.item);
    if (!item) throw new Error(`The model never saw ${intent.item} added`);
    if (intent.kind === 'remove') item.removed = true;
    else item.latest = later(item.latest, { type: intent.type, value: intent.value, hlc: intent.hlc });
  }

  const result = new Map<string, ModelLists>();
  const of = (contactId: string) => {
    let lists = result.get(contactId);
    if (!lists) result.set(contactId, (lists = { phones: [], emails: [], customFields: {} }));
    return lists;
  };
  for (const item of items.values()) {
    if (!item.removed) of(item.contactId)[item.list].push(describeItem(item.latest.type, item.latest.value));
  }
  for (const [contactId, fields] of custom) {
    for (const [field, { value }] of fields) if (value !== null && value !== '') of(contactId).customFields[field] = value;
  }
  for (const lists of result.values()) {
    lists.phones.sort();
    lists.emails.sort();
  }
  return result;
}
