import type { AddressObject } from 'mailparser';

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

export function parseParts(source: Buffer): Promise<ParsedParts>;

/** Whether postal-mime's reading of the message is used (it agrees with mailparser's there). */
export function quickFits(source: Buffer): boolean;

/** mailparser's reading of any message. */
export function parsePartsWithMailparser(source: Buffer): Promise<ParsedParts>;
