import type { ScalarImportField } from '../../../../src-shared/domain/exchange';
import { unescapeText } from './escape';
import type { VCardProperty } from './read';

// Fieldbook's own properties: what a contact has that vCard has no property for, written by
// write.ts and read back by to-collected.ts, so a vCard -> Fieldbook -> vCard round trip keeps
// every field. When adding a contact field: a property here, its writing in write.ts.

/** PRODID of Fieldbook's cards; a card with it carries Fieldbook's id in UID. */
export const fieldbookProdId = '-//Fieldbook//Fieldbook';

export const ownScalarProperties = {
  'X-FIELDBOOK-CONTACT-TYPE': 'contactType',
  'X-FIELDBOOK-STATUS': 'status',
  'X-FIELDBOOK-OWNER': 'owner',
  'X-FIELDBOOK-SOURCE': 'source',
  'X-FIELDBOOK-DO-NOT-CONTACT': 'doNotContact',
  'X-FIELDBOOK-CREATED': 'createdAt',
  'X-FIELDBOOK-UPDATED': 'updatedAt',
} as const satisfies Record<string, ScalarImportField>;

/** `X-FIELDBOOK-POTENTIAL-VALUE;X-CURRENCY=GBP:1234.50` */
export const potentialValueProperty = 'X-FIELDBOOK-POTENTIAL-VALUE';
/** `X-FIELDBOOK-FIELD;X-ID=gate_code;X-LABEL=Gate code:4411`: a custom field, by id, or by label in another workspace. */
export const customFieldProperty = 'X-FIELDBOOK-FIELD';

export type OwnProperty =
  | { kind: 'scalar'; field: ScalarImportField; value: string }
  | { kind: 'custom'; id: string; label: string; value: string };

/** One of Fieldbook's own properties as raw values; null for any other property. */
export function fieldbookProperty(property: VCardProperty): OwnProperty[] | null {
  if (!property.name.startsWith('X-FIELDBOOK-')) return null;
  const value = unescapeText(property.value);
  if (property.name in ownScalarProperties) {
    return [{ kind: 'scalar', field: ownScalarProperties[property.name as keyof typeof ownScalarProperties], value: value.trim() }];
  }
  if (property.name === potentialValueProperty) {
    return [
      { kind: 'scalar', field: 'potentialValue', value: value.trim() },
      { kind: 'scalar', field: 'currency', value: property.params.get('X-CURRENCY')?.[0] ?? '' },
    ];
  }
  if (property.name === customFieldProperty) {
    return [{ kind: 'custom', id: property.params.get('X-ID')?.[0] ?? '', label: property.params.get('X-LABEL')?.[0] ?? '', value }];
  }
  return null;
}
