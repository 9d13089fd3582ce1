import type { AddressObject, SimpleParserOptions } from 'mailparser';

export interface ParsedParts {
  subject: string | undefined;
  from: Pick<AddressObject, 'value'>[] | undefined;
  to: Pick<AddressObject, 'value'>[] | undefined;
  cc: Pick<AddressObject, 'value'>[] | undefined;
  /** The raw `Date:` header line, when there is one. */
  dateLine: string | undefined;
  text: string | undefined;
  html: string | false;
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string | string[] | undefined;
  attachments: { filename: string | undefined; contentType: string; contentDisposition: string | undefined; related: boolean; content: Buffer }[];
}

export function parseParts(source: Buffer, options: SimpleParserOptions): Promise<ParsedParts>;
