import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src-main/mail/parse';
import { parsePartsWithMailparser, quickFits } from '../../../src-main/mail/mail-parse-worker.mjs';
import type { MailParser } from '../../../src-main/mail/parse-pool';
import { latin1Complaint, newsletter, quoteRequest, replyFromOffice, supplierInvoice, undatedNote } from '../../fixtures/mail/messages';

// Most messages are read by postal-mime, the rest by mailparser (mail-parse-worker.mjs): what is
// stored must be what mailparser alone gave, whichever read it.

const arrival = new Date('2026-11-20T10:00:00Z');
const mailparserOnly: MailParser = { parse: parsePartsWithMailparser, warm: () => {}, close: async () => {} };
const crlf = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

async function expectSameAsMailparser(source: Buffer): Promise<void> {
  expect(await parseMessage(source, arrival)).toEqual(await parseMessage(source, arrival, mailparserOnly));
}

const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
const base64Lines = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
const qp = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => (byte === 0x3d || byte > 0x7e || (byte < 0x20 && byte !== 0x0a) ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte))).join('').replace(/\n/g, '\r\n');

/** Awkward messages, written out: a few go to postal-mime, the rest must be sent to mailparser. */
const awkward: Record<string, Buffer> = {
  'encoded words in names and subject, folded': crlf([
    'From: =?UTF-8?B?w4lsb2RpZSBEdXDDqXJyYXk=?= <elodie@x.example>',
    'To: "Smith, Ann" <ann@x.example>, =?utf-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@x.example>,',
    ' plain@x.example',
    'Cc: Team: b@x.example, "C" <c@x.example>;, d@x.example',
    'Subject: =?UTF-8?Q?Devis_=E2=80=93_caf=C3=A9?= and',
    ' =?UTF-8?B?8J+Ul+KAjfCfj6A=?= more',
    'Date: Tue, 4 Nov 2025 09:15:00 +0100',
    'Message-ID: <a.b+c@x.example>',
    'In-Reply-To: <p@x>',
    'References: <r1@x>',
    '\t<r2@x> <p@x>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    qp('Prix : 1 250 € — très bien.\nLine two ünïcödé 🙂\n'),
  ]),
  'multipart/alternative in base64': crlf([
    'From: a@x.example',
    'To: me@office.example',
    'Subject: Alt',
    'Message-ID: <alt@x>',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from('Hello wörld\r\nsecond line\r\n', 'utf8')),
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from('<p>Hello <b>wörld</b></p>', 'utf8')),
    '--alt--',
  ]),
  'a PDF and a CSV attached, one name encoded': crlf([
    'From: "Bob" <bob@x.example>',
    'To: me@office.example',
    'Subject: Files',
    'Date: Wed, 05 Nov 2025 14:30:00 +0000',
    'Content-Type: multipart/mixed; boundary="m"',
    '',
    '--m',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'See attached.',
    '--m',
    'Content-Type: application/pdf; name="=?UTF-8?Q?R=C3=A9sum=C3=A9.pdf?="',
    'Content-Disposition: attachment; filename="=?UTF-8?Q?R=C3=A9sum=C3=A9.pdf?="',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(pdf),
    '--m',
    'Content-Type: text/csv; name="prices.csv"',
    'Content-Disposition: attachment; filename="prices.csv"',
    '',
    'item,price',
    '--m',
    'Content-Type: application/octet-stream',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(pdf),
    '--m--',
  ]),
  'HTML only': crlf(['From: a@x.example', 'Subject: H', 'Content-Type: text/html; charset=utf-8', '', '<p>Your <b>boiler</b> &amp; pipes.</p>']),
  'no MIME headers at all, broken lines and an unreadable date': crlf([
    'From: Ann <ann@x.example',
    'To: <>, ,bad@, c@x.example',
    'Subject:',
    'Date: the day after tomorrow',
    'X-Broken header without colon',
    '',
    'body',
  ]),
  'ISO-8859-1 subject and body': Buffer.from(
    ['From: =?ISO-8859-1?Q?Andr=E9?= <andre@x.example>', 'Subject: =?iso-8859-1?q?Probl=E8me?=', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', 'Très urgent', ''].join('\r\n'),
    'latin1',
  ),
  'format=flowed': crlf(['From: a@x.example', 'Subject: f', 'Content-Type: text/plain; charset=utf-8; format=flowed', '', 'A long line that ', 'was wrapped.', '']),
  'HTML with a text file attached': crlf([
    'From: a@x.example',
    'Subject: t',
    'Content-Type: multipart/mixed; boundary="m"',
    '',
    '--m',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Your <b>boiler</b> &amp; pipes, <a href="https://x.example/n">the notes</a>.</p><ul><li>one</li></ul>',
    '--m',
    'Content-Type: text/plain; charset=utf-8; name="notes.txt"',
    'Content-Disposition: attachment; filename="notes.txt"',
    '',
    'the notes',
    '--m--',
  ]),
  'only a PDF': crlf(['From: a@x.example', 'Subject: p', 'Content-Type: application/pdf; name="a.pdf"', 'Content-Transfer-Encoding: base64', '', base64Lines(pdf)]),
  'two plain parts': crlf(['From: a@x.example', 'Subject: t', 'Content-Type: multipart/mixed; boundary="m"', '', '--m', 'Content-Type: text/plain', '', 'one', '--m', 'Content-Type: text/plain', '', 'two', '--m--']),
};

const fixtures: Record<string, Buffer> = {
  quoteRequest: Buffer.from(quoteRequest(), 'latin1'),
  replyFromOffice: Buffer.from(replyFromOffice(), 'latin1'),
  latin1Complaint: Buffer.from(latin1Complaint(), 'latin1'),
  supplierInvoice: Buffer.from(supplierInvoice(), 'latin1'),
  undatedNote: Buffer.from(undatedNote(), 'latin1'),
  newsletter: Buffer.from(newsletter(), 'latin1'),
};

describe('parsing with postal-mime where it agrees with mailparser', () => {
  it.each(Object.entries({ ...awkward, ...fixtures }))('%s: stored as mailparser alone would', async (_name, source) => {
    await expectSameAsMailparser(source);
  });

  it('reads the common shapes with postal-mime, so the comparisons above are of two parsers', () => {
    const quick = Object.entries({ ...awkward, ...fixtures })
      .filter(([, source]) => quickFits(source))
      .map(([name]) => name);
    expect(quick).toEqual(expect.arrayContaining(['encoded words in names and subject, folded', 'multipart/alternative in base64', 'a PDF and a CSV attached, one name encoded', 'replyFromOffice']));
    expect(quick).not.toContain('HTML only');
    expect(quick).not.toContain('ISO-8859-1 subject and body');
  });

  it('stores any generated UTF-8 message as mailparser alone would', async () => {
    const word = fc.stringMatching(/^[A-Za-z0-9éü€🙂'.,&<>" -]{0,12}$/u);
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,8}$/);
    const address = fc.tuple(local, fc.constantFrom('x.example', 'office.example')).map(([user, domain]) => `${user}@${domain}`);
    const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
    const mailbox = fc.tuple(word, address, fc.constantFrom('plain', 'quoted', 'encoded', 'bare')).map(([name, at, style]) => {
      if (style === 'bare' || !name.trim()) return at;
      if (style === 'encoded') return `${encodedWord(name)} <${at}>`;
      if (style === 'quoted') return `"${name.replace(/["\\]/g, '')}" <${at}>`;
      return `${name.replace(/[^A-Za-z0-9 ]/g, '').trim() || 'N'} <${at}>`;
    });
    const body = fc.array(fc.stringMatching(/^[A-Za-z0-9éü€🙂 .,=<>&-]{0,60}$/u), { maxLength: 6 }).map((lines) => lines.join('\n'));
    const message = fc.record({
      from: mailbox,
      to: fc.array(mailbox, { maxLength: 3 }),
      cc: fc.array(mailbox, { maxLength: 2 }),
      subject: fc.tuple(word, fc.boolean()).map(([text, encode]) => (encode ? encodedWord(text) : text)),
      date: fc.constantFrom('Tue, 4 Nov 2025 09:15:00 +0100', 'garbage', ''),
      messageId: fc.option(local, { nil: undefined }),
      text: body,
      html: fc.option(body, { nil: undefined }),
      encoding: fc.constantFrom('8bit', 'quoted-printable', 'base64'),
      attachment: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(message, async (input) => {
        const encode = (text: string) =>
          input.encoding === 'base64' ? base64Lines(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')) : input.encoding === 'quoted-printable' ? qp(text) : text.replace(/\n/g, '\r\n');
        const part = (type: string, text: string) => [`Content-Type: text/${type}; charset=utf-8`, `Content-Transfer-Encoding: ${input.encoding}`, '', encode(text)];
        const inner = input.html === undefined ? part('plain', input.text) : ['Content-Type: multipart/alternative; boundary="a"', '', '--a', ...part('plain', input.text), '--a', ...part('html', `<p>${input.html}</p>`), '--a--'];
        const content = input.attachment
          ? ['Content-Type: multipart/mixed; boundary="m"', '', '--m', ...inner, '--m', 'Content-Type: application/pdf; name="a.pdf"', 'Content-Disposition: attachment; filename="a.pdf"', 'Content-Transfer-Encoding: base64', '', base64Lines(pdf), '--m--']
          : inner;
        const source = crlf([
          `From: ${input.from}`,
          ...(input.to.length ? [`To: ${input.to.join(', ')}`] : []),
          ...(input.cc.length ? [`Cc: ${input.cc.join(',\r\n ')}`] : []),
          `Subject: ${input.subject}`,
          ...(input.date ? [`Date: ${input.date}`] : []),
          ...(input.messageId ? [`Message-ID: <${input.messageId}@x.example>`] : []),
          'MIME-Version: 1.0',
          ...content,
        ]);
        expect(quickFits(source)).toBe(true);
        await expectSameAsMailparser(source);
      }),
      { numRuns: 300 },
    );
  });
});
