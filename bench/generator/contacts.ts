import type { ContactDraft, Email, PhoneInput } from '../../src-shared/domain/contact';
import { retype, ukLandline, ukMobile, usNumber, type GeneratedPhone } from './phones';
import { type Random, WeightedPicker, ZipfPicker } from './random';
import * as words from './word-lists';

// Contact drafts (people and companies) with the skew of a real small-office CRM: Zipf-weighted
// names, companies, tags and owners; some contacts with several phones and e-mails, some with
// none; a few near-duplicates of earlier contacts (same person typed again a little
// differently), which is what duplicate detection and search have to live with.

export interface GeneratedContact {
  draft: ContactDraft;
  /** E.164 numbers of the draft's phones, for calls from this contact. */
  e164s: string[];
  /** Set when this contact is a near-duplicate of the one at that index. */
  duplicateOf?: number;
}

interface Company {
  name: string;
  domain: string;
  country: 'GB' | 'US';
  place: Place;
}

type Place =
  | { country: 'GB'; city: string; region: string; postcodePrefix: string }
  | { country: 'US'; city: string; region: string; zipPrefix: string; areaCodes: readonly string[] };

const companyShare = 0.12;
const nearDuplicateShare = 0.03;
const usShare = 0.15;

export class ContactFactory {
  private readonly firstNames = new ZipfPicker(words.firstNames, 0.9);
  private readonly lastNames = new ZipfPicker(words.lastNames, 0.8);
  private readonly tags = new ZipfPicker(words.tags, 1.1);
  private readonly owners = new ZipfPicker(words.owners, 1);
  private readonly sources = new ZipfPicker(words.sources, 0.9);
  private readonly jobTitles = new ZipfPicker(words.jobTitles, 1);
  private readonly contactTypes = new WeightedPicker<string>([
    ['customer', 50],
    ['lead', 30],
    ['supplier', 8],
    ['partner', 5],
    ['landlord', 7],
  ]);
  private readonly statuses = new WeightedPicker<'active' | 'won' | 'lost' | 'dormant'>([
    ['active', 55],
    ['won', 20],
    ['lost', 10],
    ['dormant', 15],
  ]);
  private readonly phoneCounts = new WeightedPicker([[0, 8], [1, 50], [2, 32], [3, 10]] as const);
  private readonly emailCounts = new WeightedPicker([[0, 10], [1, 65], [2, 22], [3, 3]] as const);
  private readonly tagCounts = new WeightedPicker([[0, 35], [1, 35], [2, 18], [3, 8], [4, 4]] as const);
  private readonly companies: Company[];
  private readonly companyPicker: ZipfPicker<Company>;
  private readonly made: GeneratedContact[] = [];
  private companiesMade = 0;

  constructor(
    private readonly random: Random,
    scale: number,
  ) {
    const companyRandom = random.fork('companies');
    this.companies = Array.from({ length: Math.max(20, Math.round(scale / 8)) }, () => makeCompany(companyRandom));
    this.companyPicker = new ZipfPicker(this.companies, 0.7);
  }

  /** The next contact of the data set; call in order, index 0 first. */
  next(): GeneratedContact {
    const index = this.made.length;
    const random = this.random;
    let contact: GeneratedContact;
    if (index > 50 && random.chance(nearDuplicateShare)) contact = this.nearDuplicate(index);
    else if (random.chance(companyShare)) contact = this.company();
    else contact = this.person();
    this.made.push(contact);
    return contact;
  }

  private person(): GeneratedContact {
    const random = this.random;
    const first = this.firstNames.pick(random);
    const last = this.lastNames.pick(random);
    const employer = random.chance(0.7) ? this.companyPicker.pick(random) : undefined;
    const place = employer && random.chance(0.8) ? employer.place : randomPlace(random, random.chance(usShare) ? 'US' : 'GB');
    const phones: GeneratedPhone[] = [];
    const phoneCount = this.phoneCounts.pick(random);
    for (let i = 0; i < phoneCount; i += 1) {
      phones.push(i === 0 ? mobile(random, place) : landline(random, place, random.chance(0.6) ? 'work' : 'home'));
    }
    const emails: Email[] = [];
    const emailCount = this.emailCounts.pick(random);
    for (let i = 0; i < emailCount; i += 1) {
      const atWork = employer !== undefined && (i === 0 ? random.chance(0.6) : random.chance(0.3));
      emails.push(
        atWork
          ? { type: 'work', address: `${emailLocalPart(random, first, last)}@${employer.domain}` }
          : { type: 'personal', address: `${emailLocalPart(random, first, last)}@${personalDomain(random, place.country)}` },
      );
    }
    return {
      draft: {
        ...this.commonFields(place),
        kind: 'person',
        name: `${first} ${last}`,
        company: employer?.name ?? '',
        jobTitle: random.chance(0.6) ? this.jobTitles.pick(random) : '',
        phones: phones.map((phone) => phone.input),
        emails: uniqueEmails(emails),
      },
      e164s: phones.map((phone) => phone.e164),
    };
  }

  private company(): GeneratedContact {
    const random = this.random;
    // Walk the pool in order first, so company contacts are mostly distinct firms.
    const company = this.companies[this.companiesMade % this.companies.length]!;
    this.companiesMade += 1;
    const phones: GeneratedPhone[] = [landline(random, company.place, 'main')];
    if (random.chance(0.3)) phones.push(mobile(random, company.place));
    const emails: Email[] = [{ type: 'work', address: `${random.pick(words.companyMailboxes)}@${company.domain}` }];
    if (random.chance(0.25)) emails.push({ type: 'work', address: `${random.pick(words.companyMailboxes)}@${company.domain}` });
    return {
      draft: {
        ...this.commonFields(company.place),
        kind: 'company',
        name: company.name,
        phones: phones.map((phone) => phone.input),
        emails: uniqueEmails(emails),
      },
      e164s: phones.map((phone) => phone.e164),
    };
  }

  /** The same person entered again: a typo or a different case in the name, numbers retyped. */
  private nearDuplicate(index: number): GeneratedContact {
    const random = this.random;
    const sourceIndex = Math.max(0, index - 1 - Math.floor(random.next() * Math.min(index, 5000)));
    const source = this.made[sourceIndex]!;
    const draft = source.draft;
    const keptPhones = source.e164s.slice(0, random.int(0, source.e164s.length));
    const phones: PhoneInput[] = keptPhones.map((e164) => ({ type: 'mobile', number: retype(random, e164) }));
    const emails = (draft.emails ?? []).filter(() => random.chance(0.6)).map((email) => ({
      type: email.type,
      address: random.chance(0.3) ? capitaliseLocalPart(email.address) : email.address,
    }));
    return {
      draft: {
        ...draft,
        name: varyName(random, draft.name),
        phones,
        emails,
        owner: this.owners.pick(random),
        tags: random.chance(0.5) ? draft.tags : [],
      },
      e164s: keptPhones,
      duplicateOf: sourceIndex,
    };
  }

  private commonFields(place: Place): Partial<ContactDraft> {
    const random = this.random;
    const contactType = this.contactTypes.pick(random);
    const tagCount = this.tagCounts.pick(random);
    const tags = new Set<string>();
    for (let i = 0; i < tagCount; i += 1) tags.add(this.tags.pick(random));
    const hasValue = (contactType === 'lead' || contactType === 'customer') && random.chance(0.35);
    return {
      contactType,
      status: contactType === 'lead' ? (random.chance(0.7) ? 'active' : 'lost') : this.statuses.pick(random),
      owner: random.chance(0.03) ? '' : this.owners.pick(random),
      source: this.sources.pick(random),
      tags: [...tags],
      address: random.chance(0.7) ? address(random, place) : undefined,
      potentialValue: hasValue
        ? { amountMinor: Math.round(random.logNormal(1800, 1) * 100), currency: place.country === 'US' ? 'USD' : 'GBP' }
        : null,
      summary: random.chance(0.1) ? `${random.pick(words.noteOpenings)} ${random.pick(words.noteSubjects)}.` : '',
      doNotContact: random.chance(0.02),
    };
  }
}

function makeCompany(random: Random): Company {
  const country = random.chance(usShare) ? 'US' : 'GB';
  const first = random.pick(words.companyFirstWords);
  const trade = random.pick(words.companyTrades);
  const suffix = random.pick(country === 'US' ? words.companySuffixesUs : words.companySuffixesUk);
  const name = `${first} ${trade} ${suffix}`;
  const slug = ascii(`${first}${random.chance(0.5) ? trade : trade.split(' ')[0]}`).toLowerCase();
  return { name, domain: `${slug}.${country === 'US' ? 'com' : random.pick(['co.uk', 'co.uk', 'com', 'uk'])}`, country, place: randomPlace(random, country) };
}

function randomPlace(random: Random, country: 'GB' | 'US'): Place {
  if (country === 'US') {
    const place = random.pick(words.usPlaces);
    return { country, city: place.city, region: place.region, zipPrefix: place.zip, areaCodes: place.areaCodes };
  }
  const place = random.pick(words.ukPlaces);
  return { country, city: place.city, region: place.region, postcodePrefix: random.pick(place.postcodes) };
}

function mobile(random: Random, place: Place): GeneratedPhone {
  return place.country === 'US' ? usNumber(random, random.pick(place.areaCodes), 'mobile') : ukMobile(random);
}

function landline(random: Random, place: Place, type: 'work' | 'home' | 'main'): GeneratedPhone {
  return place.country === 'US' ? usNumber(random, random.pick(place.areaCodes), type) : ukLandline(random, place.city, type);
}

function address(random: Random, place: Place): NonNullable<ContactDraft['address']> {
  const street = `${random.int(1, 240)} ${random.pick(words.streetNames)}`;
  if (place.country === 'US') {
    return { street, city: place.city, region: place.region, postcode: `${place.zipPrefix}${random.digits(2)}`, country: 'United States' };
  }
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const inward = `${random.int(1, 9)}${letters[random.int(0, letters.length - 1)]}${letters[random.int(0, letters.length - 1)]}`;
  return { street, city: place.city, region: place.region, postcode: `${place.postcodePrefix} ${inward}`, country: 'United Kingdom' };
}

function personalDomain(random: Random, country: 'GB' | 'US'): string {
  return random.pick(country === 'US' ? words.personalEmailDomainsUs : words.personalEmailDomainsUk);
}

function emailLocalPart(random: Random, first: string, last: string): string {
  const f = ascii(first).toLowerCase();
  const l = ascii(last).toLowerCase();
  switch (random.int(0, 5)) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f}${l}`;
    case 2:
      return `${f[0]}.${l}`;
    case 3:
      return `${f}_${l}${random.int(1, 99)}`;
    case 4:
      return `${l}${f[0]}`;
    default:
      return `${f}${random.int(1, 9999)}`;
  }
}

/** Letters and digits only, diacritics dropped: what people put in e-mail addresses and domains. */
function ascii(text: string): string {
  return text
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '');
}

function uniqueEmails(emails: Email[]): Email[] {
  const seen = new Set<string>();
  return emails.filter((email) => !seen.has(email.address) && seen.add(email.address));
}

function capitaliseLocalPart(address: string): string {
  const at = address.indexOf('@');
  return `${address.slice(0, at).replace(/(^|\.)(\w)/g, (_, dot: string, letter: string) => dot + letter.toUpperCase())}${address.slice(at)}`;
}

function varyName(random: Random, name: string): string {
  switch (random.int(0, 3)) {
    case 0:
      return name.toLowerCase();
    case 1: {
      // A dropped letter inside a word, as typed in a hurry.
      const position = random.int(1, Math.max(1, name.length - 2));
      return name[position] === ' ' ? name : name.slice(0, position) + name.slice(position + 1);
    }
    case 2: {
      const [first, ...rest] = name.split(' ');
      return rest.length > 0 ? `${rest.join(' ')}, ${first}` : name;
    }
    default:
      return name.toUpperCase();
  }
}
