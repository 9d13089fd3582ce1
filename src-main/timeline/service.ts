import { timelineKinds, type TimelineCursor, type TimelineItem, type TimelineKind } from '../../src-shared/domain/timeline';
import type { Sqlite } from '../db/open';
import { fieldChangeItems } from './field-changes';
import { callItem, newestFirst, noteKindLabels } from './items';
import { createTimelineQueries, type PageAfter } from './queries';

export interface TimelineDeps {
  sqlite: Sqlite;
}

/** A contact's timeline: a query over its notes, calls, follow-ups, files, deals and change log, never a copy of them. */
export class TimelineService {
  private readonly queries;
  /** Entries other domains contribute (e-mails), by kind. */
  private readonly sources = new Map<TimelineKind, (contactId: string) => TimelineItem[]>();

  constructor(deps: TimelineDeps) {
    this.queries = createTimelineQueries(deps.sqlite);
  }

  /** Lets a domain put its own entries on contacts' timelines. */
  addSource(kind: TimelineKind, itemsOf: (contactId: string) => TimelineItem[]): void {
    this.sources.set(kind, itemsOf);
  }

  /** Newest first; `before` is the last item of the previous page. */
  forContact(input: { contactId: string; kinds?: TimelineKind[]; before?: TimelineCursor; limit: number }) {
    const kinds = new Set<TimelineKind>(input.kinds && input.kinds.length > 0 ? input.kinds : timelineKinds);
    const items: TimelineItem[] = [];
    const { contactId } = input;
    // The kinds read a page at a time: one more than the page, so that whether more follow is known.
    const pageOfKind: PageAfter = {
      contactId,
      at: input.before?.at ?? Number.MAX_SAFE_INTEGER,
      key: input.before?.key ?? '',
      limit: input.limit + 1,
    };
    if (kinds.has('note')) {
      for (const note of this.queries.notes.all(pageOfKind)) {
        items.push({
          key: `note:${note.id}`,
          kind: 'note',
          at: note.created_at,
          actor: note.author,
          title: noteKindLabels[note.kind] ?? 'Note',
          detail: note.body,
          refId: note.id,
        });
      }
    }
    if (kinds.has('call')) {
      for (const call of this.queries.calls.all(pageOfKind)) items.push(callItem(call));
    }
    if (kinds.has('follow_up')) {
      for (const followUp of this.queries.followUpsPlanned.all(pageOfKind)) {
        items.push({
          key: `follow_up:${followUp.id}:created`,
          kind: 'follow_up',
          at: followUp.created_at,
          actor: followUp.created_by,
          title: `Follow-up planned: ${followUp.title}`,
          detail: `Due ${new Date(followUp.due_at).toISOString()}${followUp.assignee ? `, for ${followUp.assignee}` : ''}`,
          refId: followUp.id,
        });
      }
      for (const followUp of this.queries.followUpsDone.all(pageOfKind)) {
        items.push({
          key: `follow_up:${followUp.id}:done`,
          kind: 'follow_up',
          at: followUp.done_at!,
          actor: followUp.assignee,
          title: `Follow-up done: ${followUp.title}`,
          detail: '',
          refId: followUp.id,
        });
      }
    }
    if (kinds.has('file')) {
      for (const file of this.queries.files.all(pageOfKind)) {
        items.push({
          key: `file:${file.id}`,
          kind: 'file',
          at: file.created_at,
          actor: file.added_by,
          title: `Attached ${file.name}`,
          detail: file.category,
          refId: file.id,
        });
      }
    }
    if (kinds.has('deal')) {
      for (const move of this.queries.dealMoves.all(contactId)) {
        items.push({
          key: `deal:${move.id}`,
          kind: 'deal',
          at: move.at,
          actor: move.moved_by,
          title: move.from_name === null ? `Deal opened: ${move.title} (${move.to_name ?? '?'})` : `Deal ${move.title}: ${move.from_name} → ${move.to_name ?? '?'}`,
          detail: '',
          refId: move.deal_id,
        });
      }
    }
    if (kinds.has('change')) {
      // Tag rows are keyed `<contactId>:<tag>`; ';' sorts right after ':'.
      items.push(...fieldChangeItems(this.queries.contactChanges.all(contactId, `${contactId}:`, `${contactId};`)));
    }
    for (const [kind, itemsOf] of this.sources) if (kinds.has(kind)) items.push(...itemsOf(contactId));
    items.sort(newestFirst);
    const after = input.before;
    const start = after ? items.findIndex((item) => newestFirst(item, { at: after.at, key: after.key }) > 0) : 0;
    const page = start === -1 ? [] : items.slice(start, start + input.limit);
    const last = page[page.length - 1];
    const hasMore = start !== -1 && start + input.limit < items.length;
    return { items: page, nextCursor: hasMore && last ? { at: last.at, key: last.key } : null };
  }
}
