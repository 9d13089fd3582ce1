import type { ReactNode } from 'react';
import './views.css';

/** A list screen with its saved views beside the table: the panel on the left, the filters and the grid on the right. */
export function ViewsLayout({ panel, children }: { panel: ReactNode; children: ReactNode }) {
  return (
    <div className="views-layout">
      {panel}
      <div className="views-layout__main">{children}</div>
    </div>
  );
}
