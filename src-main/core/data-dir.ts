import os from 'node:os';
import path from 'node:path';

/** The per-user application data folder of this OS, where Fieldbook keeps its data by default. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Fieldbook');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Fieldbook');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'fieldbook');
}

/** `--data-dir X` (or `--data-dir=X`) wins over FIELDBOOK_DATA_DIR, which wins over the OS default. */
export function resolveDataDir(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const fromArgs = readFlag(argv, '--data-dir');
  if (fromArgs) return path.resolve(fromArgs);
  if (env.FIELDBOOK_DATA_DIR) return path.resolve(env.FIELDBOOK_DATA_DIR);
  return defaultDataDir();
}

export function readFlag(argv: readonly string[], flag: string): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === flag) return argv[index + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
