import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveDataDir } from '../core/data-dir';

// Argument parsing for the fieldbook CLI: node:util parseArgs in strict mode, with every
// error turned into one sentence that says what is wrong and where to read more.

/** A mistake in how the command was called: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

const commonOptions: OptionSpec = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

export interface ParsedCommand {
  values: OptionValues;
  positionals: string[];
}

export function parseCommand(command: string, args: readonly string[], options: OptionSpec): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...commonOptions, ...options }, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw new UsageError(friendlyParseError(error), command);
  }
}

function friendlyParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? `${option ?? 'an option'} needs a value` : `${option ?? 'an option'} takes no value`;
    default:
      return message;
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** One of `allowed`, or a usage error naming them. */
export function choice<T extends string>(command: string, name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`, command);
}

export function integer(command: string, name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`, command);
  return number;
}

/** The data folder the app would use, unless --data-dir names another (see src-main/core/data-dir.ts). */
export function dataDirOf(values: OptionValues, env: NodeJS.ProcessEnv): string {
  const given = stringOption(values, 'data-dir');
  return resolveDataDir(given === undefined ? [] : ['--data-dir', given], env);
}

export function exactPositionals(command: string, positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) throw new UsageError(`missing ${names.slice(positionals.length).map((name) => `<${name}>`).join(' ')}`, command);
  if (positionals.length > names.length) throw new UsageError(`unexpected argument "${positionals[names.length]}"`, command);
  return positionals;
}
