import { describe, expect, it } from 'vitest';
import { maxBodyTextChars, parseMessage } from '../../../src-main/mail/parse';
import { messageRowId, threadIdFor } from '../../../src-main/mail/message-ids';

const crlf = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
const arrival = new Date('2026-10-01T12:00:00Z');

describe('parsing a received message', () => {
  it('makes text out of an HTML-only message, for reading and search', async () => {
    const parsed = await parseMessage(
      crlf(['From: a@x.example', 'Subject: Hi', 'Message-ID: <h1@x>', 'Content-Type: text/html; charset=utf-8', '', '<p>Your <b>boiler</b> is booked.</p>']),
      arrival,
    );
    expect(parsed.bodyText).toBe('Your boiler is booked.');
    expect(parsed.bodyHtml?.trim()).toBe('<p>Your <b>boiler</b> is booked.</p>');
  });

  it('dates a message by its arrival when the Date header is missing or unreadable', async () => {
    const undated = await parseMessage(crlf(['From: a@x.example', 'Subject: x', '', 'body']), arrival);
    expect(undated.sentAt).toBe(arrival.getTime());
    const garbled = await parseMessage(crlf(['From: a@x.example', 'Date: the day after tomorrow', 'Subject: x', '', 'body']), arrival);
    expect(garbled.sentAt).toBe(arrival.getTime());
  });

  it('lists every address of To and Cc, including those inside a group', async () => {
    const parsed = await parseMessage(
      crlf(['From: "Smith, Ann" <ann@x.example>', 'To: Team: b@x.example, "C" <c@x.example>;', 'Cc: d@x.example', 'Subject: x', '', 'body']),
      arrival,
    );
    expect(parsed.from).toEqual({ name: 'Smith, Ann', address: 'ann@x.example' });
    expect(parsed.to.map((entry) => entry.address)).toEqual(['b@x.example', 'c@x.example']);
    expect(parsed.cc).toEqual([{ name: '', address: 'd@x.example' }]);
  });

  it('keeps files a person attached, not the images a signature carries inline', async () => {
    const parsed = await parseMessage(
      crlf([
        'From: a@x.example',
        'Subject: x',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: multipart/related; boundary="r"',
        '',
        '--r',
        'Content-Type: text/html',
        '',
        '<p>Hi</p><img src="cid:logo">',
        '--r',
        'Content-Type: image/png',
        'Content-ID: <logo>',
        'Content-Disposition: inline',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgo=',
        '--r--',
        '--b',
        'Content-Type: text/csv; name="prices.csv"',
        'Content-Disposition: attachment; filename="prices.csv"',
        '',
        'item,price',
        '--b--',
      ]),
      arrival,
    );
    expect(parsed.attachments.map((attachment) => [attachment.name, attachment.mimeType])).toEqual([['prices.csv', 'text/csv']]);
  });

  it('cuts a body past the size kept for sync, saying so', async () => {
    const long = 'x'.repeat(maxBodyTextChars + 10);
    const parsed = await parseMessage(crlf(['From: a@x.example', 'Subject: x', '', long]), arrival);
    expect(parsed.bodyText.length).toBeLessThan(maxBodyTextChars + 100);
    expect(parsed.bodyText).toMatch(/cut by Fieldbook/);
  });

  it('derives the row id from the Message-ID and the thread from the first Reference', async () => {
    const parsed = await parseMessage(
      crlf(['From: a@x.example', 'Subject: Re: x', 'Message-ID: <c@x>', 'In-Reply-To: <b@x>', 'References: <a@x>\r\n <b@x>', '', 'body']),
      arrival,
    );
    expect(parsed.rowId).toBe(messageRowId('c@x'));
    expect(parsed.references).toEqual(['a@x', 'b@x']);
    expect(parsed.threadId).toBe(threadIdFor('a@x', parsed.rowId));
  });

  it('gives a message without Message-ID an id from its bytes, the same on every laptop', async () => {
    const raw = crlf(['From: a@x.example', 'Subject: x', '', 'body']);
    const first = await parseMessage(raw, arrival);
    const again = await parseMessage(Buffer.from(raw), arrival);
    const other = await parseMessage(crlf(['From: a@x.example', 'Subject: y', '', 'body']), arrival);
    expect(first.rowId).toBe(again.rowId);
    expect(first.rowId).not.toBe(other.rowId);
    expect(first.messageId).toBe('');
  });
});
