import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, quotesReason } from '../../../../src-main/exchange/formats/csv-read';
import { decodeText } from '../../../../src-main/exchange/formats/text-decode';
import { fixture } from '../helpers';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decoding the bytes of an imported file', () => {
  it('reads UTF-8 with a byte order mark and drops the mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'Name\nZoë'))).toEqual({ text: 'Name\nZoë', encoding: 'utf-8-bom' });
  });

  it('reads UTF-8 without a byte order mark', () => {
    expect(decodeText(bytes('Name\nZoë'))).toEqual({ text: 'Name\nZoë', encoding: 'utf-8' });
  });

  it('reads bytes that are not valid UTF-8 as Windows-1252, including € and the en dash', () => {
    // "Weiß – 250 €" as Excel on a German Windows writes it.
    const decoded = decodeText(Buffer.from([0x57, 0x65, 0x69, 0xdf, 0x20, 0x96, 0x20, 0x32, 0x35, 0x30, 0x20, 0x80]));
    expect(decoded).toEqual({ text: 'Weiß – 250 €', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with its byte order mark (Excel\'s "Unicode text")', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tPhone\nZoë\t1', 'utf16le')]);
    expect(decodeText(utf16)).toEqual({ text: 'Name\tPhone\nZoë\t1', encoding: 'utf-16le' });
  });
});

describe('parsing CSV', () => {
  it('detects comma, semicolon and tab delimiters from the header and first rows', () => {
    expect(detectDelimiter('Name,City\nAnn,Leeds\n')).toBe(',');
    expect(detectDelimiter('Name;City\nAnn;"Paris, FR"\n')).toBe(';');
    expect(detectDelimiter('Name\tCity\nAnn\tLeeds, West Yorkshire\n')).toBe('\t');
  });

  it('takes the delimiter from Excel\'s sep= line and counts lines after it', () => {
    const parsed = parseCsv('sep=;\nName;City\nAnn;Leeds, UK\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['Name', 'City']);
    expect(parsed.records).toEqual([{ line: 3, cells: ['Ann', 'Leeds, UK'] }]);
  });

  it('keeps newlines inside quoted fields and gives each record the line it starts on', () => {
    const parsed = parseCsv('Name,Notes\r\nAnn,"one\r\ntwo"\r\nBob,"a ""quoted"" word"\r\n\r\nCy,x\r\n');
    expect(parsed.records).toEqual([
      { line: 2, cells: ['Ann', 'one\r\ntwo'] },
      { line: 4, cells: ['Bob', 'a "quoted" word'] },
      { line: 6, cells: ['Cy', 'x'] },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('pads short rows, accepts empty extra fields, and reports rows with extra values', () => {
    const parsed = parseCsv('A,B,C\n1,2\n3,4,5,,\n6,7,8,9\n');
    expect(parsed.records).toEqual([
      { line: 2, cells: ['1', '2', ''] },
      { line: 3, cells: ['3', '4', '5'] },
    ]);
    expect(parsed.problems).toEqual([
      { line: 4, cells: ['6', '7', '8', '9'], reason: expect.stringContaining('has 4 fields but the header has 3') },
    ]);
  });

  it('reports a field whose closing quote is missing and reads the rest of the file', () => {
    const parsed = parseCsv('Name,Email\n"Dan,dan@example.com\nEve,eve@example.com\nFay,fay@example.com\n');
    expect(parsed.problems).toEqual([
      { line: 2, cells: ['"Dan,dan@example.com'], reason: quotesReason },
    ]);
    expect(parsed.records.map((record) => [record.line, record.cells[0]])).toEqual([
      [3, 'Eve'],
      [4, 'Fay'],
    ]);
  });

  it('reads the broken-rows fixture row by row with the right line numbers', () => {
    const parsed = parseCsv(decodeText(fs.readFileSync(fixture('broken-rows.csv'))).text);
    expect(parsed.records.map((record) => [record.line, record.cells[0]])).toEqual([
      [2, 'Ann Smith'],
      [4, 'Bob Jones'],
      [5, 'Carla Diaz'],
      [9, 'Fay Bademail'],
      [10, ''],
      [11, 'Gus Last'],
    ]);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([6, 7]);
  });
});
