import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import addressparser from 'nodemailer/lib/addressparser';
import { readMatchHeaders } from '../../../src-main/mail/headers';

const block = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);

describe('the header fields sync matches on', () => {
  it('reads addresses in every usual shape, names decoded', async () => {
    const headers = await readMatchHeaders(
      block([
        'From: =?ISO-8859-1?Q?Ren=E9?= <Rene@Example.test>',
        'To: a@x.example, "Smith, Ann" <ann@x.example>, Team: b@x.example, c@x.example;',
        'Cc: d@x.example (Dave), Eve <e@x.example>',
        'Message-ID: <id-1@x>',
        'Subject: =?UTF-8?B?Q2Fmw6k=?=',
        'Date: Tue, 04 Nov 2025 08:00:00 +0000',
      ]),
    );
    expect(headers.from).toEqual({ name: 'René', address: 'Rene@Example.test' });
    expect(headers.to.map((entry) => entry.address)).toEqual(['a@x.example', 'ann@x.example', 'b@x.example', 'c@x.example']);
    expect(headers.to[1]!.name).toBe('Smith, Ann');
    expect(headers.cc.map((entry) => entry.address)).toEqual(['d@x.example', 'e@x.example']);
    expect(headers).toMatchObject({ messageId: 'id-1@x', subject: 'Café', date: Date.parse('2025-11-04T08:00:00Z') });
  });

  it('reads a plain list exactly as addressparser does', async () => {
    const local = fc.stringMatching(/^[a-z0-9._-]{1,12}$/);
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,20}$/);
    const entry = fc.tuple(fc.option(name, { nil: undefined }), local).map(([display, user]) => (display ? `${display} <${user}@x.example>` : `${user}@x.example`));
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), async (entries) => {
        const value = entries.join(', ');
        const expected = addressparser(value, { flatten: true }).map((parsed) => parsed.address);
        expect((await readMatchHeaders(block([`To: ${value}`]))).to.map((parsed) => parsed.address)).toEqual(expected);
      }),
    );
  });

  it('has no date when the header is missing or unreadable', async () => {
    expect((await readMatchHeaders(block(['Subject: x']))).date).toBeUndefined();
    expect((await readMatchHeaders(block(['Date: soon']))).date).toBeUndefined();
    expect(await readMatchHeaders(undefined)).toMatchObject({ messageId: '', from: { address: '' }, to: [], date: undefined });
  });
});
