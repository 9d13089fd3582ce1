import type { ReactNode } from 'react';
import { Button } from './Button';
import { Cluster } from './Cluster';

/**
 * The button under a list that loads the next part of it, centred:
 *   {data.hasMore ? <ShowMore onClick={() => setPages((pages) => pages + 1)}>Load older activity</ShowMore> : null}
 */
export function ShowMore({ onClick, children, className }: { onClick: () => void; children: ReactNode; className?: string }) {
  return (
    <Cluster justify="center" className={className}>
      <Button size="sm" onClick={onClick}>
        {children}
      </Button>
    </Cluster>
  );
}
