import type { Address, Contact } from '../../../src-shared/domain/contact';
import { formatPhone } from '../../../src-shared/phone';
import { capitalise } from '../../ui/format';
import { Icon } from '../../ui/Icon';

function addressLines(address: Address): string[] {
  const cityLine = [address.city, address.region, address.postcode].filter(Boolean).join(', ');
  return [address.street, cityLine, address.country].filter(Boolean);
}

/** How to reach the contact: phones (tel: links), e-mails (mailto:), address and summary. */
export function ContactInfoSection({ contact }: { contact: Contact }) {
  const address = addressLines(contact.address);
  return (
    <>
      <section className="card" aria-labelledby="contact-reach-title">
        <h2 id="contact-reach-title" className="card__title">
          Contact details
        </h2>
        {contact.doNotContact ? (
          <p className="notice notice--danger">
            <Icon name="ban" size={16} /> This contact asked not to be contacted.
          </p>
        ) : null}
        <dl className="detail-list">
          <dt>Phone</dt>
          <dd>
            {contact.phones.length === 0 ? (
              <span className="muted">No phone numbers</span>
            ) : (
              <ul className="plain-list">
                {contact.phones.map((phone) => (
                  <li key={`${phone.type}-${phone.e164}`} className="reach-item">
                    <Icon name="phone" size={16} />
                    <a href={`tel:${phone.e164}`}>{formatPhone(phone.e164)}</a>
                    <span className="reach-item__type">{capitalise(phone.type)}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>E-mail</dt>
          <dd>
            {contact.emails.length === 0 ? (
              <span className="muted">No e-mail addresses</span>
            ) : (
              <ul className="plain-list">
                {contact.emails.map((email) => (
                  <li key={`${email.type}-${email.address}`} className="reach-item">
                    <Icon name="mail" size={16} />
                    <a href={`mailto:${email.address}`}>{email.address}</a>
                    <span className="reach-item__type">{capitalise(email.type)}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Address</dt>
          <dd>
            {address.length === 0 ? (
              <span className="muted">No address</span>
            ) : (
              <address className="reach-item reach-item--address">
                <Icon name="mapPin" size={16} />
                <span>
                  {address.map((line) => (
                    <span key={line} className="address-line">
                      {line}
                    </span>
                  ))}
                </span>
              </address>
            )}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="contact-summary-title">
        <h2 id="contact-summary-title" className="card__title">
          Summary
        </h2>
        {contact.summary ? (
          <p className="summary-text">{contact.summary}</p>
        ) : (
          <p className="muted">No summary yet. Edit the contact to note what matters about them.</p>
        )}
      </section>
    </>
  );
}
