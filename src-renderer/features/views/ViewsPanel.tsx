import { useState } from 'react';
import { viewStateDiffers, type SavedView, type ViewListId, type ViewState } from '../../../src-shared/domain/saved-view';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button, buttonClassName } from '../../ui/Button';
import { cx } from '../../ui/class-names';
import { Icon } from '../../ui/Icon';
import { MenuButton } from '../../ui/MenuButton';
import { deleteWithUndo } from '../../ui/undoable';
import { WhenAllowed } from '../access/WhenAllowed';
import { useChosenView, useSavedViews } from './hooks';
import { SaveViewDialog } from './SaveViewDialog';
import './views.css';

export interface ViewsPanelProps {
  listId: ViewListId;
  /** What the plain list is called: "All contacts". */
  plainLabel: string;
  /** The screen's filters, sort and columns now. */
  current: ViewState;
  /** The screen with no view chosen: what "All contacts" goes back to. */
  plain: ViewState;
  /** The list's column ids, so a view naming a column the list no longer has is not "changed" for it. */
  columnIds: readonly string[];
  /** Puts a view's filters, sort and columns on the screen. */
  onApply: (state: ViewState) => void;
}

type Editing = { kind: 'saveAs' } | { kind: 'rename'; view: SavedView } | null;

/**
 * A list screen's saved views, beside its table: the plain list, the team's shared views and the
 * member's own. Choosing one puts its filters, sort and columns on the screen; when the screen no
 * longer shows what the chosen view saved, it says "Unsaved changes" with Save, Save as new and
 * Revert. A screen opts in by giving its state as a ViewState and taking one back (docs/list-views.md).
 */
export function ViewsPanel({ listId, plainLabel, current, plain, columnIds, onApply }: ViewsPanelProps) {
  const views = useSavedViews(listId);
  const [chosenId, setChosenId] = useChosenView(listId);
  const [editing, setEditing] = useState<Editing>(null);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const list = views.latest ?? [];
  const chosen = list.find((view) => view.id === chosenId) ?? null;
  const changed = chosen !== null && viewStateDiffers(chosen.state, current, columnIds);
  const team = list.filter((view) => view.shared);
  const mine = list.filter((view) => !view.shared);

  const choose = (view: SavedView | null) => {
    setChosenId(view?.id ?? null);
    onApply(view?.state ?? plain);
  };
  const saveInto = async (view: SavedView) => {
    try {
      await api.invoke('views.save', { id: view.id, name: view.name, listId, state: current, shared: view.shared });
      pushToast({ message: `Saved ${view.name}` });
    } catch (error) {
      showError(error);
    }
  };
  const saveAsNew = async (name: string, shared: boolean) => {
    const saved = await api.invoke('views.save', { name, listId, state: current, shared });
    setChosenId(saved.id);
    views.reload();
  };

  const viewItem = (view: SavedView) => (
    <li key={view.id} className={cx('views__item', view.id === chosen?.id && 'views__item--chosen')}>
      <button type="button" className="views__choose" aria-current={view.id === chosen?.id ? 'true' : undefined} onClick={() => choose(view)}>
        <Icon name={view.shared ? 'contacts' : 'user'} size={14} />
        <span className="truncate">{view.name}</span>
      </button>
      <WhenAllowed>
        <MenuButton
          label={`More for ${view.name}`}
          className={cx(buttonClassName('ghost', 'sm'), 'views__more')}
          items={[
            { label: 'Rename…', onSelect: () => setEditing({ kind: 'rename', view }) },
            {
              label: 'Delete',
              onSelect: () => {
                if (view.id === chosen?.id) setChosenId(null);
                void deleteWithUndo('views', view.id, { deleted: `Deleted ${view.name}`, restored: `Restored ${view.name}` });
              },
            },
          ]}
        >
          <Icon name="more" size={14} />
        </MenuButton>
      </WhenAllowed>
    </li>
  );

  return (
    <aside aria-label="Saved views" className="views">
      <h2 className="caps-label views__heading">Views</h2>
      <ul className="plain-list views__list">
        <li className={cx('views__item', chosen === null && 'views__item--chosen')}>
          <button type="button" className="views__choose" aria-current={chosen === null ? 'true' : undefined} onClick={() => choose(null)}>
            <Icon name="layers" size={14} />
            <span className="truncate">{plainLabel}</span>
          </button>
        </li>
      </ul>
      {team.length > 0 ? (
        <>
          <h3 className="caps-label views__group">Team</h3>
          <ul className="plain-list views__list" aria-label="Team views">
            {team.map(viewItem)}
          </ul>
        </>
      ) : null}
      {mine.length > 0 ? (
        <>
          <h3 className="caps-label views__group">Only me</h3>
          <ul className="plain-list views__list" aria-label="My views">
            {mine.map(viewItem)}
          </ul>
        </>
      ) : null}
      <WhenAllowed>
        {changed && chosen ? (
          <div className="views__changed" role="group" aria-label={`Unsaved changes to ${chosen.name}`}>
            <p className="views__changed-note" role="status">
              Unsaved changes
            </p>
            <div className="views__changed-actions">
              <Button size="sm" variant="primary" onClick={() => void saveInto(chosen)}>
                Save
              </Button>
              <Button size="sm" onClick={() => setEditing({ kind: 'saveAs' })}>
                Save as new
              </Button>
              <Button size="sm" variant="ghost" onClick={() => onApply(chosen.state)}>
                Revert
              </Button>
            </div>
          </div>
        ) : (
          <Button size="sm" variant="ghost" icon="plus" className="views__save" onClick={() => setEditing({ kind: 'saveAs' })}>
            Save view
          </Button>
        )}
      </WhenAllowed>
      {editing?.kind === 'saveAs' ? (
        <SaveViewDialog title="Save view" submitLabel="Save view" initialName="" initialShared={false} onSave={saveAsNew} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === 'rename' ? (
        <SaveViewDialog
          title={`Rename ${editing.view.name}`}
          submitLabel="Rename"
          initialName={editing.view.name}
          onSave={(name) => api.invoke('views.rename', { id: editing.view.id, name })}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </aside>
  );
}
