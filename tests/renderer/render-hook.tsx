import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

// Renders a hook in a real React root (under happy-dom) and reads what it returns, for the
// renderer's hook tests. `settle` lets promises and the effects they schedule run.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface RenderedHook<Props, Result> {
  readonly current: Result;
  rerender(props: Props): Promise<void>;
  unmount(): Promise<void>;
}

export async function renderHook<Props, Result>(hook: (props: Props) => Result, props: Props): Promise<RenderedHook<Props, Result>> {
  let latest: Result | undefined;
  function Probe({ hookProps }: { hookProps: Props }): ReactNode {
    latest = hook(hookProps);
    return null;
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(<Probe hookProps={props} />));
  return {
    get current() {
      return latest as Result;
    },
    rerender: (next) => act(async () => root.render(<Probe hookProps={next} />)),
    unmount: () => act(async () => root.unmount()),
  };
}

/** Does something that makes React render (an event, a reload), as a user's action would. */
export async function inAct(action: () => void): Promise<void> {
  await act(async () => action());
}

/** Lets pending promises settle and React apply what they set. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let round = 0; round < 5; round++) await Promise.resolve();
  });
}
