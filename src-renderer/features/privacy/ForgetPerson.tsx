import { useState } from 'react';
import type { ForgetPreview } from '../../../src-shared/ipc/privacy';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatCount } from '../../ui/format';
import { Stack } from '../../ui/Stack';

// A customer's erasure request, from their page (admins only): the dialog says what goes before
// anything does, and that it cannot be undone (src-main/privacy/ does the erasing).

const kinds: Record<string, [string, string?]> = {
  contacts: ['contact record'],
  notes: ['note'],
  calls: ['call'],
  texts: ['text message'],
  mail_messages: ['e-mail'],
  files: ['file'],
  follow_ups: ['follow-up'],
  deals: ['deal'],
  quotes: ['quote'],
  deal_stage_events: ['stage move'],
  jobs: ['job'],
  contact_tags: ['tag'],
  contact_phone_items: ['phone number'],
  contact_email_items: ['e-mail address', 'e-mail addresses'],
  contact_custom_values: ['custom field value'],
  lifecycle_events: ['lifecycle change'],
};

/** "1 contact record, 3 notes, 2 calls": what forgetting erases, in words. */
export function describeErasure(counts: ForgetPreview['counts']): string[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => {
      const [singular, plural] = kinds[table] ?? [table.replaceAll('_', ' ')];
      return formatCount(count, singular, plural);
    });
}

export function ForgetPersonButton({ contactId, onForgotten }: { contactId: string; onForgotten: () => void }) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [preview, setPreview] = useState<ForgetPreview | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = () =>
    api.invoke('privacy.forgetPreview', { contactId }).then(setPreview, (error: unknown) => showError(error));

  const forget = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await api.invoke('privacy.forget', { contactId });
      pushToast({ message: `${preview.name} was forgotten on this laptop; the team's laptops erase the same at their next sync` });
      setPreview(null);
      onForgotten();
    } catch (error) {
      showError(error);
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="ghost" icon="ban" onClick={() => void ask()}>
        Forget person
      </Button>
      {preview ? (
        <ConfirmDialog
          title={`Forget ${preview.name}?`}
          danger
          busy={busy}
          busyLabel="Erasing…"
          confirmLabel={`Erase ${preview.name}`}
          onConfirm={() => void forget()}
          onClose={() => setPreview(null)}
          description={
            <Stack gap="sm">
              <p>For an erasure request: this erases, on this laptop, at the relay and on every teammate’s laptop at its next sync:</p>
              <ul>
                {describeErasure(preview.counts).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p>Every earlier version of them goes too, including the change history. Only their ids are kept, so they are never brought back. This cannot be undone.</p>
            </Stack>
          }
        />
      ) : null}
    </>
  );
}
