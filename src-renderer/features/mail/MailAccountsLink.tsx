import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { useMailAccounts } from './hooks';

/** The Settings screen's way to the mail accounts, saying how many are connected. */
export function MailAccountsLink() {
  const navigate = useUi((state) => state.navigate);
  const accounts = useMailAccounts();
  const count = accounts.latest?.length ?? 0;
  return (
    <Card
      title="Mail"
      help={count === 0 ? 'Connect a mailbox to see e-mails with your contacts on their timeline.' : `${count === 1 ? 'One mailbox is' : `${count} mailboxes are`} connected on this computer.`}
      actions={
        <Button icon="mail" onClick={() => navigate({ name: 'mailSettings' })}>
          Mail accounts
        </Button>
      }
    >
      {null}
    </Card>
  );
}
