import { useState } from 'react';
import { api } from '../../api';
import { useUi } from '../../store';

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
    <section className="hint-card" aria-labelledby="name-hint-title">
      <div className="hint-card__text">
        <h2 id="name-hint-title" className="hint-card__title">
          Welcome to Fieldbook
        </h2>
        <p>Tell us your name so the contacts you add are marked as yours, and “My contacts” shows them.</p>
      </div>
      <form
        className="hint-card__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor="name-hint-input" className="visually-hidden">
          Your name
        </label>
        <input
          id="name-hint-input"
          className="input"
          placeholder="Your name"
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={saving || !name.trim()}>
          Save
        </button>
        <button type="button" className="button button--ghost" onClick={dismissNameHint}>
          Not now
        </button>
      </form>
    </section>
  );
}
