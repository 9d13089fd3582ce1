import { emailTypes, phoneTypes, type EmailType, type PhoneType } from '../../../src-shared/domain/contact';
import {
  addressImportFields,
  customColumnHeader,
  exportColumns,
  scalarImportFields,
  type AddressImportField,
  type ColumnMapping,
  type ImportSource,
  type ImportTarget,
  type ScalarImportField,
} from '../../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';

// Matching the headers of a CSV file to contact fields. First the product that wrote the file
// is recognised (Google Contacts, Outlook, HubSpot, Salesforce, Pipedrive, Fieldbook itself),
// because the same header means different things in different products ("Title" is a name
// prefix in Outlook and a job title in Salesforce); then its own rules apply, then common
// synonyms in English, German, French and Spanish. Unknown columns are ignored, never guessed.

/** "E-mail 1 - Value" -> "email1value": lower case, no accents, letters and digits only. */
export function compactHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '');
}

interface RuleContext {
  /** The column whose compact header is one of these, for a phone's or e-mail's label column. */
  columnOf(...keys: string[]): number | null;
}

type Rule = [RegExp, (match: RegExpExecArray, context: RuleContext) => ImportTarget];

const scalar = (field: ScalarImportField): ImportTarget => ({ field });
const address = (field: AddressImportField, group = 0): ImportTarget => ({ field, group });
const phone = (type: PhoneType, typeColumn: number | null = null): ImportTarget => ({ field: 'phone', type, typeColumn });
const email = (type: EmailType, typeColumn: number | null = null): ImportTarget => ({ field: 'email', type, typeColumn });
const ignore: ImportTarget = { field: 'ignore' };
const fixed = (target: ImportTarget) => () => target;

const googleAddressParts: Record<string, AddressImportField | null> = {
  street: 'street',
  extendedaddress: 'street',
  city: 'city',
  region: 'region',
  postalcode: 'postcode',
  country: 'country',
  formatted: null,
  pobox: null,
  label: null,
  type: null,
};

const googleRules: Rule[] = [
  [/^givenname$/, fixed(scalar('firstName'))],
  [/^additionalname$/, fixed(scalar('middleName'))],
  [/^familyname$/, fixed(scalar('lastName'))],
  [/^(labels|groupmembership)$/, fixed(scalar('tags'))],
  [/^organization1?name$/, fixed(scalar('company'))],
  [/^organization1?title$/, fixed(scalar('jobTitle'))],
  [/^e?mail(\d+)value$/, (m, c) => email('other', c.columnOf(`email${m[1]}label`, `email${m[1]}type`))],
  [/^phone(\d+)value$/, (m, c) => phone('other', c.columnOf(`phone${m[1]}label`, `phone${m[1]}type`))],
  [
    /^address(\d+)(street|extendedaddress|city|region|postalcode|country|formatted|pobox|label|type)$/,
    (m) => {
      const part = googleAddressParts[m[2]!];
      return part ? address(part, Math.min(Number(m[1]) - 1, 9)) : ignore;
    },
  ],
  [/^(e?mail|phone|address|website|organization|relation|event|im)\d+\w*$/, fixed(ignore)],
];

const outlookGroups: Record<string, number> = { business: 0, home: 1, other: 2 };
const outlookAddressParts: Record<string, AddressImportField> = {
  street: 'street',
  street2: 'street',
  street3: 'street',
  city: 'city',
  state: 'region',
  postalcode: 'postcode',
  countryregion: 'country',
  country: 'country',
};

const outlookRules: Rule[] = [
  [/^title$/, fixed(scalar('namePrefix'))],
  [/^suffix$/, fixed(scalar('nameSuffix'))],
  [/^(business|home|other)(street[23]?|city|state|postalcode|countryregion)$/, (m) =>
    address(outlookAddressParts[m[2]!]!, outlookGroups[m[1]!]!)],
  [/^(business|home|other)addresspobox$/, fixed(ignore)],
  [/^businessphone2?$/, fixed(phone('work'))],
  [/^homephone2?$/, fixed(phone('home'))],
  [/^(mobile|car)phone$/, fixed(phone('mobile'))],
  [/^(companymain|primary)phone$/, fixed(phone('main'))],
  [/^(business|home|other)fax$/, fixed(phone('fax'))],
  [/^(other|assistants|radio|ttytdd)phone$|^(callback|isdn|pager|telex)$/, fixed(phone('other'))],
  [/^e?mail[23]?address$/, fixed(email('other'))],
  [/^e?mail[23]?(type|displayname)$/, fixed(ignore)],
  [/^categories$/, fixed(scalar('tags'))],
  [/^referredby$/, fixed(scalar('source'))],
  [/^(department|webpage|account)$/, fixed(ignore)],
];

const hubspotRules: Rule[] = [
  [/^recordid$/, fixed(ignore)],
  [/^phonenumber$/, fixed(phone('work'))],
  [/^mobilephonenumber$/, fixed(phone('mobile'))],
  [/^faxnumber$/, fixed(phone('fax'))],
  [/^(companyname|associatedcompany)$/, fixed(scalar('company'))],
  [/^streetaddress$/, fixed(address('street'))],
  [/^stateregion$/, fixed(address('region'))],
  [/^countryregion$/, fixed(address('country'))],
  [/^contactowner$/, fixed(scalar('owner'))],
  [/^(originalsource|originaltrafficsource|leadsource)$/, fixed(scalar('source'))],
  [/^email$/, fixed(email('work'))],
  [/^(lifecyclestage|leadstatus|createdate|lastactivitydate|websiteurl)$/, fixed(ignore)],
];

const salesforceAddressParts: Record<string, AddressImportField> = {
  street: 'street',
  city: 'city',
  state: 'region',
  stateprovince: 'region',
  postalcode: 'postcode',
  zippostalcode: 'postcode',
  country: 'country',
};

const salesforceRules: Rule[] = [
  [/^(id|accountid|ownerid|reportstoid|masterrecordid|createdbyid|lastmodifiedbyid)$/, fixed(ignore)],
  [/^salutation$/, fixed(scalar('namePrefix'))],
  [/^(accountname|account)$/, fixed(scalar('company'))],
  [/^title$/, fixed(scalar('jobTitle'))],
  [/^email$/, fixed(email('work'))],
  [/^(business)?phone$/, fixed(phone('work'))],
  [/^(mobilephone|mobile)$/, fixed(phone('mobile'))],
  [/^homephone$/, fixed(phone('home'))],
  [/^(otherphone|assistantphone)$/, fixed(phone('other'))],
  [/^fax$/, fixed(phone('fax'))],
  [/^(mailing|other)(street|city|state|stateprovince|postalcode|zippostalcode|country)$/, (m) =>
    address(salesforceAddressParts[m[2]!]!, m[1] === 'mailing' ? 0 : 1)],
  [/^leadsource$/, fixed(scalar('source'))],
  [/^description$/, fixed(scalar('summary'))],
  [/^donotcall$/, fixed(scalar('doNotContact'))],
  [/^(contactowner|owner|ownername)$/, fixed(scalar('owner'))],
  [/^(department|birthdate|hasoptedoutofemail|createddate|lastmodifieddate)$/, fixed(ignore)],
];

const pipedriveRules: Rule[] = [
  [/^(organization|organizationname|org|orgname)$/, fixed(scalar('company'))],
  [/^email(work|home|other)?$/, (m) => email(m[1] === 'home' ? 'personal' : m[1] === 'other' ? 'other' : 'work')],
  [/^phone(work|home|mobile|other)?$/, (m) => phone((m[1] ?? 'work') as PhoneType)],
  [/^labels?$/, fixed(scalar('tags'))],
  [/^owner$/, fixed(scalar('owner'))],
  [/^postaladdress(housenumber|streetnumber|streetroadname|street|route)$/, fixed(address('street'))],
  [/^postaladdress(citytownvillagelocality|city|locality)$/, fixed(address('city'))],
  [/^postaladdress(statecounty|state|region)$/, fixed(address('region'))],
  [/^postaladdress(zippostalcode|postalcode|zip)$/, fixed(address('postcode'))],
  [/^postaladdresscountry$/, fixed(address('country'))],
  [/^postaladdress\w*$/, fixed(ignore)],
];

/** Our own export's headers, exactly as src-shared/domain/exchange.ts names them. */
const fieldbookHeaders = new Map<string, ImportTarget>([
  ['id', scalar('id')],
  ['phone', phone('other')],
  ['mobilephone', phone('mobile')],
  ['email', email('work')],
  ['nextfollowup', ignore],
  ['created', scalar('createdAt')],
  ['updated', scalar('updatedAt')],
  ['potentialvalue', scalar('potentialValue')],
  ['status', scalar('status')],
  ['contacttype', scalar('contactType')],
  ['kind', scalar('kind')],
  ['donotcontact', scalar('doNotContact')],
  ['phones', scalar('phones')],
  ['emails', scalar('emails')],
]);

const synonyms: [string[], ImportTarget][] = [
  [['name', 'fullname', 'contactname', 'displayname', 'contact', 'person', 'nameofcontact', 'kontakt', 'nomcomplet', 'nombrecompleto'], scalar('name')],
  [['firstname', 'givenname', 'forename', 'first', 'vorname', 'prenom', 'nombre'], scalar('firstName')],
  [['middlename', 'additionalname', 'secondname'], scalar('middleName')],
  [['lastname', 'surname', 'familyname', 'last', 'nachname', 'nom', 'apellido', 'apellidos'], scalar('lastName')],
  [['nameprefix', 'prefix', 'salutation', 'anrede', 'civilite'], scalar('namePrefix')],
  [['namesuffix', 'suffix'], scalar('nameSuffix')],
  [['company', 'companyname', 'organization', 'organisation', 'organizationname', 'organisationname', 'business', 'businessname', 'accountname', 'employer', 'firma', 'unternehmen', 'societe', 'entreprise', 'empresa'], scalar('company')],
  [['jobtitle', 'title', 'position', 'role', 'designation', 'beruf', 'funktion', 'poste', 'cargo'], scalar('jobTitle')],
  [['email', 'emailaddress', 'mail', 'emailadresse', 'courriel', 'correo', 'correoelectronico', 'primaryemail'], email('work')],
  [['workemail', 'businessemail', 'officeemail'], email('work')],
  [['homeemail', 'personalemail', 'privateemail', 'emailprivat'], email('personal')],
  [['email2', 'email3', 'otheremail', 'secondaryemail', 'alternativeemail'], email('other')],
  [['phone', 'telephone', 'tel', 'phonenumber', 'telephonenumber', 'telefon', 'telefonnummer', 'telefono', 'primaryphone'], phone('other')],
  [['mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone', 'cellular', 'handy', 'mobil', 'mobiltelefon', 'portable', 'movil'], phone('mobile')],
  [['workphone', 'businessphone', 'officephone', 'telefongeschaftlich', 'directline'], phone('work')],
  [['homephone', 'privatephone', 'telefonprivat'], phone('home')],
  [['mainphone', 'companyphone', 'switchboard'], phone('main')],
  [['fax', 'faxnumber', 'telefax'], phone('fax')],
  [['phone2', 'phone3', 'otherphone'], phone('other')],
  [['street', 'address', 'streetaddress', 'address1', 'addressline1', 'addressline2', 'address2', 'strasse', 'anschrift', 'adresse', 'direccion', 'calle', 'rue'], address('street')],
  [['city', 'town', 'locality', 'suburb', 'ort', 'stadt', 'ville', 'ciudad', 'localidad'], address('city')],
  [['state', 'region', 'province', 'county', 'stateprovince', 'stateregion', 'bundesland', 'provincia'], address('region')],
  [['postcode', 'postalcode', 'zip', 'zipcode', 'plz', 'postleitzahl', 'codepostal', 'codigopostal', 'cp'], address('postcode')],
  [['country', 'countryregion', 'land', 'pays', 'pais'], address('country')],
  [['tags', 'tag', 'labels', 'label', 'categories', 'category', 'groups', 'schlagworte', 'etiquettes', 'etiquetas'], scalar('tags')],
  [['notes', 'note', 'description', 'comments', 'comment', 'remarks', 'summary', 'bemerkung', 'bemerkungen', 'notizen', 'notiz', 'commentaires', 'notas'], scalar('summary')],
  [['source', 'leadsource', 'referredby', 'howdidyouhearaboutus', 'quelle', 'origine', 'origen'], scalar('source')],
  [['owner', 'contactowner', 'accountowner', 'assignedto', 'salesperson', 'betreuer'], scalar('owner')],
  [['contacttype', 'customertype', 'kontakttyp'], scalar('contactType')],
  [['donotcontact', 'donotcall', 'dnc', 'optout', 'nichtkontaktieren'], scalar('doNotContact')],
  [['currency', 'wahrung', 'devise', 'moneda'], scalar('currency')],
];
const synonymIndex = new Map<string, ImportTarget>();
for (const [keys, target] of synonyms) for (const key of keys) synonymIndex.set(key, target);

const profileRules: Record<ImportSource, Rule[]> = {
  fieldbook: [],
  google: googleRules,
  outlook: outlookRules,
  hubspot: hubspotRules,
  salesforce: salesforceRules,
  pipedrive: pipedriveRules,
  generic: [],
};

/** Which product wrote a file with these headers, from headers only that product writes. */
export function detectSource(headers: string[]): ImportSource {
  const keys = new Set(headers.map(compactHeader));
  const count = (...names: string[]) => names.filter((name) => keys.has(name)).length;
  if (count('id', 'phones', 'emails', 'contacttype') >= 3) return 'fieldbook';
  if ([...keys].some((key) => /^(e?mail|phone)1value$/.test(key))) return 'google';
  if (keys.has('recordid') && count('lifecyclestage', 'contactowner', 'phonenumber', 'leadstatus', 'createdate') >= 1) return 'hubspot';
  if (headers.some((header) => /^(person|organi[sz]ation)\s+-\s+/i.test(header))) return 'pipedrive';
  if (count('businessstreet', 'businessphone', 'businesscity', 'homestreet', 'companymainphone', 'emailaddress', 'email2address', 'businessfax') >= 2) {
    return 'outlook';
  }
  if (count('mailingstreet', 'mailingcity', 'mailingpostalcode', 'accountid', 'leadsource', 'salutation', 'donotcall', 'accountname', 'mobilephone', 'ownerid') >= 2) {
    return 'salesforce';
  }
  return 'generic';
}

/**
 * A mapping for every column of the file: the product's rules, then synonyms, then custom fields
 * by label or id ("Custom: Label" in our own export, where a missing field is offered as new).
 */
export function suggestMapping(headers: string[], customFields: CustomFieldDef[]): { source: ImportSource; mapping: ColumnMapping[] } {
  const source = detectSource(headers);
  const keys = headers.map((header) => {
    const key = compactHeader(header);
    // Pipedrive prefixes every column with its entity: "Person - Email - Work".
    if (source === 'pipedrive' && key.startsWith('person') && key !== 'person') return key.slice('person'.length);
    return key;
  });
  const context: RuleContext = {
    columnOf(...wanted) {
      const index = keys.findIndex((key) => wanted.includes(key));
      return index === -1 ? null : index;
    },
  };
  const customByKey = new Map<string, CustomFieldDef>();
  for (const def of customFields) {
    customByKey.set(compactHeader(def.id), def);
    customByKey.set(compactHeader(def.label), def);
  }
  const mapping = headers.map((header, column): ColumnMapping => {
    const key = keys[column]!;
    const custom = /^custom:\s*(.+)$/i.exec(header.trim());
    if (custom) {
      const label = custom[1]!.trim();
      const def = customByKey.get(compactHeader(label));
      if (def) return { column, target: { field: 'custom', customFieldId: def.id } };
      return { column, target: { field: 'custom', customFieldId: customFieldIdFor(label), create: { label: label.slice(0, 60), kind: 'text' } } };
    }
    return { column, target: targetFor(source, key, context) ?? customTarget(customByKey.get(key)) ?? ignore };
  });
  return { source, mapping };
}

function targetFor(source: ImportSource, key: string, context: RuleContext): ImportTarget | undefined {
  if (!key) return undefined;
  if (source === 'fieldbook') {
    const own = fieldbookHeaders.get(key);
    if (own) return own;
  }
  for (const [pattern, build] of profileRules[source]) {
    const match = pattern.exec(key);
    if (match) return build(match, context);
  }
  return synonymIndex.get(key);
}

function customTarget(def: CustomFieldDef | undefined): ImportTarget | undefined {
  return def ? { field: 'custom', customFieldId: def.id } : undefined;
}

/** A custom field id (lower-case letters, digits, _) made from a header. */
export function customFieldIdFor(label: string): string {
  const id = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  return id || 'field';
}

/** Our own export's header for a custom field, for the fieldbook profile's round trip. */
export const ownCustomHeader = customColumnHeader;
/** Headers of our own contacts export, so tests and docs can name them. */
export const ownContactHeaders = exportColumns.contacts.map((column) => column.header);

// ---------------------------------------------------------------- the CLI's written form

/**
 * Targets as written on the command line and shown in previews: `ignore`, `name`, `street`,
 * `street@1` (second address), `phone:mobile`, `email:work`, `custom:<field id>`.
 */
export function parseTargetSpec(spec: string): ImportTarget | null {
  const text = spec.trim();
  if (text === 'ignore') return ignore;
  if ((scalarImportFields as readonly string[]).includes(text)) return scalar(text as ScalarImportField);
  const addressMatch = /^([a-z]+)(?:@(\d))?$/.exec(text);
  if (addressMatch && (addressImportFields as readonly string[]).includes(addressMatch[1]!)) {
    return address(addressMatch[1] as AddressImportField, Number(addressMatch[2] ?? 0));
  }
  const phoneMatch = /^phone:([a-z]+)$/.exec(text);
  if (phoneMatch && (phoneTypes as readonly string[]).includes(phoneMatch[1]!)) return phone(phoneMatch[1] as PhoneType);
  const emailMatch = /^email:([a-z]+)$/.exec(text);
  if (emailMatch && (emailTypes as readonly string[]).includes(emailMatch[1]!)) return email(emailMatch[1] as EmailType);
  const customMatch = /^custom:([a-z0-9_]{1,64})$/.exec(text);
  if (customMatch) return { field: 'custom', customFieldId: customMatch[1]! };
  return null;
}

export function formatTargetSpec(target: ImportTarget, headers: readonly string[] = []): string {
  switch (target.field) {
    case 'phone':
    case 'email': {
      const base = `${target.field}:${target.type}`;
      const labelHeader = target.typeColumn === null ? undefined : headers[target.typeColumn];
      return labelHeader ? `${base} (type from "${labelHeader}")` : base;
    }
    case 'custom':
      return target.create ? `custom:${target.customFieldId} (new ${target.create.kind} field "${target.create.label}")` : `custom:${target.customFieldId}`;
    case 'street':
    case 'city':
    case 'region':
    case 'postcode':
    case 'country':
      return target.group === 0 ? target.field : `${target.field}@${target.group}`;
    default:
      return target.field;
  }
}

export const targetSpecHelp =
  'ignore, id, name, namePrefix, firstName, middleName, lastName, nameSuffix, kind, company, jobTitle, ' +
  'street|city|region|postcode|country[@group], phone:<mobile|work|home|main|fax|other>, email:<work|personal|other>, ' +
  'phones, emails, contactType, status, owner, source, tags, summary, doNotContact, potentialValue, ' +
  'currency, createdAt, updatedAt, custom:<field id>';
