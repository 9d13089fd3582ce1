import type { EmailType, PhoneType } from '../../../../src-shared/domain/contact';
import type { CustomFieldDef } from '../../../../src-shared/domain/settings';
import { collectAddress, collectScalar, emptyCollected, type CollectedContact } from '../../import/contact-builder';
import { emailTypeFromLabel, phoneTypeFromLabel } from '../values';
import { splitEscaped, unescapeText } from './escape';
import { readPhoto } from './photo';
import type { VCard, VCardProperty } from './read';
import { fieldbookProdId, fieldbookProperty } from './vocabulary';

// What a card's properties mean for a contact: the raw values, which contact-builder.ts then
// checks like a CSV row's. Besides the contact's own fields: Fieldbook's X-FIELDBOOK-*
// properties (its own export, so a round trip keeps every field), other X- properties and
// Apple's labelled items where a custom field of the same name exists, and the personal details
// Fieldbook has no field for (birthday, website, nickname …) as lines in the summary.

/** Details people keep on a card that Fieldbook has no field for, with the words the summary uses. */
const personalDetails: Record<string, string> = {
  NICKNAME: 'Nickname',
  BDAY: 'Birthday',
  ANNIVERSARY: 'Anniversary',
  URL: 'Website',
  IMPP: 'Messaging',
  ROLE: 'Role',
  RELATED: 'Related',
  'X-ABRELATEDNAMES': 'Related',
  'X-ABDATE': 'Date',
  'X-ANNIVERSARY': 'Anniversary',
  'X-SPOUSE': 'Spouse',
  'X-ASSISTANT': 'Assistant',
  'X-MANAGER': 'Manager',
  'X-MS-SPOUSE': 'Spouse',
  'X-MS-MANAGER': 'Manager',
  'X-MS-ASSISTANT': 'Assistant',
  'X-MS-IMADDRESS': 'Messaging',
  'X-EVOLUTION-SPOUSE': 'Spouse',
  'X-EVOLUTION-MANAGER': 'Manager',
  'X-EVOLUTION-ASSISTANT': 'Assistant',
  'X-EVOLUTION-ANNIVERSARY': 'Anniversary',
  'X-SKYPE': 'Skype',
  'X-SKYPE-USERNAME': 'Skype',
  'X-AIM': 'AIM',
  'X-JABBER': 'Jabber',
  'X-MSN': 'MSN',
  'X-YAHOO': 'Yahoo',
  'X-ICQ': 'ICQ',
  'X-GOOGLE-TALK': 'Google Talk',
  'X-TWITTER': 'Twitter',
};
const dateDetails = new Set(['BDAY', 'ANNIVERSARY', 'X-ABDATE', 'X-ANNIVERSARY', 'X-EVOLUTION-ANNIVERSARY']);

/** Apple writes its own labels as _$!<Mobile>!$_ and a user's as plain text ("Site office"). */
interface ItemLabel {
  text: string;
  apples: boolean;
}

function readLabel(raw: string): ItemLabel {
  const text = unescapeText(raw).trim();
  const apple = /^_\$!<(.*)>!\$_$/.exec(text);
  return apple ? { text: apple[1]!, apples: true } : { text, apples: false };
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function phoneType(types: string[], label: string | undefined): PhoneType {
  const all = types.join(' ');
  if (/fax/.test(all)) return 'fax';
  if (/cell|mobile|iphone/.test(all)) return 'mobile';
  if (/main/.test(all)) return 'main';
  if (/work/.test(all)) return 'work';
  if (/home/.test(all)) return 'home';
  // An Apple label ("Mobile", "Main") or a user's own ("Site office") when the types say nothing.
  return phoneTypeFromLabel(label ?? '', 'other');
}

function emailType(types: string[], label: string | undefined): EmailType {
  const all = types.join(' ');
  if (/work/.test(all)) return 'work';
  if (/home|personal/.test(all)) return 'personal';
  return emailTypeFromLabel(label ?? '', 'other');
}

/** 3.0 writes dates in the basic form 19800402; the custom fields read 1980-04-02. */
function isoDate(value: string): string {
  const basic = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return basic ? `${basic[1]}-${basic[2]}-${basic[3]}` : value.replace(/T.*$/, '');
}

/** A card's properties as the raw values of a contact (contact-builder.ts checks them). */
export function vcardToCollected(card: VCard, customFields: readonly CustomFieldDef[] = []): CollectedContact {
  const collected = emptyCollected();
  collected.warnings.push(...card.notices);
  const labels = new Map<string, ItemLabel>();
  for (const property of card.properties) {
    if (property.group && property.name === 'X-ABLABEL') labels.set(property.group.toLowerCase(), readLabel(property.value));
  }
  const fieldsByName = new Map<string, CustomFieldDef>();
  for (const def of customFields) {
    fieldsByName.set(squash(def.label), def);
    fieldsByName.set(squash(def.id), def);
  }
  const ours = card.properties.some((property) => property.name === 'PRODID' && property.value.startsWith(fieldbookProdId));
  const details: string[] = [];
  let addressGroup = 0;
  let logo: VCardProperty | null = null;

  const setCustom = (def: CustomFieldDef, value: string, property: VCardProperty) => {
    if (!collected.custom.get(def.id)?.value.trim()) collected.custom.set(def.id, { value, origin: `${property.name} at line ${property.line}`, line: property.line });
  };

  for (const property of card.properties) {
    const types = property.params.get('TYPE') ?? [];
    const itemLabel = property.group ? labels.get(property.group.toLowerCase()) : undefined;
    const label = itemLabel?.text;
    const origin = `${property.name} at line ${property.line}`;
    const text = () => unescapeText(property.value).trim();
    switch (property.name) {
      case 'FN':
        collectScalar(collected, 'name', text());
        continue;
      case 'N': {
        const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitEscaped(property.value, ';').map((part) =>
          part.split(',').map((piece) => piece.trim()).filter(Boolean).join(' '),
        );
        collectScalar(collected, 'lastName', family);
        collectScalar(collected, 'firstName', given);
        collectScalar(collected, 'middleName', additional);
        collectScalar(collected, 'namePrefix', prefix);
        collectScalar(collected, 'nameSuffix', suffix);
        continue;
      }
      case 'ORG':
        collectScalar(collected, 'company', (splitEscaped(property.value, ';')[0] ?? '').trim());
        continue;
      case 'TITLE':
        collectScalar(collected, 'jobTitle', text());
        continue;
      case 'KIND':
        if (/^(org|organization)$/i.test(property.value.trim())) collectScalar(collected, 'kind', 'company');
        continue;
      case 'X-ABSHOWAS':
        if (/^company$/i.test(property.value.trim())) collectScalar(collected, 'kind', 'company');
        continue;
      case 'TEL': {
        const number = text().replace(/^tel:/i, '').replace(/;ext=.*$/i, '');
        if (number) collected.phones.push({ type: phoneType(types, label), number, origin, cell: collected.phones.length, line: property.line });
        continue;
      }
      case 'EMAIL': {
        const address = text().replace(/^mailto:/i, '');
        if (address) collected.emails.push({ type: emailType(types, label), address, origin, cell: collected.emails.length, line: property.line });
        continue;
      }
      case 'ADR': {
        const [, extended = '', street = '', city = '', region = '', postcode = '', country = ''] = splitEscaped(property.value, ';');
        if ([street, extended, city, region, postcode, country].every((part) => part.trim() === '')) continue;
        const group = Math.min(addressGroup, 9);
        addressGroup += 1;
        collectAddress(collected, group, 'street', street.trim());
        collectAddress(collected, group, 'street', extended.trim());
        collectAddress(collected, group, 'city', city.trim());
        collectAddress(collected, group, 'region', region.trim());
        collectAddress(collected, group, 'postcode', postcode.trim());
        collectAddress(collected, group, 'country', country.trim());
        continue;
      }
      case 'NOTE':
        collected.summary.push(unescapeText(property.value).replace(/\r\n?/g, '\n'));
        continue;
      case 'CATEGORIES':
        collected.exactTags.push(...splitEscaped(property.value, ','));
        continue;
      case 'PHOTO':
        if (!collected.photo) readPhotoInto(collected, property);
        continue;
      case 'LOGO':
        logo ??= property;
        continue;
      case 'UID':
        // Only Fieldbook's own ids: another program's UID is no id of this workspace.
        if (ours) collectScalar(collected, 'id', text());
        continue;
    }
    const own = fieldbookProperty(property);
    if (own) {
      for (const entry of own) {
        if (entry.kind === 'scalar') collectScalar(collected, entry.field, entry.value);
        else {
          const def = customFields.find((candidate) => candidate.id === entry.id) ?? fieldsByName.get(squash(entry.label));
          if (def) setCustom(def, entry.value, property);
          else if (entry.value.trim()) details.push(`${entry.label || entry.id}: ${entry.value.trim()}`);
        }
      }
      continue;
    }
    const value = dateDetails.has(property.name) ? isoDate(text()) : text();
    if (!value) continue;
    const detail = personalDetails[property.name];
    const candidates = [label, detail, property.name.replace(/^X-(MS-|EVOLUTION-|AB)?/, '')].filter((name): name is string => !!name);
    const def = candidates.map((name) => fieldsByName.get(squash(name))).find(Boolean);
    if (def) setCustom(def, value, property);
    // Apple's own label of a link ("HomePage") says less than "Website"; a user's own label says more.
    else if (detail) details.push(`${label && !(itemLabel?.apples && property.name === 'URL') ? label : detail}: ${value}`);
  }
  if (!collected.photo && logo && collected.scalars.kind === 'company') readPhotoInto(collected, logo);
  if (details.length > 0) collected.summary.push(details.join('\n'));
  return collected;
}

function readPhotoInto(collected: CollectedContact, property: VCardProperty): void {
  const reading = readPhoto(property);
  const where = `${property.name} at line ${property.line}`;
  if (reading.kind === 'photo') collected.photo = reading.photo;
  else if (reading.kind === 'link') {
    collected.keptAsWritten.push({ what: 'photo', value: reading.url, problem: `The photo (${where}) is a link; Fieldbook does not fetch pictures from the internet`, line: property.line });
  } else collected.warnings.push({ line: property.line, reason: `The photo (${where}) ${reading.reason}; left out.` });
}

/** The card's name for lists and the error file. */
export function vcardDisplayName(card: VCard): string {
  const fn = card.properties.find((property) => property.name === 'FN');
  if (fn) return unescapeText(fn.value).trim();
  const n = card.properties.find((property) => property.name === 'N');
  if (n) {
    const [family = '', given = ''] = splitEscaped(n.value, ';');
    return [given, family].filter(Boolean).join(' ');
  }
  return '';
}
