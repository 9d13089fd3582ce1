import fs from 'node:fs';
import path from 'node:path';
import {
  duplicateActions,
  ImportOptionsSchema,
  type ColumnMapping,
  type ImportPreview,
  type ImportReport,
} from '../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../src-shared/domain/settings';
import { parseOrThrow } from '../../src-shared/ipc/validate';
import { privateFileMode } from '../core/private-files';
import { compactHeader, customFieldIdFor, formatTargetSpec, parseTargetSpec, suggestMapping, targetSpecHelp } from '../exchange/import/header-mapping';
import { parseCsv } from '../exchange/formats/csv-read';
import { decodeText } from '../exchange/formats/text-decode';
import { choice, exactPositionals, flag, listOption, parseCommand, stringOption, UsageError } from './args';
import { openCore, type CommandContext } from './context';

export const importUsage = `Usage:
  fieldbook import csv <file> [options]     import contacts from a CSV file
  fieldbook import vcard <file> [options]   import contacts from a .vcf file (one or many cards)
  fieldbook import list                     past imports, newest first
  fieldbook import undo <batch id>          take a whole import back out

Options of csv and vcard:
  --region XX                 country for numbers written without +code (default: the setting)
  --on-duplicate ACTION       skip | update | create, for rows matching a contact by e-mail,
                              phone or id (default skip; each duplicate is reported)
  --map "Header=target"       map a column yourself (repeatable; csv only). Targets:
                              ${targetSpecHelp}
  --preview                   show what would happen, change nothing
  --errors <file>             write the rows that cannot be imported to this CSV file
  --data-dir <dir>  --json  --quiet

Exit codes: 0 every row stored or skipped as a duplicate, 3 some rows could not be stored
(listed; the others were imported), 1 failure (nothing changed), 2 bad arguments.`;

export async function runImportCommand(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  const command = `import ${sub ?? ''}`.trim();
  if (sub === 'csv' || sub === 'vcard') return importFile(sub, command, rest, context);
  if (sub === 'list') return listImports(command, rest, context);
  if (sub === 'undo') return undoImport(command, rest, context);
  if (sub === '--help' || sub === '-h') {
    context.io.stdout.write(`${importUsage}\n`);
    return 0;
  }
  throw new UsageError(sub ? `unknown import command "${sub}" (csv, vcard, list or undo)` : 'say what to import: csv, vcard, list or undo', 'import');
}

async function importFile(format: 'csv' | 'vcard', command: string, args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(command, args, {
    region: { type: 'string' },
    'on-duplicate': { type: 'string' },
    map: { type: 'string', multiple: true },
    preview: { type: 'boolean' },
    errors: { type: 'string' },
  });
  if (flag(values, 'help')) return context.help(importUsage);
  const [file] = exactPositionals(command, positionals, ['file']);
  const region = stringOption(values, 'region');
  if (region !== undefined && !/^[A-Za-z]{2}$/.test(region)) throw new UsageError(`--region must be a two-letter country code such as GB or US (got "${region}")`, command);
  const onDuplicate = choice(command, 'on-duplicate', stringOption(values, 'on-duplicate'), duplicateActions);
  const maps = listOption(values, 'map');
  if (format === 'vcard' && maps.length > 0) throw new UsageError('--map is for CSV files; vCard fields are read as they are', command);
  if (!fs.existsSync(file!)) throw new UsageError(`there is no file ${file}`, command);

  const { core, exchange, output, close } = await openCore(context, values, { create: true });
  try {
    const mapping = maps.length > 0 ? mappingWithOverrides(command, file!, maps, core.settings.get().customFields) : undefined;
    const options = parseOrThrow(ImportOptionsSchema, {
      format,
      ...(mapping ? { mapping } : {}),
      ...(region ? { region } : {}),
      ...(onDuplicate ? { onDuplicate } : {}),
      fileName: path.basename(file!),
    });
    if (flag(values, 'preview')) {
      const preview = await exchange.previewFile(file!, options);
      output.result(preview, () => describePreview(preview));
      return 0;
    }
    const report = await exchange.importFile(file!, options, { onProgress: output.progress });
    output.done();
    const errorsFile = stringOption(values, 'errors');
    if (errorsFile && report.hasErrorFile) {
      fs.writeFileSync(errorsFile, exchange.importErrors(report.batchId).csv, { mode: privateFileMode });
      output.note(`The rows not imported are in ${errorsFile}.`);
    }
    output.result(report, () => describeReport(report));
    return report.counts.rejected > 0 ? 3 : 0;
  } finally {
    close();
  }
}

/** The suggested mapping of the file with the --map "Header=target" choices put over it. */
function mappingWithOverrides(command: string, file: string, maps: string[], customFields: CustomFieldDef[]): ColumnMapping[] {
  const { headers } = parseCsv(decodeText(fs.readFileSync(file)).text);
  const customFieldIds = customFields.map((def) => def.id);
  const mapping = suggestMapping(headers, customFields).mapping;
  for (const spec of maps) {
    const equals = spec.lastIndexOf('=');
    if (equals <= 0) throw new UsageError(`--map wants "Header=target" (got "${spec}")`, command);
    const header = spec.slice(0, equals).trim();
    const column = headers.findIndex((candidate) => candidate === header);
    const byKey = column === -1 ? headers.findIndex((candidate) => compactHeader(candidate) === compactHeader(header)) : column;
    if (byKey === -1) throw new UsageError(`the file has no column "${header}"; its columns are: ${headers.join(', ')}`, command);
    const target = parseTargetSpec(spec.slice(equals + 1));
    if (!target) throw new UsageError(`"${spec.slice(equals + 1)}" is not a target; use one of: ${targetSpecHelp}`, command);
    const withCreate =
      target.field === 'custom' && !customFieldIds.includes(target.customFieldId)
        ? { ...target, customFieldId: customFieldIdFor(target.customFieldId), create: { label: header.slice(0, 60), kind: 'text' as const } }
        : target;
    mapping[byKey] = { column: byKey, target: withCreate };
  }
  return mapping;
}

function describePreview(preview: ImportPreview): string {
  const lines = [`${preview.format === 'csv' ? `CSV (${preview.encoding}, delimiter ${JSON.stringify(preview.delimiter)}, looks like ${preview.source})` : `vCard (${preview.encoding})`}`];
  if (preview.format === 'csv') {
    lines.push('Columns:');
    for (const entry of preview.mapping) lines.push(`  ${preview.headers[entry.column]} -> ${formatTargetSpec(entry.target, preview.headers)}`);
  }
  lines.push('First rows as they would be stored:');
  for (const row of preview.preview) {
    if (row.problem) lines.push(`  line ${row.line}: NOT IMPORTED: ${row.problem}`);
    else if (row.contact) {
      const c = row.contact;
      const details = [c.company, ...c.phones.map((phone) => phone.e164), ...c.emails.map((email) => email.address)].filter(Boolean).join(', ');
      lines.push(`  line ${row.line}: ${c.name}${details ? ` (${details})` : ''}${row.duplicate ? ` [duplicate: ${row.duplicate.reason} -> ${row.duplicate.action}]` : ''}`);
      for (const warning of row.warnings) lines.push(`    WARNING: ${warning}`);
    }
  }
  lines.push(summaryLine(preview.counts, 'Would import'));
  return lines.join('\n');
}

function summaryLine(counts: ImportReport['counts'], verb: string): string {
  return `${verb} ${counts.rows} rows: ${counts.created} created, ${counts.updated} updated, ${counts.skipped} skipped as duplicates, ${counts.rejected} not imported.`;
}

function describeReport(report: ImportReport): string {
  const lines = [summaryLine(report.counts, `Imported ${report.fileName},`)];
  for (const problem of report.problems) lines.push(`  line ${problem.line}: ${problem.reason}`);
  if (report.counts.rejected > report.problems.length) lines.push(`  … and ${report.counts.rejected - report.problems.length} more`);
  for (const warning of report.warnings) lines.push(`  line ${warning.line}: WARNING: ${warning.reason}`);
  if (report.warningCount > report.warnings.length) lines.push(`  … and ${report.warningCount - report.warnings.length} more warnings`);
  for (const duplicate of report.duplicates) {
    const other = duplicate.existing ? `${duplicate.existing.name} (${duplicate.existing.id})` : `line ${duplicate.earlierLine}`;
    lines.push(`  duplicate, line ${duplicate.line}: ${duplicate.name}, ${duplicate.reason} as ${other}: ${duplicate.action}`);
  }
  lines.push(`Batch ${report.batchId}; to take it back out: fieldbook import undo ${report.batchId}`);
  return lines.join('\n');
}

async function listImports(command: string, args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(command, args, {});
  if (flag(values, 'help')) return context.help(importUsage);
  exactPositionals(command, positionals, []);
  const { exchange, output, close } = await openCore(context, values);
  try {
    const imports = exchange.listImports();
    output.result(imports, () =>
      imports.length === 0
        ? 'No imports yet.'
        : imports
            .map(
              (batch) =>
                `${batch.batchId}  ${new Date(batch.startedAt).toISOString()}  ${batch.fileName}  ${batch.counts.created} created, ${batch.counts.updated} updated${
                  batch.undoneAt ? '  (undone)' : batch.interrupted ? `  (interrupted part-way: undo it with fieldbook import undo ${batch.batchId}, then import the file again)` : ''
                }`,
            )
            .join('\n'),
    );
    return 0;
  } finally {
    close();
  }
}

async function undoImport(command: string, args: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(command, args, {});
  if (flag(values, 'help')) return context.help(importUsage);
  const [batchId] = exactPositionals(command, positionals, ['batch id']);
  if (!/^[0-9a-f-]{36}$/.test(batchId!)) throw new UsageError(`"${batchId}" is not an import batch id (see fieldbook import list)`, command);
  const { exchange, output, close } = await openCore(context, values);
  try {
    const result = await exchange.imports.undo(batchId!, { onProgress: output.progress });
    output.done();
    output.result(result, () => `Undone: ${result.removed} contacts removed, ${result.reverted} reverted, ${result.keptLaterEdits} later edits kept.`);
    return 0;
  } finally {
    close();
  }
}
