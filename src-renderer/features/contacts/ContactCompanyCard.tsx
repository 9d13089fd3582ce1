import { useState } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import { routeHash } from '../../routes';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Cluster } from '../../ui/Cluster';
import { MembershipDialog } from '../companies/MembershipDialog';

/**
 * The company a person works at: a link to the company's page, with their role; or, for a
 * contact whose company is still only text, the text and a button to link it to a company record.
 */
export function ContactCompanyCard({ contact }: { contact: Contact }) {
  const navigate = useUi((state) => state.navigate);
  const [editing, setEditing] = useState(false);
  if (contact.kind !== 'person') return null;
  const route = contact.companyId ? ({ name: 'company', id: contact.companyId } as const) : null;
  return (
    <Card
      title="Company"
      actions={
        <Button size="sm" variant="ghost" icon={route ? 'edit' : 'building'} onClick={() => setEditing(true)}>
          {route ? 'Change company' : 'Link to a company'}
        </Button>
      }
    >
      {route ? (
        <Cluster gap="sm">
          <a
            className="strong"
            href={routeHash(route)}
            onClick={(event) => {
              event.preventDefault();
              navigate(route);
            }}
          >
            {contact.company || 'Company'}
          </a>
          {contact.decisionMaker ? <Badge tone="success">Decision maker</Badge> : null}
        </Cluster>
      ) : (
        <p className="muted">{contact.company ? `“${contact.company}” is not linked to a company record yet.` : 'Not at a company.'}</p>
      )}
      {editing ? <MembershipDialog person={contact} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
