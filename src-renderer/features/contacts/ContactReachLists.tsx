import type { ReactNode } from 'react';
import type { Contact, PhoneType } from '../../../src-shared/domain/contact';
import { countryAdjective, formatPhone, normalisePhone, phoneElsewhere, regionOfCountryName } from '../../../src-shared/phone';
import { useUi } from '../../store';
import { capitalise } from '../../ui/format';
import { Icon, type IconName } from '../../ui/Icon';
import { Stack } from '../../ui/Stack';
import { problemWith, saveContactPatch } from './ContactDetailsCard';
import { InlineField } from './InlineField';
import { listWith } from './list-edit';
import { PhoneQuestion } from './PhoneQuestion';
import { regionOfStored } from './phone-country';

// A contact's phones and e-mails on its page, each edited in place. The whole list is sent with
// the one entry changed at its place, which the core reads as an edit of that item (a teammate's
// edit of another number merges beside it: docs/lists.md); emptying an entry removes it.

const newPhoneType: PhoneType = 'mobile';

/** Each phone number edited in place, with a link to call it, and one more to add. */
export function PhoneItems({ contact }: { contact: Contact }) {
  const officeRegion = useUi((state) => state.settings?.defaultRegion ?? 'GB');
  const stored = contact.phones.map((phone) => ({ type: phone.type, number: phone.e164 }));
  const contactRegion = regionOfCountryName(contact.address.country) ?? officeRegion;

  const item = (index: number) => {
    const phone = contact.phones[index];
    const label = phone ? `${capitalise(phone.type)} phone` : 'New phone number';
    // An existing number is read in its own country; a new one in the contact's, else the office's.
    const region = (phone && regionOfStored(phone.e164)) ?? contactRegion;
    const save = (number: string) => {
      const entry = number === '' ? null : { type: phone?.type ?? newPhoneType, number: normalisePhone(number, region) ?? number };
      return saveContactPatch(contact, { phones: listWith(stored, index, entry) }, { phones: stored }, entry ? 'Phone number saved' : 'Phone number removed');
    };
    return (
      <InlineField
        label={label}
        type="tel"
        value={phone ? formatPhone(phone.e164) : ''}
        empty="Add a phone number"
        ask={(text) => {
          const question = text === '' ? null : phoneElsewhere(text, region);
          if (!question) return undefined;
          return (answer) => (
            <PhoneQuestion question={question} readAs={countryAdjective(region)} onYes={() => answer(question.e164)} onNo={() => answer(null)} />
          );
        }}
        onSave={save}
      />
    );
  };

  const links = contact.phones.map((phone) => ({ href: `tel:${phone.e164}`, label: `Call ${formatPhone(phone.e164)}`, title: 'Call', type: phone.type }));
  return <ReachItems label="Phone numbers" icon="phone" links={links} item={item} />;
}

/** Each e-mail address edited in place, with a link to write to it, and one more to add. */
export function EmailItems({ contact }: { contact: Contact }) {
  const stored = contact.emails;
  const item = (index: number) => {
    const email = stored[index];
    const list = (address: string) => listWith(stored, index, address === '' ? null : { type: email?.type ?? 'work', address });
    return (
      <InlineField
        label={email ? `${capitalise(email.type)} e-mail` : 'New e-mail address'}
        type="email"
        value={email?.address ?? ''}
        empty="Add an e-mail address"
        validate={(text) => problemWith({ emails: list(text) })}
        onSave={(text) => saveContactPatch(contact, { emails: list(text) }, { emails: stored }, text ? 'E-mail saved' : 'E-mail removed')}
      />
    );
  };
  const links = stored.map((email) => ({ href: `mailto:${email.address}`, label: `Write to ${email.address}`, title: 'Write an e-mail', type: email.type }));
  return <ReachItems label="E-mail addresses" icon="mail" links={links} item={item} />;
}

interface ReachItemsProps {
  label: string;
  icon: IconName;
  /** One per stored number or address: the link that calls it or writes to it, and its type. */
  links: { href: string; label: string; title: string; type: string }[];
  /** The editable entry at `index`; at `links.length`, the one that adds. */
  item: (index: number) => ReactNode;
}

function ReachItems({ label, icon, links, item }: ReachItemsProps) {
  return (
    <Stack as="ul" gap="sm" aria-label={label}>
      {/* Keyed by place, as the core matches an edit: the edited entry's row stays, focus with it. */}
      {links.map((link, index) => (
        <li key={index} className="reach-list__item">
          <a href={link.href} className="reach-list__action" aria-label={link.label} title={link.title}>
            <Icon name={icon} size={16} />
          </a>
          {item(index)}
          <span className="reach-list__type">{capitalise(link.type)}</span>
        </li>
      ))}
      <li className="reach-list__item reach-list__item--new">
        <Icon name="plus" size={16} />
        {item(links.length)}
      </li>
    </Stack>
  );
}
