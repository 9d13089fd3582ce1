import type { TempCore } from './temp-core';

// A workspace's customers for the bootstrap tests: each with a tag and a note, so three snapshot
// rows a customer (contact, tag row, note), written in one transaction.

const noAddress = { street: '', city: '', region: '', postcode: '', country: '' };

export function addCustomers(
  core: TempCore,
  count: number,
  options: { company?: (index: number) => string; tag?: (index: number) => string } = {},
): void {
  core.engine.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const { id } = core.contacts.create(
        {
          kind: 'person',
          name: `Customer ${index}`,
          company: options.company?.(index) ?? '',
          jobTitle: '',
          phones: [],
          emails: [],
          address: noAddress,
          status: 'active',
          source: '',
          tags: [options.tag?.(index) ?? 'boiler'],
          potentialValue: null,
          summary: '',
          doNotContact: false,
          customFields: {},
        },
        { allowDuplicate: true },
      );
      core.notes.create({ contactId: id, kind: 'internal', body: `Visited ${index}`, pinned: false });
    }
  });
}
