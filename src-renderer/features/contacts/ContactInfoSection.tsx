import type { Address, Contact } from '../../../src-shared/domain/contact';
import { Card } from '../../ui/Card';
import { DetailList } from '../../ui/DetailList';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { problemWith, saveContactPatch } from './ContactDetailsCard';
import { EmailItems, PhoneItems } from './ContactReachLists';
import { InlineField } from './InlineField';

function addressLines(address: Address): string[] {
  const cityLine = [address.city, address.region, address.postcode].filter(Boolean).join(', ');
  return [address.street, cityLine, address.country].filter(Boolean);
}

/** How to reach the contact: phones and e-mails (edited in place, with tel: and mailto: links), address and summary. */
export function ContactInfoSection({ contact }: { contact: Contact }) {
  const address = addressLines(contact.address);
  return (
    <>
      <Card title="Contact details">
        {contact.doNotContact ? (
          <Notice tone="danger" icon="ban">
            This contact asked not to be contacted.
          </Notice>
        ) : null}
        <DetailList
          layout="stacked"
          items={[
            {
              term: 'Phone',
              value: <PhoneItems contact={contact} />,
            },
            {
              term: 'E-mail',
              value: <EmailItems contact={contact} />,
            },
            {
              term: 'Address',
              value:
                address.length === 0 ? (
                  <span className="muted">No address</span>
                ) : (
                  <address className="reach-list__item reach-list__item--address">
                    <Icon name="mapPin" size={16} />
                    <span>
                      {address.map((line) => (
                        <span key={line} className="address-line">
                          {line}
                        </span>
                      ))}
                    </span>
                  </address>
                ),
            },
          ]}
        />
      </Card>
      <Card title="Summary">
        <InlineField
          label="Summary"
          multiline
          value={contact.summary}
          empty="No summary yet. Click to note what matters about them."
          validate={(text) => problemWith({ summary: text })}
          onSave={(text) => saveContactPatch(contact, { summary: text }, { summary: contact.summary }, 'Summary saved')}
        />
      </Card>
    </>
  );
}
