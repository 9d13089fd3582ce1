import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { keysOf, shortcuts, type Shortcut, type ShortcutName } from './shortcuts';
import './shortcuts.css';

const names = Object.keys(shortcuts) as ShortcutName[];
const scopes = [...new Set(names.map((name) => (shortcuts[name] as Shortcut).scope))];

/** The keyboard shortcuts, listed from the same declaration the handlers use (opened with `?`). */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      {scopes.map((scope) => (
        <section key={scope} aria-label={scope} className="shortcut-sheet__group">
          <h3 className="caps-label">{scope}</h3>
          <dl className="shortcut-sheet__list">
            {names
              .filter((name) => shortcuts[name].scope === scope)
              .map((name) => (
                <div key={name} className="shortcut-sheet__row">
                  <dt className="shortcut-sheet__keys">
                    {keysOf(name).map((key) => (
                      <kbd key={key}>{key}</kbd>
                    ))}
                  </dt>
                  <dd>{shortcuts[name].description}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
