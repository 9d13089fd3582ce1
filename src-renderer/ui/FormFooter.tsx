import type { ReactNode } from 'react';
import './FormFooter.css';

/**
 * The buttons at the end of a long form on a screen (not in a dialog), kept in view at the bottom
 * of the window while the form scrolls. `note` says what is pending ("You have unsaved changes.").
 *   <FormFooter note={dirty ? 'You have unsaved changes.' : null}><Button …>Cancel</Button><Button submit …>Save</Button></FormFooter>
 */
export function FormFooter({ note, children }: { note?: ReactNode; children: ReactNode }) {
  return (
    <div className="form-footer">
      {note ? <p className="form-footer__note">{note}</p> : null}
      {children}
    </div>
  );
}
