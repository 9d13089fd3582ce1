import { Random } from './random';

// A mailbox shaped like a small office's: most mail from people who are not contacts
// (newsletters, suppliers' robots, strangers), a share from customers, some HTML, some with a
// PDF attached, over the last months. Deterministic for a seed.

export interface GeneratedMail {
  raw: string;
  date: Date;
  /** Whether one of its addresses is a contact's. */
  fromContact: boolean;
}

export const officeAddress = 'me@office.example';

export function contactAddress(index: number): string {
  return `customer${index}@customers.example`;
}

const pdf = Buffer.alloc(18 * 1024, 'PDF-bytes ').toString('base64').replace(/.{76}/g, '$&\r\n');

const words = 'kitchen boiler quote invoice tiles leak appointment thursday estimate repair radiator plumbing deposit schedule visit'.split(' ');

function sentence(random: Random, count: number): string {
  return Array.from({ length: count }, () => words[random.int(0, words.length - 1)]).join(' ');
}

export function generateMailbox(options: { count: number; contacts: number; contactShare: number; seed: number; endAt: number; label?: string }): GeneratedMail[] {
  const random = new Random(`mailbox-${options.seed}-${options.label ?? ''}`);
  const spanMs = 330 * 24 * 60 * 60 * 1000;
  return Array.from({ length: options.count }, (_, index) => {
    const date = new Date(options.endAt - spanMs + Math.floor((spanMs * (index + 1)) / options.count));
    const fromContact = random.chance(options.contactShare);
    const from = fromContact ? contactAddress(random.int(0, options.contacts - 1)) : `sender${random.int(0, 5000)}@elsewhere.example`;
    const id = `${options.label ?? 'm'}-${options.seed}-${index}@bench.example`;
    const subject = `${sentence(random, 3)} ${index}`;
    const body = `${sentence(random, 40)}\r\n\r\n${sentence(random, 30)}`;
    const head = [`From: Sender ${index} <${from}>`, `To: Office <${officeAddress}>`, `Subject: ${subject}`, `Date: ${date.toUTCString()}`, `Message-ID: <${id}>`, 'MIME-Version: 1.0'];
    let raw: string;
    if (random.chance(0.05)) {
      raw = [
        ...head,
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
        '--b',
        `Content-Type: application/pdf; name="invoice-${index}.pdf"`,
        `Content-Disposition: attachment; filename="invoice-${index}.pdf"`,
        'Content-Transfer-Encoding: base64',
        '',
        pdf,
        '--b--',
      ].join('\r\n');
    } else if (random.chance(0.4)) {
      raw = [
        ...head,
        'Content-Type: multipart/alternative; boundary="a"',
        '',
        '--a',
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
        '--a',
        'Content-Type: text/html; charset=utf-8',
        '',
        `<html><body><p>${body.replace(/\r\n/g, '<br>')}</p><img src="https://tracker.example/${index}.gif"></body></html>`,
        '--a--',
      ].join('\r\n');
    } else {
      raw = [...head, 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n');
    }
    return { raw: `${raw}\r\n`, date, fromContact };
  });
}
