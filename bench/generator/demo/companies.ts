import { CompanyDraftSchema } from '../../../src-shared/domain/company';
import { ContactDraftSchema } from '../../../src-shared/domain/contact';
import { JobDraftSchema } from '../../../src-shared/domain/job';
import { NoteDraftSchema } from '../../../src-shared/domain/note';
import type { Core } from '../../../src-main/core/create-core';
import { dayAt, dayMs, type DemoEvent } from './schedule';

// Companies with their people: a landlord whose owner, property manager and accounts clerk all
// ring the office, a housing association, a letting agent; each person with a note or two, and
// some paid work, so a company page shows its people's history rolled up. Two contacts who name
// the same firm are left unlinked, so "Link existing contacts" has something to offer.

interface DemoPerson {
  name: string;
  jobTitle: string;
  email: string;
  phone: string;
  decisionMaker?: boolean;
  primary?: boolean;
  notes: { days: number; body: string }[];
  paidJob?: { days: number; title: string; invoiced: number };
}

const companies: { name: string; domain: string; address: string; phone: string; people: DemoPerson[] }[] = [
  {
    name: 'Hartley Lettings',
    domain: 'hartley-lettings.co.uk',
    address: '14 Cotham Hill, Bristol BS6 6LA',
    phone: '+441174960100',
    people: [
      {
        name: 'Ruth Hartley',
        jobTitle: 'Owner',
        email: 'ruth@hartley-lettings.co.uk',
        phone: '+447700900410',
        decisionMaker: true,
        primary: true,
        notes: [{ days: -34, body: 'Owns the twelve Cotham Hill flats; wants every roof checked before winter and one invoice per quarter.' }],
      },
      {
        name: 'Tom Price',
        jobTitle: 'Property manager',
        email: 'tom@hartley-lettings.co.uk',
        phone: '+447700900411',
        notes: [
          { days: -21, body: 'Flat 3 at Cotham Hill: water coming through the bathroom ceiling after rain. Keys with the neighbour.' },
          { days: -6, body: 'Wants the flat roof over the bins looked at while we are there.' },
        ],
        paidJob: { days: -18, title: 'Re-felt the flat roof at Cotham Hill', invoiced: 1_380_00 },
      },
      {
        name: 'Asha Nair',
        jobTitle: 'Accounts clerk',
        email: 'accounts@hartley-lettings.co.uk',
        phone: '+447700900412',
        notes: [{ days: -10, body: 'Invoices to accounts@, with the flat number in the reference; pays on the 28th.' }],
      },
    ],
  },
  {
    name: 'Avon Housing Association',
    domain: 'avonhousing.org.uk',
    address: '2 Temple Way, Bristol BS2 0BY',
    phone: '+441174960200',
    people: [
      {
        name: 'Marcus Bell',
        jobTitle: 'Maintenance manager',
        email: 'm.bell@avonhousing.org.uk',
        phone: '+447700900420',
        decisionMaker: true,
        primary: true,
        notes: [{ days: -28, body: 'Framework agreement for gutter clearing on 40 homes; wants a price per property.' }],
        paidJob: { days: -14, title: 'Clear the gutters on Temple Way', invoiced: 640_00 },
      },
      { name: 'Jo Okafor', jobTitle: 'Surveyor', email: 'j.okafor@avonhousing.org.uk', phone: '+447700900421', notes: [{ days: -9, body: 'Sent the damp report for the gable wall; wants our view by Friday.' }] },
    ],
  },
  {
    name: 'Clifton Property Management',
    domain: 'cliftonpm.co.uk',
    address: '9 Princess Victoria Street, Bristol BS8 4BX',
    phone: '+441174960300',
    people: [
      { name: 'Helen Marsh', jobTitle: 'Director', email: 'helen@cliftonpm.co.uk', phone: '+447700900430', decisionMaker: true, primary: true, notes: [{ days: -15, body: 'Looking for a second roofer for their 60 managed blocks.' }] },
      { name: 'Dev Patel', jobTitle: 'Block manager', email: 'dev@cliftonpm.co.uk', phone: '+447700900431', notes: [{ days: -4, body: 'Loose ridge tiles on the Whiteladies Road block; scaffold already up.' }] },
    ],
  },
];

/** Not linked yet: two people whose company field names the same firm, spelt two ways. */
const unlinked = [
  { name: 'Sam Reed', company: 'Redland Estates Ltd', email: 'sam@redlandestates.co.uk' },
  { name: 'Priya Kaur', company: 'REDLAND ESTATES', email: 'priya@redlandestates.co.uk' },
];

export function planCompanies(core: Core, endAt: number): { events: DemoEvent[]; count: number } {
  const events: DemoEvent[] = [];
  const setUpAt = dayAt(endAt - 40 * dayMs, 9);
  const ids = new Map<string, string>();
  events.push({
    at: setUpAt,
    run: () => {
      for (const company of companies) {
        const { id } = core.companies.create(CompanyDraftSchema.parse({ name: company.name, domains: [company.domain], address: company.address, phone: company.phone }));
        for (const person of company.people) {
          const contact = core.contacts.create(
            ContactDraftSchema.parse({ name: person.name, company: company.name, jobTitle: person.jobTitle, contactType: 'customer', emails: [{ type: 'work', address: person.email }], phones: [{ type: 'mobile', number: person.phone }] }),
            { allowDuplicate: true },
          );
          core.companies.setMembership({ contactId: contact.id, companyId: id, decisionMaker: person.decisionMaker ?? false, primary: person.primary ?? false });
          ids.set(person.name, contact.id);
        }
      }
      for (const person of unlinked) {
        core.contacts.create(ContactDraftSchema.parse({ name: person.name, company: person.company, contactType: 'customer', emails: [{ type: 'work', address: person.email }] }), { allowDuplicate: true });
      }
    },
  });
  for (const person of companies.flatMap((company) => company.people)) {
    for (const note of person.notes) {
      events.push({ at: dayAt(endAt + note.days * dayMs, 10), run: () => void core.notes.create(NoteDraftSchema.parse({ contactId: ids.get(person.name)!, body: note.body })) });
    }
    const job = person.paidJob;
    if (job) {
      const at = dayAt(endAt + job.days * dayMs, 9);
      events.push({
        at,
        run: () =>
          void core.jobs.create(JobDraftSchema.parse({ contactId: ids.get(person.name)!, title: job.title, status: 'paid', scheduledAt: at, invoicedMinor: job.invoiced, paidAt: Math.min(at + 5 * dayMs, endAt - dayMs) })),
      });
    }
  }
  return { events, count: companies.length };
}
