// A row of the contacts list as `contacts.list` answers it, for renderer tests of the contacts screen.
export function contactListRow(id: string, name: string) {
  return {
    id,
    name,
    kind: 'person',
    company: '',
    primaryPhone: null,
    primaryEmail: `${id}@example.test`,
    contactType: 'customer',
    status: 'active',
    owner: 'Sam',
    nextFollowUpAt: null,
    potentialValue: null,
    doNotContact: false,
    photoSha256: null,
    tags: [],
  };
}
