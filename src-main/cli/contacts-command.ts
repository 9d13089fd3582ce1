import { contactSortFields, contactStatuses, type ContactListPage } from '../../src-shared/domain/contact';
import { formatPhone } from '../../src-shared/phone';
import { choice, exactPositionals, flag, integer, parseCommand, stringOption, UsageError } from './args';
import { openCore, type CommandContext } from './context';

export const contactsUsage = `Usage:
  fieldbook contacts list [--tag T] [--status S] [--type T] [--owner mine|team] [--sort FIELD[:desc]]
                          [--limit N] [--offset N]
  fieldbook contacts search <words or digits> [--limit N]
Common: --data-dir <dir>  --json`;

export async function runContactsCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') return context.help(contactsUsage);
  if (sub !== 'list' && sub !== 'search') {
    throw new UsageError(sub ? `unknown contacts command "${sub}" (list or search)` : 'say list or search', 'contacts');
  }
  const command = `contacts ${sub}`;
  const { values, positionals } = parseCommand(command, rest, {
    tag: { type: 'string' },
    status: { type: 'string' },
    type: { type: 'string' },
    owner: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  });
  if (flag(values, 'help')) return context.help(contactsUsage);
  const [query] = sub === 'search' ? exactPositionals(command, [positionals.join(' ')].filter(Boolean), ['query']) : exactPositionals(command, positionals, []);
  const [field, direction = 'asc'] = (stringOption(values, 'sort') ?? 'name').split(':');
  const listQuery = {
    query: query ?? '',
    filters: {
      owner: choice(command, 'owner', stringOption(values, 'owner'), ['mine', 'team'] as const) ?? 'team',
      ...(stringOption(values, 'tag') ? { tag: stringOption(values, 'tag') } : {}),
      ...(stringOption(values, 'type') ? { contactType: stringOption(values, 'type') } : {}),
      ...(stringOption(values, 'status') ? { status: choice(command, 'status', stringOption(values, 'status'), contactStatuses) } : {}),
    },
    sort: { field: choice(command, 'sort', field, contactSortFields)!, direction: choice(command, 'sort', direction, ['asc', 'desc'] as const)! },
    offset: integer(command, 'offset', stringOption(values, 'offset'), 0, Number.MAX_SAFE_INTEGER) ?? 0,
    limit: integer(command, 'limit', stringOption(values, 'limit'), 1, 500) ?? 50,
  };
  const { core, output, close } = await openCore(context, values);
  try {
    const page = core.contacts.list(listQuery);
    output.result(page, () => describePage(page));
    return 0;
  } finally {
    close();
  }
}

function describePage(page: ContactListPage): string {
  if (page.total === 0) return 'No contacts.';
  const lines = page.items.map((item) =>
    [item.id, item.name, item.company, item.primaryPhone ? formatPhone(item.primaryPhone) : '', item.primaryEmail ?? ''].filter(Boolean).join('  '),
  );
  lines.push(`${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`);
  return lines.join('\n');
}
