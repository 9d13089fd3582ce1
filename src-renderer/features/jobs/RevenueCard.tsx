import { useState } from 'react';
import type { MoneyTotal } from '../../../src-shared/domain/revenue';
import { formatMoney } from '../../../src-shared/money';
import { api } from '../../api';
import { routeHash, type Route } from '../../routes';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Cluster } from '../../ui/Cluster';
import { ContactPicker, type PickedContact } from '../../ui/ContactPicker';
import { DetailList } from '../../ui/DetailList';
import { Field } from '../../ui/Field';
import { formatCount } from '../../ui/format';
import { activityChanged, contactsChanged } from '../../ui/live-events';
import { Stack } from '../../ui/Stack';
import { useLiveData } from '../../ui/use-live-data';
import { useAccess } from '../access/access';

/** How many of a partner's referred contacts the card names before "and N more". */
const namedReferrals = 5;

/** "£1,200.00 + €100.00": revenue per currency, never added across them. */
export function formatTotals(totals: readonly MoneyTotal[]): string {
  return totals.length === 0 ? 'Nothing yet' : totals.map((total) => formatMoney(total.amountMinor, total.currency)).join(' + ');
}

/**
 * What a contact brought the office: its jobs, what the paid ones came to, who referred it, and —
 * for a referral partner — the contacts it sent and what they brought.
 */
export function RevenueCard({ contactId }: { contactId: string }) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const { canEdit } = useAccess();
  const [choosing, setChoosing] = useState(false);
  const revenue = useLiveData(`revenue:${contactId}`, () => api.invoke('revenue.ofContact', { id: contactId }), {
    reloadOn: [activityChanged(['jobs', 'referrals']), contactsChanged(contactId)],
  });
  const data = revenue.latest;
  if (!data) return null;

  const setReferrer = async (partner: PickedContact | null) => {
    try {
      await api.invoke('revenue.setReferrer', { contactId, partnerId: partner?.id ?? null });
      pushToast({ message: partner ? `Referred by ${partner.name}` : 'Referrer removed' });
      setChoosing(false);
      revenue.reload();
    } catch (error) {
      showError(error);
    }
  };

  const { referrals } = data;
  const referrer = data.referredBy;
  return (
    <Card
      title="Jobs and revenue"
      actions={
        canEdit && !choosing ? (
          <Button size="sm" variant="ghost" icon="edit" onClick={() => setChoosing(true)}>
            {referrer ? 'Change referrer' : 'Add referrer'}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        <DetailList
          items={[
            { term: 'Jobs', value: data.jobs === 0 ? 'None yet' : `${formatCount(data.jobs, 'job')}, ${data.paidJobs} paid` },
            { term: 'Revenue', value: formatTotals(data.paid) },
            { term: 'Referred by', value: referrer ? <ContactLink contact={referrer} /> : null },
          ]}
        />
        {choosing ? (
          <Stack gap="xs">
            <Field label="Referred by">
              {(control) => <ContactPicker {...control} size="sm" placeholder="The partner who sent them" value={referrer} onChange={(picked) => picked && void setReferrer(picked)} data-autofocus />}
            </Field>
            <Cluster gap="sm">
              {referrer ? (
                <Button size="sm" variant="ghost" onClick={() => void setReferrer(null)}>
                  Remove referrer
                </Button>
              ) : null}
              <Button size="sm" variant="ghost" onClick={() => setChoosing(false)}>
                Cancel
              </Button>
            </Cluster>
          </Stack>
        ) : null}
        {referrals.count > 0 ? (
          <section aria-label="Referrals">
            <p>
              <strong>Referred {formatCount(referrals.count, 'contact')}</strong>: {formatCount(referrals.paidJobs, 'paid job')}, {formatTotals(referrals.paid)}
            </p>
            <ul className="plain-list">
              {referrals.people.slice(0, namedReferrals).map((person) => (
                <li key={person.id}>
                  <ContactLink contact={person} /> <span className="meta">{person.paidJobs === 0 ? 'no paid jobs yet' : formatTotals(person.paid)}</span>
                </li>
              ))}
            </ul>
            {referrals.count > namedReferrals ? <p className="meta">and {formatCount(referrals.count - namedReferrals, 'more contact')}</p> : null}
          </section>
        ) : null}
      </Stack>
    </Card>
  );
}

function ContactLink({ contact }: { contact: { id: string; name: string } }) {
  const navigate = useUi((state) => state.navigate);
  const route: Route = { name: 'contact', id: contact.id };
  return (
    <a
      href={routeHash(route)}
      onClick={(event) => {
        event.preventDefault();
        navigate(route);
      }}
    >
      {contact.name}
    </a>
  );
}
