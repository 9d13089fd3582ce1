import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../../../src-shared/domain/exchange';
import {
  detectSource,
  formatTargetSpec,
  ownContactHeaders,
  parseTargetSpec,
  suggestMapping,
} from '../../../../src-main/exchange/import/header-mapping';

/** header -> target spec, for readable expectations. */
function mapped(headers: string[], customFields: Parameters<typeof suggestMapping>[1] = []) {
  const { source, mapping } = suggestMapping(headers, customFields);
  return { source, targets: Object.fromEntries(mapping.map((entry) => [headers[entry.column], formatTargetSpec(entry.target, headers)])) };
}

describe('suggested column mapping', () => {
  it('recognises a Google Contacts export and takes phone and e-mail types from their label columns', () => {
    const { source, targets } = mapped([
      'First Name', 'Middle Name', 'Last Name', 'Name Prefix', 'Organization Name', 'Organization Title', 'Notes', 'Labels',
      'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Label', 'Phone 2 - Value',
      'Address 1 - Formatted', 'Address 1 - Street', 'Address 1 - City', 'Address 1 - Region', 'Address 1 - Postal Code',
      'Address 1 - Country', 'Address 2 - City', 'Website 1 - Value', 'Birthday',
    ]);
    expect(source).toBe('google');
    expect(targets).toMatchObject({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Name Prefix': 'namePrefix',
      'Organization Name': 'company',
      'Organization Title': 'jobTitle',
      Notes: 'summary',
      Labels: 'tags',
      'E-mail 1 - Label': 'ignore',
      'E-mail 1 - Value': 'email:other (type from "E-mail 1 - Label")',
      'Phone 2 - Value': 'phone:other (type from "Phone 2 - Label")',
      'Address 1 - Formatted': 'ignore',
      'Address 1 - Street': 'street',
      'Address 1 - Postal Code': 'postcode',
      'Address 2 - City': 'city@1',
      'Website 1 - Value': 'ignore',
      Birthday: 'ignore',
    });
  });

  it('recognises the older Google CSV with Given/Family Name and "Type" label columns', () => {
    const { source, targets } = mapped(['Name', 'Given Name', 'Family Name', 'Group Membership', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Organization 1 - Name']);
    expect(source).toBe('google');
    expect(targets).toMatchObject({
      Name: 'name',
      'Given Name': 'firstName',
      'Family Name': 'lastName',
      'Group Membership': 'tags',
      'E-mail 1 - Value': 'email:other (type from "E-mail 1 - Type")',
      'Organization 1 - Name': 'company',
    });
  });

  it('reads Outlook\'s "Title" as a name prefix, business address first and home address second', () => {
    const { source, targets } = mapped([
      'Title', 'First Name', 'Last Name', 'Company', 'Job Title', 'Business Street', 'Business Street 2', 'Business City',
      'Business Postal Code', 'Business Country/Region', 'Home Street', 'Home City', 'Business Phone', 'Mobile Phone',
      'Primary Phone', 'Business Fax', 'Home Phone', 'E-mail Address', 'E-mail Type', 'E-mail 2 Address', 'Categories', 'Notes', 'Referred By',
    ]);
    expect(source).toBe('outlook');
    expect(targets).toMatchObject({
      Title: 'namePrefix',
      'Job Title': 'jobTitle',
      'Business Street 2': 'street',
      'Business Country/Region': 'country',
      'Home Street': 'street@1',
      'Business Phone': 'phone:work',
      'Mobile Phone': 'phone:mobile',
      'Primary Phone': 'phone:main',
      'Business Fax': 'phone:fax',
      'Home Phone': 'phone:home',
      'E-mail Address': 'email:other',
      'E-mail Type': 'ignore',
      Categories: 'tags',
      'Referred By': 'source',
    });
  });

  it('reads Salesforce\'s "Title" as the job title and its Mailing address, and ignores its ids', () => {
    const { source, targets } = mapped([
      'Id', 'AccountId', 'Salutation', 'FirstName', 'LastName', 'Account Name', 'Title', 'Email', 'Phone', 'MobilePhone',
      'MailingStreet', 'MailingCity', 'MailingState', 'MailingPostalCode', 'MailingCountry', 'LeadSource', 'Description', 'DoNotCall',
    ]);
    expect(source).toBe('salesforce');
    expect(targets).toMatchObject({
      Id: 'ignore',
      AccountId: 'ignore',
      Salutation: 'namePrefix',
      'Account Name': 'company',
      Title: 'jobTitle',
      Phone: 'phone:work',
      MobilePhone: 'phone:mobile',
      MailingState: 'region',
      LeadSource: 'source',
      Description: 'summary',
      DoNotCall: 'doNotContact',
    });
  });

  it('recognises HubSpot and Pipedrive exports', () => {
    const hubspot = mapped(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Company Name', 'Contact owner', 'Lifecycle Stage', 'Street Address', 'State/Region']);
    expect(hubspot.source).toBe('hubspot');
    expect(hubspot.targets).toMatchObject({
      'Record ID': 'ignore',
      Email: 'email:work',
      'Phone Number': 'phone:work',
      'Mobile Phone Number': 'phone:mobile',
      'Company Name': 'company',
      'Contact owner': 'owner',
      'Lifecycle Stage': 'ignore',
      'State/Region': 'region',
    });
    const pipedrive = mapped(['Person - Name', 'Person - Organization', 'Person - Email - Work', 'Person - Email - Home', 'Person - Phone - Mobile', 'Person - Label', 'Person - Owner']);
    expect(pipedrive.source).toBe('pipedrive');
    expect(pipedrive.targets).toEqual({
      'Person - Name': 'name',
      'Person - Organization': 'company',
      'Person - Email - Work': 'email:work',
      'Person - Email - Home': 'email:personal',
      'Person - Phone - Mobile': 'phone:mobile',
      'Person - Label': 'tags',
      'Person - Owner': 'owner',
    });
  });

  it('maps every column of our own export back to the field it came from, ids included', () => {
    const headers = [...ownContactHeaders.filter((header) => !['FirstName', 'LastName', 'Account Name'].includes(header)), 'Custom: Boiler model'];
    const { source, targets } = mapped(headers, [{ id: 'boiler_model', label: 'Boiler model', kind: 'text', choices: [] }]);
    expect(source).toBe('fieldbook');
    expect(targets).toMatchObject({
      Id: 'id',
      Name: 'name',
      Phones: 'phones',
      'E-mails': 'emails',
      'Contact Type': 'contactType',
      Status: 'status',
      'Potential Value': 'potentialValue',
      Currency: 'currency',
      'Do Not Contact': 'doNotContact',
      'Next Follow-up': 'ignore',
      Created: 'createdAt',
      Updated: 'updatedAt',
      'Custom: Boiler model': 'custom:boiler_model',
    });
  });

  it('offers a new custom field for a "Custom:" column whose field does not exist here', () => {
    const { mapping } = suggestMapping(['Id', 'Name', 'Phones', 'E-mails', 'Custom: Gate code'], []);
    expect(mapping[4]!.target).toEqual({ field: 'custom', customFieldId: 'gate_code', create: { label: 'Gate code', kind: 'text' } });
  });

  it('matches synonyms in other languages and ignores what it does not know', () => {
    const { source, targets } = mapped(['Vorname', 'Nachname', 'Firma', 'E-Mail', 'Telefon', 'Mobil', 'Straße', 'PLZ', 'Ort', 'Land', 'Notizen', 'Lieblingsfarbe']);
    expect(source).toBe('generic');
    expect(targets).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'company',
      'E-Mail': 'email:work',
      Telefon: 'phone:other',
      Mobil: 'phone:mobile',
      Straße: 'street',
      PLZ: 'postcode',
      Ort: 'city',
      Land: 'country',
      Notizen: 'summary',
      Lieblingsfarbe: 'ignore',
    });
  });

  it('maps a column named like an existing custom field to that field', () => {
    const { targets } = mapped(['Name', 'Customer No'], [{ id: 'customer_no', label: 'Customer No', kind: 'text', choices: [] }]);
    expect(targets['Customer No']).toBe('custom:customer_no');
  });

  it('detects a generic file when no product signature is present', () => {
    expect(detectSource(['Name', 'Email', 'Phone'])).toBe('generic');
  });
});

describe('target specs of the CLI', () => {
  it('reads back what it writes', () => {
    const specs = ['ignore', 'name', 'street', 'city@1', 'phone:mobile', 'email:personal', 'custom:gate_code', 'tags', 'phones'];
    for (const spec of specs) expect(formatTargetSpec(parseTargetSpec(spec) as ImportTarget)).toBe(spec);
  });

  it('refuses what is not a target', () => {
    expect(parseTargetSpec('phone:pager')).toBeNull();
    expect(parseTargetSpec('nickname')).toBeNull();
    expect(parseTargetSpec('custom:Bad Id')).toBeNull();
  });
});
