import type { ChildProcess } from 'node:child_process';

/** Stops a process a test started (SIGTERM) and waits until it has exited; nothing if it already has. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
