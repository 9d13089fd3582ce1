import { spawn, type ChildProcess } from 'node:child_process';

// A server the benchmarks start in a process of its own (the relay, s3rver), as it runs in real
// use, resolved once it prints the line that says it is ready.

export interface ChildServer {
  /** The groups of the ready line's pattern. */
  match: RegExpExecArray;
  pid: number;
  stop(): Promise<void>;
}

export function startChildServer(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; ready: RegExp; timeoutMs?: number; /** 'none' for built JavaScript. */ loader?: 'tsx' | 'none' },
): Promise<ChildServer> {
  const loader = options.loader === 'none' ? [] : ['--import', 'tsx'];
  const child: ChildProcess = spawn(process.execPath, [...loader, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${args[0]} did not start in time:\n${output}`));
    }, options.timeoutMs ?? 180_000);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const match = options.ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onOutput);
      child.stdout!.resume();
      resolve({ match, pid: child.pid!, stop });
    };
    child.stdout!.on('data', onOutput);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited with ${code} before it was ready:\n${output}`));
    });
  });
}
