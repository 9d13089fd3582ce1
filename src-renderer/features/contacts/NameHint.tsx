import { useState } from 'react';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { Cluster } from '../../ui/Cluster';

/** First run: ask for the user's name, which marks what they own and powers "My contacts". */
export function NameHint() {
  const showError = useUi((state) => state.showError);
  const setSettings = useUi((state) => state.setSettings);
  const dismissNameHint = useUi((state) => state.dismissNameHint);
  const pushToast = useUi((state) => state.pushToast);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!name.trim()) return;
    setSaving(true);
    try {
      setSettings(await api.invoke('settings.update', { userName: name.trim() }));
      pushToast({ message: `Welcome, ${name.trim()}. Contacts you add will be yours.` });
    } catch (error) {
      showError(error);
      setSaving(false);
    }
  };

  return (
    <Cluster as="section" justify="between" className="name-hint" aria-labelledby="name-hint-title">
      <div>
        <h2 id="name-hint-title" className="name-hint__title">
          Welcome to Fieldbook
        </h2>
        <p>Tell us your name so the contacts you add are marked as yours, and “My contacts” shows them.</p>
      </div>
      <form
        className="cluster stack--sm"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField label="Your name" hideLabel placeholder="Your name" autoComplete="name" value={name} onChange={setName} />
        <Button submit variant="primary" disabled={saving || !name.trim()}>
          Save
        </Button>
        <Button variant="ghost" onClick={dismissNameHint}>
          Not now
        </Button>
      </form>
    </Cluster>
  );
}
