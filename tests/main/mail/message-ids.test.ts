import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uidSet } from '../../../src-main/mail/folder-sync';
import { attachmentFileId, bareMessageId, messageIdList, messageRowId, threadRootId } from '../../../src-main/mail/message-ids';

function expand(set: string): number[] {
  if (!set) return [];
  return set.split(',').flatMap((part) => {
    const [start, end] = part.split(':').map(Number);
    return Array.from({ length: (end ?? start!) - start! + 1 }, (_, index) => start! + index);
  });
}

describe('ids derived from what every laptop sees alike', () => {
  it('reads Message-IDs with or without angle brackets and spaces', () => {
    expect(bareMessageId(' <abc@host> ')).toBe('abc@host');
    expect(bareMessageId('abc@host')).toBe('abc@host');
    expect(bareMessageId(undefined)).toBe('');
    expect(messageIdList('<a@x>\r\n\t<b@x> <c@x>')).toEqual(['a@x', 'b@x', 'c@x']);
    expect(messageIdList(['<a@x>', '<b@x>'])).toEqual(['a@x', 'b@x']);
  });

  it('gives one row id per Message-ID, and different ones to different Message-IDs', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(messageRowId(a)).toBe(messageRowId(a));
        if (a !== b) expect(messageRowId(a)).not.toBe(messageRowId(b));
        expect(messageRowId(a)).toMatch(/^[0-9a-f-]{36}$/);
      }),
    );
  });

  it('roots a thread at its first reference, else what it answers, else itself', () => {
    expect(threadRootId(['a', 'b'], 'b', 'c')).toBe('a');
    expect(threadRootId([], 'b', 'c')).toBe('b');
    expect(threadRootId([], '', 'c')).toBe('c');
  });

  it('files the same attachment once per contact', () => {
    expect(attachmentFileId('contact-1', 'f'.repeat(64))).toBe(attachmentFileId('contact-1', 'f'.repeat(64)));
    expect(attachmentFileId('contact-1', 'f'.repeat(64))).not.toBe(attachmentFileId('contact-2', 'f'.repeat(64)));
  });
});

describe('UID sets for IMAP', () => {
  it('names exactly the UIDs given, in ranges', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 300 }), (uids) => {
        const set = uidSet(uids);
        expect(expand(set)).toEqual([...new Set(uids)].sort((a, b) => a - b));
        expect(set).not.toMatch(/(^|,)(\d+),\2(,|$)/);
      }),
    );
    expect(uidSet([5, 1, 2, 3, 9, 10])).toBe('1:3,5,9:10');
  });
});
