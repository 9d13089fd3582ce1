import { useEffect, useId, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { regionName } from '../../../src-shared/region-name';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { Stack } from '../../ui/Stack';
import './intake.css';

type FormState = ChannelOutput<'webForm.get'>['form'];

/**
 * The website enquiry form, for admins in Team sync: turn it on, copy the HTML for the website,
 * give it a new address (the old one stops working) or turn it off. The relay keeps the form,
 * so every admin's laptop shows the same one.
 */
export function WebFormPanel() {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [form, setForm] = useState<FormState | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<'renew' | 'off' | null>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();

  useEffect(() => {
    let live = true;
    api.invoke('webForm.get', {}).then(
      (answer) => live && setForm(answer.form),
      (error: unknown) => {
        if (!live) return;
        setForm(null);
        showError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [showError]);

  const run = (work: () => Promise<FormState>, done: string) => {
    if (busy) return;
    setBusy(true);
    work().then(
      (next) => {
        setBusy(false);
        setConfirming(null);
        setForm(next);
        pushToast({ message: done });
      },
      (error: unknown) => {
        setBusy(false);
        setConfirming(null);
        showError(error);
      },
    );
  };
  const turnOn = (message: string) => run(async () => (await api.invoke('webForm.setUp', {})).form, message);
  const turnOff = () => run(async () => (await api.invoke('webForm.turnOff', {}), null), 'Website form turned off');

  const copy = async () => {
    if (!form) return;
    try {
      await navigator.clipboard.writeText(form.snippet);
      pushToast({ message: 'Form HTML copied' });
    } catch {
      // No clipboard here: leave it selected for Ctrl+C.
      snippetRef.current?.focus();
      snippetRef.current?.select();
      pushToast({ message: 'The HTML is selected: press Ctrl+C (⌘C on a Mac) to copy it' });
    }
  };

  return (
    <Stack as="section" gap="sm" align="start" className="sync-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="sync-section__title">
        Website enquiry form
      </h3>
      {form === undefined ? (
        <LoadingState label="Checking the website form…" />
      ) : form === null ? (
        <>
          <p className="muted">
            Put a contact form on your website. Each enquiry becomes a lead on every laptop of the team, tagged “Website form”, with the
            visitor’s message as a note.
          </p>
          <Button aria-disabled={busy || undefined} onClick={() => turnOn('Website form turned on')}>
            {busy ? 'Turning it on…' : 'Turn on the website form'}
          </Button>
        </>
      ) : (
        <>
          <Field
            label="HTML for your website"
            wide
            hint={`Paste it into your website’s contact page. Enquiries arrive as leads tagged “${form.source}”; numbers without a country code are read as ${regionName(form.region)} numbers.`}
          >
            {(control) => (
              <textarea
                {...control}
                ref={snippetRef}
                className="input input--multiline sync-code web-form__snippet"
                readOnly
                rows={8}
                value={form.snippet}
                onFocus={(event) => event.currentTarget.select()}
              />
            )}
          </Field>
          <Cluster>
            <Button onClick={() => void copy()}>Copy HTML</Button>
            <Button variant="link" size="sm" aria-disabled={busy || undefined} onClick={() => setConfirming('renew')}>
              Give it a new address
            </Button>
            <Button variant="link" size="sm" aria-disabled={busy || undefined} onClick={() => setConfirming('off')}>
              Turn off
            </Button>
          </Cluster>
        </>
      )}
      {confirming === 'renew' ? (
        <ConfirmDialog
          title="Give the form a new address?"
          description="The form on your website stops working until you paste the new HTML. Do this if robots found the old address."
          confirmLabel="New address"
          busy={busy}
          busyLabel="Renewing…"
          onConfirm={() => turnOn('The website form has a new address: paste the new HTML into your website')}
          onClose={() => setConfirming(null)}
        />
      ) : null}
      {confirming === 'off' ? (
        <ConfirmDialog
          title="Turn off the website form?"
          description="Visitors who send it will be told the form is no longer in use. Leads already received stay."
          confirmLabel="Turn off"
          danger
          busy={busy}
          busyLabel="Turning off…"
          onConfirm={turnOff}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </Stack>
  );
}
