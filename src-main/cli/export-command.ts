import { contactSortFields, contactStatuses } from '../../src-shared/domain/contact';
import { exportColumns, ExportCsvOptionsSchema, exportPresets, type ExportEntity } from '../../src-shared/domain/exchange';
import { AppError } from '../../src-shared/errors';
import { parseOrThrow } from '../../src-shared/ipc/validate';
import { parseIsoMoment } from '../exchange/formats/values';
import { choice, exactPositionals, flag, parseCommand, stringOption, UsageError, type OptionValues } from './args';
import { openCore, type CommandContext } from './context';
import { exportVcardCommand, vcardExportUsage } from './vcard-export-command';

const entityNames: Record<string, ExportEntity> = { contacts: 'contacts', notes: 'notes', followups: 'followUps', 'follow-ups': 'followUps', calls: 'calls' };

export const exportUsage = `Usage:
  fieldbook export csv [contacts|notes|followups|calls] --out <file> [options]
  fieldbook export json --out <file>          everything (settings, contacts, notes, follow-ups, calls, files)
${vcardExportUsage}

CSV options:
  --preset NAME          standard (Fieldbook's own columns, imports back unchanged), accountant
                         (ids, ISO dates, plain decimal amounts with a currency column),
                         salesforce (contacts, with Salesforce's field names). Default standard.
  --columns a,b,c        pick the columns (keys: fieldbook export columns <entity>)
  --delimiter D          , or ; or tab (default ,)
  --decimal-comma        amounts as 1234,50
  --no-bom               leave out the UTF-8 byte order mark (Excel needs it to read UTF-8)
  --no-formula-protection  do not prefix cells starting with = + - @ with an apostrophe
Filters, as in the app's lists:
  contacts:  --query TEXT --tag TAG --status S --type TYPE --owner mine|team --sort FIELD[:desc]
  notes:     --contact ID --kind KIND --from DATE --to DATE     (created)
  followups: --contact ID --state open|done|all --assignee NAME --from DATE --to DATE (due)
  calls:     --contact ID --direction inbound|outbound --disposition D --unanswered --from DATE --to DATE
Common: --data-dir <dir>  --json  --quiet`;

const csvOptions = {
  out: { type: 'string', short: 'o' },
  preset: { type: 'string' },
  columns: { type: 'string' },
  delimiter: { type: 'string' },
  'decimal-comma': { type: 'boolean' },
  'no-bom': { type: 'boolean' },
  'no-formula-protection': { type: 'boolean' },
  query: { type: 'string' },
  tag: { type: 'string' },
  status: { type: 'string' },
  type: { type: 'string' },
  owner: { type: 'string' },
  sort: { type: 'string' },
  contact: { type: 'string' },
  kind: { type: 'string' },
  state: { type: 'string' },
  assignee: { type: 'string' },
  direction: { type: 'string' },
  disposition: { type: 'string' },
  unanswered: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

const filtersOf: Record<ExportEntity, string[]> = {
  contacts: ['query', 'tag', 'status', 'type', 'owner', 'sort'],
  notes: ['contact', 'kind', 'from', 'to'],
  followUps: ['contact', 'state', 'assignee', 'from', 'to'],
  calls: ['contact', 'direction', 'disposition', 'unanswered', 'from', 'to'],
};

export async function runExportCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') return context.help(exportUsage);
  if (sub === 'csv') return exportCsvCommand(rest, context);
  if (sub === 'json') return exportJsonCommand(rest, context);
  if (sub === 'vcard') return exportVcardCommand(rest, context, exportUsage);
  if (sub === 'columns') return listColumns(rest, context);
  throw new UsageError(sub ? `unknown export format "${sub}" (csv, json or vcard)` : 'say what to export: csv, json or vcard', 'export');
}

async function exportCsvCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const command = 'export csv';
  const { values, positionals } = parseCommand(command, args, csvOptions);
  if (flag(values, 'help')) return context.help(exportUsage);
  const [entityName = 'contacts'] = positionals;
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`, command);
  const entity = entityNames[entityName];
  if (!entity) throw new UsageError(`cannot export "${entityName}"; choose contacts, notes, followups or calls`, command);
  const out = stringOption(values, 'out');
  if (!out) throw new UsageError('--out <file> is required', command);
  for (const name of Object.values(filtersOf).flat()) {
    if (values[name] !== undefined && !filtersOf[entity].includes(name)) throw new UsageError(`--${name} does not filter ${entityName}`, command);
  }
  const delimiterText = stringOption(values, 'delimiter');
  const delimiter = delimiterText === 'tab' || delimiterText === '\\t' ? '\t' : choice(command, 'delimiter', delimiterText, [',', ';', '\t']);
  const options = validate(command, {
    entity,
    preset: choice(command, 'preset', stringOption(values, 'preset'), exportPresets),
    columns: stringOption(values, 'columns')?.split(',').map((key) => key.trim()).filter(Boolean),
    delimiter,
    bom: !flag(values, 'no-bom'),
    decimalComma: flag(values, 'decimal-comma'),
    protectFormulas: !flag(values, 'no-formula-protection'),
    view: viewOf(command, entity, values),
  });

  const { exchange, output, close } = await openCore(context, values);
  try {
    const result = await exchange.exportCsvTo(out, options, { onProgress: output.progress });
    output.done();
    output.result(result, () => `Wrote ${result.rows} ${entityName} to ${result.path} (${result.bytes.toLocaleString('en')} bytes).`);
    return 0;
  } finally {
    close();
  }
}

function viewOf(command: string, entity: ExportEntity, values: OptionValues): Record<string, unknown> {
  const text = (name: string) => stringOption(values, name);
  const moment = (name: string) => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const value = parseIsoMoment(raw);
    if (value === null) throw new UsageError(`--${name} must be a date such as 2026-01-31 or 2026-01-31T09:00:00Z (got "${raw}")`, command);
    return value;
  };
  switch (entity) {
    case 'contacts': {
      const [field, direction = 'asc'] = (text('sort') ?? 'name').split(':');
      return {
        query: text('query') ?? '',
        filters: {
          tag: text('tag'),
          status: choice(command, 'status', text('status'), contactStatuses),
          contactType: text('type'),
          owner: choice(command, 'owner', text('owner'), ['mine', 'team'] as const) ?? 'team',
        },
        sort: { field: choice(command, 'sort', field, contactSortFields), direction: choice(command, 'sort', direction, ['asc', 'desc'] as const) },
      };
    }
    case 'notes':
      return { contactId: text('contact'), kind: text('kind'), from: moment('from'), to: moment('to') };
    case 'followUps':
      return { contactId: text('contact'), state: text('state') ?? 'all', assignee: text('assignee'), from: moment('from'), to: moment('to') };
    case 'calls':
      return {
        contactId: text('contact'),
        direction: text('direction'),
        disposition: text('disposition'),
        unansweredOnly: flag(values, 'unanswered'),
        from: moment('from'),
        to: moment('to'),
      };
  }
}

/** The export options checked by the same schema as the channel; a bad value is a usage error. */
function validate(command: string, raw: Record<string, unknown>) {
  try {
    return parseOrThrow(ExportCsvOptionsSchema, JSON.parse(JSON.stringify(raw)));
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message, command);
    throw error;
  }
}

async function exportJsonCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const command = 'export json';
  const { values, positionals } = parseCommand(command, args, { out: { type: 'string', short: 'o' } });
  if (flag(values, 'help')) return context.help(exportUsage);
  exactPositionals(command, positionals, []);
  const out = stringOption(values, 'out');
  if (!out) throw new UsageError('--out <file> is required', command);
  const { exchange, output, close } = await openCore(context, values);
  try {
    const result = await exchange.exportJsonTo(out, { onProgress: output.progress });
    output.done();
    output.result(result, () => `Wrote ${result.rows} records to ${result.path} (${result.bytes.toLocaleString('en')} bytes).`);
    return 0;
  } finally {
    close();
  }
}

async function listColumns(args: readonly string[], context: CommandContext): Promise<number> {
  const command = 'export columns';
  const { values, positionals } = parseCommand(command, args, {});
  const [entityName = 'contacts'] = exactPositionals(command, positionals.length === 0 ? ['contacts'] : positionals, ['entity']);
  const entity = entityNames[entityName];
  if (!entity) throw new UsageError(`there is no "${entityName}"; choose contacts, notes, followups or calls`, command);
  const columns = exportColumns[entity];
  const text = columns.map((column) => `${column.key.padEnd(22)} ${column.header}`).join('\n');
  context.io.stdout.write(flag(values, 'json') ? `${JSON.stringify(columns, null, 2)}\n` : `${text}${entity === 'contacts' ? '\ncustom.<field id>      Custom: <label>' : ''}\n`);
  return 0;
}
