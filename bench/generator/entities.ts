import { CallDraftSchema } from '../../src-shared/domain/call';
import { ContactDraftSchema, ContactPatchSchema, type ContactPatch } from '../../src-shared/domain/contact';
import { FollowUpDraftSchema } from '../../src-shared/domain/follow-up';
import { NoteDraftSchema, type NoteKind } from '../../src-shared/domain/note';
import { ContactFactory } from './contacts';
import { ukMobile } from './phones';
import { moments, roundRandomly, type EntityGenerator, type PlannedEvent, type Slice } from './plan';
import { WeightedPicker, ZipfPicker, type Random } from './random';
import * as words from './word-lists';

// The entities the product has today, each written through the core's own services (the real
// write path: mutation engine, change log, search indexes, derived next-follow-up dates, SLA
// rules). Drafts are parsed with the same zod schemas as the IPC contract, as an invoke would.

export interface GeneratedCounts {
  contacts: number;
  nearDuplicates: number;
  contactEdits: number;
  contactDeletes: number;
  notes: number;
  calls: number;
  followUps: number;
  followUpsCompleted: number;
}

export function emptyCounts(): GeneratedCounts {
  return { contacts: 0, nearDuplicates: 0, contactEdits: 0, contactDeletes: 0, notes: 0, calls: 0, followUps: 0, followUpsCompleted: 0 };
}

const dayMs = 24 * 60 * 60 * 1000;
/** Of the timeline rows the generator writes itself; SLA rules add follow-ups on top. */
const timelineMix = { notes: 0.5, calls: 0.36, followUps: 0.14 };

export function createEntityGenerators(random: Random, scale: number, counts: GeneratedCounts): EntityGenerator[] {
  return [
    contactsGenerator(random.fork('contacts'), scale, counts),
    contactEditsGenerator(random.fork('edits'), counts),
    notesGenerator(random.fork('notes'), counts),
    callsGenerator(random.fork('calls'), counts),
    followUpsGenerator(random.fork('follow-ups'), counts),
    followUpWorkGenerator(random.fork('follow-up work'), counts),
  ];
}

function contactsGenerator(random: Random, scale: number, counts: GeneratedCounts): EntityGenerator {
  const factory = new ContactFactory(random, scale);
  return {
    name: 'contacts',
    plan(slice) {
      const step = (slice.to - slice.from) / Math.max(1, slice.contacts);
      return Array.from({ length: slice.contacts }, (_, i) => ({
        at: slice.from + Math.floor(i * step),
        run() {
          const generated = factory.next();
          const contact = slice.core.contacts.create(ContactDraftSchema.parse(generated.draft), { allowDuplicate: true });
          slice.ledger.add(contact.id, generated.e164s);
          counts.contacts += 1;
          if (generated.duplicateOf !== undefined) counts.nearDuplicates += 1;
        },
      }));
    },
  };
}

/** Contacts change after they are made: status moves, owners change, tags come and go; a few are deleted. */
function contactEditsGenerator(random: Random, counts: GeneratedCounts): EntityGenerator {
  const statuses = new WeightedPicker<'active' | 'won' | 'lost' | 'dormant'>([['won', 40], ['dormant', 25], ['lost', 20], ['active', 15]]);
  const tags = new ZipfPicker(words.tags, 1.1);
  const owners = new ZipfPicker(words.owners, 1);
  return {
    name: 'contact edits',
    plan(slice) {
      const times = moments(random, roundRandomly(random, slice.contacts * 0.3), slice.from, slice.to);
      return times.map((at) => ({
        at,
        run() {
          const index = slice.ledger.pickActive(random);
          if (index === undefined) return;
          const id = slice.ledger.ids[index]!;
          if (random.chance(0.02)) {
            slice.core.contacts.delete(id);
            slice.ledger.deleted.add(index);
            counts.contactDeletes += 1;
            return;
          }
          const current = slice.core.contacts.get(id);
          let patch: ContactPatch;
          const kind = random.int(0, 3);
          if (kind === 0) patch = { status: statuses.pick(random) };
          else if (kind === 1) patch = { owner: owners.pick(random) };
          else if (kind === 2) patch = { tags: [...new Set([...current.tags, tags.pick(random)])] };
          else patch = { tags: current.tags.slice(1) };
          slice.core.contacts.update(id, ContactPatchSchema.parse(patch));
          counts.contactEdits += 1;
        },
      }));
    },
  };
}

function timelineEvents(random: Random, slice: Slice, share: number, run: (at: number) => void): PlannedEvent[] {
  const mean = slice.contacts * slice.timelinePerContact * share;
  return moments(random, roundRandomly(random, mean), slice.from, slice.to).map((at) => ({ at, run: () => run(at) }));
}

function notesGenerator(random: Random, counts: GeneratedCounts): EntityGenerator {
  const kinds = new WeightedPicker<NoteKind>([['call', 35], ['internal', 30], ['email', 15], ['meeting', 10], ['quote_sent', 10]]);
  return {
    name: 'notes',
    plan(slice) {
      return timelineEvents(random, slice, timelineMix.notes, () => {
        const index = slice.ledger.pickActive(random);
        if (index === undefined) return;
        slice.core.notes.create(
          NoteDraftSchema.parse({
            contactId: slice.ledger.ids[index],
            kind: kinds.pick(random),
            body: noteBody(random),
            pinned: random.chance(0.03),
          }),
        );
        counts.notes += 1;
      });
    },
  };
}

function callsGenerator(random: Random, counts: GeneratedCounts): EntityGenerator {
  const dispositions = new WeightedPicker([
    ['booked', 25],
    ['quote needed', 15],
    ['call back', 20],
    ['no answer', 25],
    ['wrong number', 5],
    ['spam', 2],
  ] as const);
  return {
    name: 'calls',
    plan(slice) {
      return timelineEvents(random, slice, timelineMix.calls, (at) => {
        const index = slice.ledger.pickActive(random);
        const numbers = index === undefined ? [] : slice.ledger.e164s[index]!;
        // Some calls come from numbers nobody has saved yet; the core keeps them unlinked.
        const unknown = numbers.length === 0 || random.chance(0.05);
        const disposition = unknown && random.chance(0.3) ? 'spam' : dispositions.pick(random);
        const answered = disposition !== 'no answer';
        slice.core.calls.log(
          CallDraftSchema.parse({
            direction: random.chance(0.6) ? 'inbound' : 'outbound',
            number: unknown ? ukMobile(random).input.number : random.pick(numbers),
            startedAt: at,
            durationSeconds: answered ? Math.min(3 * 60 * 60, Math.round(random.logNormal(150, 0.9))) : 0,
            status: answered ? 'completed' : 'no-answer',
            disposition,
            notes: answered && random.chance(0.4) ? noteBody(random) : '',
            ...(unknown || index === undefined ? {} : { contactId: slice.ledger.ids[index] }),
            spam: disposition === 'spam',
            emergency: random.chance(0.01),
          }),
        );
        counts.calls += 1;
      });
    },
  };
}

function followUpsGenerator(random: Random, counts: GeneratedCounts): EntityGenerator {
  const titles = new ZipfPicker(words.followUpTitles, 0.8);
  const assignees = new ZipfPicker(words.owners, 1);
  const priorities = new WeightedPicker([['normal', 70], ['high', 20], ['low', 10]] as const);
  return {
    name: 'follow-ups',
    plan(slice) {
      return timelineEvents(random, slice, timelineMix.followUps, (at) => {
        const index = slice.ledger.pickActive(random);
        if (index === undefined) return;
        // Due at 9:00 to 17:00 on one of the next three weeks' days.
        const day = Math.floor(at / dayMs) + random.int(1, 21);
        slice.core.followUps.create(
          FollowUpDraftSchema.parse({
            contactId: slice.ledger.ids[index],
            title: titles.pick(random),
            dueAt: day * dayMs + random.int(9, 16) * 60 * 60 * 1000,
            assignee: assignees.pick(random),
            priority: priorities.pick(random),
          }),
        );
        counts.followUps += 1;
      });
    },
  };
}

/**
 * At the end of each slice most follow-ups that have fallen due are done (including those SLA
 * rules made for missed calls); the rest stay open and show as overdue.
 */
function followUpWorkGenerator(random: Random, counts: GeneratedCounts): EntityGenerator {
  return {
    name: 'follow-up work',
    plan(slice) {
      return [
        {
          at: slice.to - 1,
          run() {
            const due = slice.core.sqlite
              .prepare<[number, number], { id: string }>(
                `SELECT id FROM follow_ups WHERE cl % 2 = 1 AND done_at IS NULL AND due_at < ? AND due_at >= ?
                 ORDER BY due_at, created_at, title`,
              )
              .all(slice.to, slice.from);
            for (const { id } of due) {
              if (!random.chance(0.85)) continue;
              slice.core.followUps.complete(id);
              counts.followUpsCompleted += 1;
            }
          },
        },
      ];
    },
  };
}

function noteBody(random: Random): string {
  const ending = random.pick(words.noteEndings);
  return `${random.pick(words.noteOpenings)} ${random.pick(words.noteSubjects)}.${ending ? ` ${ending}` : ''}`;
}
