import { callDirections, type Call } from '../../src-shared/domain/call';
import { sentimentFilters } from '../../src-shared/domain/telephony';
import { formatPhone } from '../../src-shared/phone';
import { choice, exactPositionals, flag, integer, parseCommand, stringOption, UsageError } from './args';
import { openCore, type CommandContext } from './context';

export const callsUsage = `Usage:
  fieldbook calls list [--from DATE] [--to DATE] [--direction inbound|outbound] [--disposition TEXT]
                       [--contact ID] [--unanswered] [--search WORDS] [--sentiment positive|neutral|negative]
                       [--provider twilio|manual] [--sort startedAt|durationSeconds|disposition[:asc]]
                       [--limit N] [--offset N]
  DATE is a day (2026-10-08) or a moment (2026-10-08T14:30:00Z); --to is exclusive.
Common: --data-dir <dir>  --json`;

export async function runCallsCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') return context.help(callsUsage);
  if (sub !== 'list') throw new UsageError(sub ? `unknown calls command "${sub}" (list)` : 'say list', 'calls');
  const command = 'calls list';
  const { values, positionals } = parseCommand(command, rest, {
    from: { type: 'string' },
    to: { type: 'string' },
    direction: { type: 'string' },
    disposition: { type: 'string' },
    contact: { type: 'string' },
    unanswered: { type: 'boolean' },
    search: { type: 'string' },
    sentiment: { type: 'string' },
    provider: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  });
  if (flag(values, 'help')) return context.help(callsUsage);
  exactPositionals(command, positionals, []);
  const moment = (name: string) => {
    const text = stringOption(values, name);
    if (text === undefined) return undefined;
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new UsageError(`--${name} must be a date such as 2026-10-08 (got "${text}")`, command);
    return ms;
  };
  const [field = 'startedAt', direction = 'desc'] = (stringOption(values, 'sort') ?? 'startedAt').split(':');
  const query = {
    from: moment('from'),
    to: moment('to'),
    direction: choice(command, 'direction', stringOption(values, 'direction'), callDirections),
    disposition: stringOption(values, 'disposition'),
    contactId: stringOption(values, 'contact'),
    unansweredOnly: flag(values, 'unanswered'),
    search: stringOption(values, 'search'),
    sentiment: choice(command, 'sentiment', stringOption(values, 'sentiment'), sentimentFilters),
    provider: choice(command, 'provider', stringOption(values, 'provider'), ['twilio', 'manual'] as const),
    sort: {
      field: choice(command, 'sort', field, ['startedAt', 'durationSeconds', 'disposition'] as const)!,
      direction: choice(command, 'sort', direction, ['asc', 'desc'] as const)!,
    },
    offset: integer(command, 'offset', stringOption(values, 'offset'), 0, Number.MAX_SAFE_INTEGER) ?? 0,
    limit: integer(command, 'limit', stringOption(values, 'limit'), 1, 500) ?? 50,
  };
  const { core, output, close } = await openCore(context, values);
  try {
    const result = await core.invoke('calls.list', Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)));
    if (!result.ok) throw new UsageError(result.error.message, command);
    const page = result.data as { total: number; items: Call[] };
    output.result(page, () => describeCalls(page, query.offset));
    return 0;
  } finally {
    close();
  }
}

function describeCalls(page: { total: number; items: Call[] }, offset: number): string {
  if (page.total === 0) return 'No calls.';
  const lines = page.items.map((call) =>
    [
      new Date(call.startedAt).toISOString().slice(0, 16).replace('T', ' '),
      call.direction === 'inbound' ? 'in ' : 'out',
      formatPhone(call.number),
      call.contactName ?? '(no contact)',
      call.status,
      `${Math.floor(call.durationSeconds / 60)}:${String(call.durationSeconds % 60).padStart(2, '0')}`,
      call.disposition,
    ]
      .filter(Boolean)
      .join('  '),
  );
  lines.push(`${offset + 1}–${offset + page.items.length} of ${page.total}`);
  return lines.join('\n');
}
