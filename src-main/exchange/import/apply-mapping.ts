import type { ColumnMapping } from '../../../src-shared/domain/exchange';
import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors';
import { collectAddress, collectScalar, emptyCollected, type CollectedContact } from './contact-builder';
import { parseEmailList, parsePhoneList } from './contact-fields';
import { emailTypeFromLabel, phoneTypeFromLabel, splitValues, unprotectFormula } from '../formats/values';

/**
 * Checks a mapping against the file's headers and the custom fields, and returns the function
 * that reads one row's cells through it. A bad mapping is refused whole, naming the column.
 */
export function compileMapping(
  mapping: readonly ColumnMapping[],
  headers: readonly string[],
  customFields: readonly CustomFieldDef[],
): (cells: readonly string[]) => CollectedContact {
  const known = new Set(customFields.map((def) => def.id));
  const columnName = (column: number) => `column ${column + 1} "${headers[column] ?? ''}"`;
  mapping.forEach((entry, index) => {
    const target = entry.target;
    const field = `mapping.${index}`;
    if (entry.column >= headers.length) {
      throw new AppError('invalid_input', `The file has ${headers.length} columns; there is no column ${entry.column + 1}.`, `${field}.column`);
    }
    if ((target.field === 'phone' || target.field === 'email') && target.typeColumn !== null && target.typeColumn >= headers.length) {
      throw new AppError('invalid_input', `The label column of ${columnName(entry.column)} does not exist.`, `${field}.target.typeColumn`);
    }
    if (target.field === 'custom' && !known.has(target.customFieldId) && !target.create) {
      throw new AppError(
        'invalid_input',
        `${columnName(entry.column)} is mapped to the custom field "${target.customFieldId}", which does not exist; add it in Settings or let the import create it.`,
        `${field}.target.customFieldId`,
      );
    }
  });

  // Read for every row of every preview and of the run: what does not depend on the row is
  // worked out here once (each row's origins were new strings per cell, most of them unused).
  const used = mapping.filter((entry) => entry.target.field !== 'ignore').map((entry) => ({ ...entry, origin: `column "${headers[entry.column] ?? entry.column + 1}"` }));
  return (cells) => {
    const collected = emptyCollected();
    for (const { column, target, origin } of used) {
      const cell = cells[column] ?? '';
      const raw = unprotectFormula(cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell);
      const value = raw.trim();
      switch (target.field) {
        case 'ignore':
          break;
        case 'summary':
          collected.summary.push(raw);
          collectScalar(collected, 'summary', value);
          break;
        case 'tags':
          collected.tags.push(value);
          break;
        case 'phones':
          collected.phones.push(...parsePhoneList(value, origin, column));
          break;
        case 'emails':
          collected.emails.push(...parseEmailList(value, origin, column));
          break;
        case 'phone': {
          const label = target.typeColumn === null ? '' : (cells[target.typeColumn] ?? '');
          const type = phoneTypeFromLabel(label, target.type);
          for (const number of splitValues(value)) collected.phones.push({ type, number, origin, cell: column });
          break;
        }
        case 'email': {
          const label = target.typeColumn === null ? '' : (cells[target.typeColumn] ?? '');
          const type = emailTypeFromLabel(label, target.type);
          for (const address of splitValues(value, true)) collected.emails.push({ type, address, origin, cell: column });
          break;
        }
        case 'street':
        case 'city':
        case 'region':
        case 'postcode':
        case 'country':
          collectAddress(collected, target.group, target.field, value);
          break;
        case 'custom':
          if (!collected.custom.get(target.customFieldId)?.value.trim()) {
            collected.custom.set(target.customFieldId, { value: raw, origin });
          }
          break;
        default:
          collectScalar(collected, target.field, value);
      }
    }
    return collected;
  };
}
