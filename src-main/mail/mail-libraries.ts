import type { ImapFlow } from 'imapflow';
import type libmime from 'libmime';
import type nodemailer from 'nodemailer';
import type addressparser from 'nodemailer/lib/addressparser';
import type MailComposer from 'nodemailer/lib/mail-composer';

// The mail protocol libraries (imapflow, nodemailer, libmime) cost about half a second of CPU and
// 40 MB to load, and most starts of the app never talk to a mail server: they are imported when
// mail first syncs, sends or tests a server, not when the core opens. mailparser is loaded the
// same way, by parse-pool.ts. The test that the first screen is served without them is
// tests/main/host/first-page-modules.test.ts.

export interface MailLibraries {
  ImapFlow: typeof ImapFlow;
  nodemailer: typeof nodemailer;
  MailComposer: typeof MailComposer;
  libmime: typeof libmime;
  addressparser: typeof addressparser;
}

let loading: Promise<MailLibraries> | undefined;

/** The libraries, imported once; every later call gets the same promise. */
export function mailLibraries(): Promise<MailLibraries> {
  loading ??= Promise.all([
    import('imapflow'),
    import('nodemailer'),
    import('nodemailer/lib/mail-composer'),
    import('libmime'),
    import('nodemailer/lib/addressparser'),
  ]).then(([imapflow, nodemailer, composer, libmime, addressparser]) => ({
    ImapFlow: imapflow.ImapFlow,
    nodemailer: nodemailer.default,
    MailComposer: composer.default,
    libmime: libmime.default,
    addressparser: addressparser.default,
  }));
  return loading;
}
