import type { Address, Contact } from '../../../src-shared/domain/contact';
import { formatPhone } from '../../../src-shared/phone';
import { Card } from '../../ui/Card';
import { DetailList } from '../../ui/DetailList';
import { capitalise } from '../../ui/format';
import { Icon, type IconName } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { Stack } from '../../ui/Stack';
import { problemWith, saveContactPatch } from './ContactDetailsCard';
import { InlineField } from './InlineField';

function addressLines(address: Address): string[] {
  const cityLine = [address.city, address.region, address.postcode].filter(Boolean).join(', ');
  return [address.street, cityLine, address.country].filter(Boolean);
}

function ReachList({ icon, items, none }: { icon: IconName; items: { key: string; href: string; text: string; type: string }[]; none: string }) {
  if (items.length === 0) return <span className="muted">{none}</span>;
  return (
    <Stack as="ul" gap="sm">
      {items.map((item) => (
        <li key={item.key} className="reach-list__item">
          <Icon name={icon} size={16} />
          <a href={item.href}>{item.text}</a>
          <span className="reach-list__type">{capitalise(item.type)}</span>
        </li>
      ))}
    </Stack>
  );
}

/** How to reach the contact: phones (tel: links), e-mails (mailto:), address and summary. */
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
          items={[
            {
              term: 'Phone',
              value: (
                <ReachList
                  icon="phone"
                  none="No phone numbers"
                  items={contact.phones.map((phone) => ({ key: `${phone.type}-${phone.e164}`, href: `tel:${phone.e164}`, text: formatPhone(phone.e164), type: phone.type }))}
                />
              ),
            },
            {
              term: 'E-mail',
              value: (
                <ReachList
                  icon="mail"
                  none="No e-mail addresses"
                  items={contact.emails.map((email) => ({ key: `${email.type}-${email.address}`, href: `mailto:${email.address}`, text: email.address, type: email.type }))}
                />
              ),
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
