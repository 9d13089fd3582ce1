import { CallDraftSchema } from '../../../src-shared/domain/call';
import { ContactDraftSchema } from '../../../src-shared/domain/contact';
import { FollowUpDraftSchema } from '../../../src-shared/domain/follow-up';
import { NoteDraftSchema } from '../../../src-shared/domain/note';
import type { Core } from '../../../src-main/core/create-core';
import type { Random } from '../random';
import { WeightedPicker } from '../random';
import * as words from '../word-lists';
import type { ContactDealer, DemoContact } from './people';
import { dayAt, dayMs, hourMs, minuteMs, type DemoEvent } from './schedule';

// The office's last weeks: calls with their outcomes, notes, follow-ups made from them, and each
// evening the day's follow-ups done. What is left open at the end is what a busy office has: a
// handful overdue from the last day or two, the rest due in the days ahead.

const outcomes = new WeightedPicker([
  ['booked', 25],
  ['quote needed', 18],
  ['call back', 20],
  ['no answer', 25],
  ['wrong number', 4],
] as const);

const longNote = [
  'Site visit with the owners. The back bedroom has damp along the outside wall up to about 60 cm; the render',
  'outside is cracked under the window and the gutter above it overflows in heavy rain, which is most likely the cause.',
  'They would like the gutter replaced first and the wall left to dry out over a month before we re-plaster.',
  '\n\nAccess: parking on the drive, side gate code 4521, the dog is kept in the kitchen. Scaffold needs the neighbour’s',
  'agreement (no. 14, Mrs Patel, happy in principle; wants a call a day before). Quote to include scaffold, new',
  'uPVC gutter and downpipe, render repair and a breathable paint finish. They mentioned the loft insulation too:',
  'add it as an option, not in the main price.',
].join(' ');

export interface RecentWork {
  events: DemoEvent[];
  counts: { calls: number; notes: number; followUps: number; followUpsCompleted: number };
}

/** Overdue follow-ups the demo keeps open on purpose: a handful, from the last day or two. */
const overdue = [
  { title: 'Chase the deposit for the kitchen extension', daysAgo: 1, hour: 10 },
  { title: 'Call back about the roof quote', daysAgo: 1, hour: 15 },
  { title: 'Send the gas safety certificate', daysAgo: 0, hour: 0.25 },
] as const;
const maxOverdue = 5;

/** This week's new enquiries, so the dashboard's "new contacts" is not zero. */
const newEnquiries = [
  { kind: 'person', name: 'Harriet Osei', number: '07700 900318', email: 'harriet.osei@example.com', city: 'Knaresborough', source: 'Website form', daysAgo: 1 },
  { kind: 'company', name: 'Fenwick Lettings', number: '01423 555 207', email: 'maintenance@fenwick-lettings.example', city: 'Harrogate', source: 'Recommendation', daysAgo: 3 },
  { kind: 'person', name: 'Callum Reid', number: '07700 900452', email: 'callum.reid@example.com', city: 'Ripon', source: 'Checkatrade', daysAgo: 4 },
] as const;

export function planRecentWork(core: Core, random: Random, dealer: ContactDealer, fromAt: number, endAt: number): RecentWork {
  const counts = { calls: 0, notes: 0, followUps: 0, followUpsCompleted: 0 };
  const keepOpen = new Set<string>();
  const events: DemoEvent[] = [{ at: fromAt, run: () => void (counts.followUpsCompleted += completeDue(core, fromAt, keepOpen)) }];
  for (let day = dayAt(fromAt, 0) + dayMs; day < endAt; day += dayMs) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0) continue;
    const calls = weekday === 6 ? random.int(0, 2) : random.int(4, 9);
    for (let n = 0; n < calls; n += 1) {
      const at = day + Math.round((8 + random.next() * 9.5) * hourMs);
      if (at < endAt) events.push({ at, run: () => logCall(core, random, dealer.next(), at, counts) });
    }
    const evening = day + 17.5 * hourMs;
    if (evening < endAt) events.push({ at: evening, run: () => void (counts.followUpsCompleted += completeDue(core, evening, keepOpen)) });
  }
  const regular = dealer.next((contact) => contact.type === 'customer');
  events.push({
    at: endAt - 3 * dayMs,
    run: () => {
      core.notes.create(NoteDraftSchema.parse({ contactId: regular.id, kind: 'meeting', body: longNote, pinned: true }));
      counts.notes += 1;
    },
  });
  for (const item of overdue) {
    const dueAt = Math.min(dayAt(endAt - item.daysAgo * dayMs, item.hour), endAt - 10 * minuteMs);
    events.push({
      at: dueAt - 3 * dayMs,
      run: () => {
        const contact = dealer.next((candidate) => candidate.type === 'customer');
        keepOpen.add(core.followUps.create(FollowUpDraftSchema.parse({ contactId: contact.id, title: item.title, dueAt, priority: 'high' })).id);
        counts.followUps += 1;
      },
    });
  }
  for (const enquiry of newEnquiries) {
    const at = Math.min(dayAt(endAt - enquiry.daysAgo * dayMs, 11), endAt - hourMs);
    events.push({ at, run: () => void newEnquiry(core, enquiry, at, counts) });
  }
  events.push({ at: endAt, run: () => void (counts.followUpsCompleted += trimOverdue(core, endAt, keepOpen)) });
  return { events, counts };
}

function newEnquiry(core: Core, enquiry: (typeof newEnquiries)[number], at: number, counts: RecentWork['counts']): void {
  const company = enquiry.kind === 'company';
  const contact = core.contacts.create(
    ContactDraftSchema.parse({
      kind: enquiry.kind,
      name: enquiry.name,
      phones: [{ type: company ? 'work' : 'mobile', number: enquiry.number }],
      emails: [{ type: company ? 'work' : 'personal', address: enquiry.email }],
      address: { street: '', city: enquiry.city, region: 'North Yorkshire', postcode: '', country: 'GB' },
      contactType: 'lead',
      source: enquiry.source,
    }),
  );
  core.followUps.create(FollowUpDraftSchema.parse({ contactId: contact.id, title: 'Arrange site visit', dueAt: dayAt(at + 2 * dayMs, 10) }));
  counts.followUps += 1;
}

function logCall(core: Core, random: Random, contact: DemoContact, at: number, counts: RecentWork['counts']): void {
  const disposition = outcomes.pick(random);
  const answered = disposition !== 'no answer';
  const known = contact.phones.length > 0;
  const call = core.calls.log(
    CallDraftSchema.parse({
      direction: random.chance(0.6) ? 'inbound' : 'outbound',
      number: known ? random.pick(contact.phones) : `+4477009${random.digits(5)}`,
      startedAt: at,
      durationSeconds: answered ? Math.round(random.logNormal(180, 0.7)) : 0,
      status: answered ? 'completed' : 'no-answer',
      disposition,
      notes: answered && random.chance(0.5) ? `${random.pick(words.noteOpenings)} ${random.pick(words.noteSubjects)}.` : '',
      ...(known ? { contactId: contact.id } : {}),
    }),
  );
  counts.calls += 1;
  if (disposition === 'quote needed' || disposition === 'call back') {
    const dueAt = dayAt(at + random.int(1, 6) * dayMs, random.int(9, 16));
    core.followUps.create(
      FollowUpDraftSchema.parse({
        contactId: contact.id,
        callId: call.id,
        title: disposition === 'quote needed' ? 'Send quote' : 'Call back',
        dueAt,
        assignee: random.chance(0.7) ? undefined : random.pick(words.owners.slice(1)),
      }),
    );
    counts.followUps += 1;
  }
  if (answered && random.chance(0.35)) {
    core.notes.create(NoteDraftSchema.parse({ contactId: contact.id, kind: 'call', body: `${random.pick(words.noteOpenings)} ${random.pick(words.noteSubjects)}. ${random.pick(words.noteEndings)}`.trim() }));
    counts.notes += 1;
  }
}

/** The office's evening round: every open follow-up due by now is done, except those kept open. */
function completeDue(core: Core, now: number, keepOpen: ReadonlySet<string>): number {
  const due = openDue(core, now).filter((id) => !keepOpen.has(id));
  core.engine.transaction(() => {
    for (const id of due) core.followUps.complete(id);
  });
  return due.length;
}

/** At most `maxOverdue` stay overdue when the demo opens: the ones kept open and the newest others. */
function trimOverdue(core: Core, now: number, keepOpen: ReadonlySet<string>): number {
  const others = openDue(core, now).filter((id) => !keepOpen.has(id));
  const done = others.slice(0, Math.max(0, others.length - Math.max(0, maxOverdue - keepOpen.size)));
  core.engine.transaction(() => {
    for (const id of done) core.followUps.complete(id);
  });
  return done.length;
}

/** Open follow-ups due by `now`, oldest first. */
function openDue(core: Core, now: number): string[] {
  return core.sqlite
    .prepare<[number], { id: string }>('SELECT id FROM follow_ups WHERE cl % 2 = 1 AND done_at IS NULL AND due_at <= ? ORDER BY due_at, id')
    .all(now)
    .map((row) => row.id);
}
