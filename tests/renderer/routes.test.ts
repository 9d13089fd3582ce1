import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpListKinds } from '../../src-shared/domain/follow-up';
import { pipelineViews } from '../../src-renderer/features/pipeline/pipeline-route';
import { contactTabs, parseRoute, routeHash, type Route } from '../../src-renderer/routes';

// The screen lives in the URL hash, so that Back, a reload and a link from a reminder land on the
// same screen. Every route the app can navigate to must come back unchanged from its hash.

// Real ids are UUIDs; any text works, except "new", which is the address of the new-contact form.
const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((text) => text !== 'new');
const optional = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;

/** Routes as parseRoute gives them back: no default written out (a contact's timeline tab, an empty phone). */
const route: fc.Arbitrary<Route> = fc.oneof(
  fc.constantFrom<Route>({ name: 'dashboard' }, { name: 'contacts' }, { name: 'calls' }, { name: 'exchange' }, { name: 'settings' }, { name: 'settings', focus: 'userName' }),
  fc
    .record({ phone: optional(fc.string({ unit: 'grapheme', minLength: 1 })), callId: optional(id) })
    .map((fields): Route => withoutUndefined({ name: 'contactNew', ...fields })),
  fc.record({ id, tab: optional(fc.constantFrom(...contactTabs.filter((tab) => tab !== 'timeline'))) }).map((fields): Route => withoutUndefined({ name: 'contact', ...fields })),
  id.map((contactId): Route => ({ name: 'contactEdit', id: contactId })),
  optional(fc.constantFrom(...followUpListKinds)).map((view): Route => withoutUndefined({ name: 'followUps', view })),
  fc.constant<Route>({ name: 'pipeline', view: 'board' }),
  fc.constantFrom<Route>({ name: 'pipeline', view: 'numbers' }, { name: 'pipeline', view: 'list' }),
  fc.constant<Route>({ name: 'jobs' }),
  fc.constant<Route>({ name: 'companies' }),
  id.map((companyId): Route => ({ name: 'company', id: companyId })),
  fc.constant<Route>({ name: 'segments' }),
  optional(id).map((segmentId): Route => withoutUndefined({ name: 'segment', id: segmentId })),
  fc.constant<Route>({ name: 'callTriage' }),
  fc.constant<Route>({ name: 'audit' }),
  fc.record({ kind: fc.constantFrom('call' as const, 'contact' as const, 'deal' as const), id }).map((newFrom): Route => ({ name: 'jobs', newFrom })),
  fc.record({ pipelineId: id, view: fc.constantFrom(...pipelineViews) }).map((fields): Route => ({ name: 'pipeline', ...fields })),
  id.map((jobId): Route => ({ name: 'jobs', open: jobId })),
  optional(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })).map((query): Route => withoutUndefined({ name: 'search', query })),
);

const segment = fc.oneof(
  fc.constantFrom('contacts', 'new', 'edit', 'notes', 'search', 'jobs', 'open', 'files', 'pipeline', 'list', 'numbers', 'follow-ups', 'done', 'settings', 'name', 'calls', 'import-export', '%', '%2F', '%E0%A4'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
/** Addresses a user could type or an old link could hold: known words, junk and broken escapes. */
const anyHash = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc
    .tuple(fc.array(segment, { maxLength: 4 }), fc.constantFrom('', '?phone=123', '?call=c&phone=', '?x=%', '?q=cotham%20hill', '?q='))
    .map(([parts, query]) => `#/${parts.join('/')}${query}`),
);

describe('routes', () => {
  it('reads every route back from its hash', () => {
    fc.assert(
      fc.property(route, (original) => {
        expect(parseRoute(routeHash(original))).toEqual(original);
      }),
    );
  });

  it('gives every hash a route, and that route a hash that reads back the same', () => {
    fc.assert(
      fc.property(anyHash, (hash) => {
        const parsed = parseRoute(hash);
        const again = parseRoute(routeHash(parsed));
        expect(again).toEqual(parsed);
      }),
    );
  });

  it('opens the dashboard for an address it does not know', () => {
    expect(parseRoute('')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/no-such-screen/1')).toEqual({ name: 'dashboard' });
  });

  it('keeps ids with slashes, spaces and broken escapes in one piece', () => {
    for (const contactId of ['a/b', 'Ann Example', '50%', '%E0%A4%A', '#hash?q=1']) {
      const hash = routeHash({ name: 'contact', id: contactId, tab: 'files' });
      expect(hash.split('/')).toHaveLength(4);
      expect(parseRoute(hash)).toEqual({ name: 'contact', id: contactId, tab: 'files' });
    }
  });

  it('writes the defaults out of the address', () => {
    expect(routeHash({ name: 'contact', id: 'c1', tab: 'timeline' })).toBe('#/contacts/c1');
    expect(routeHash({ name: 'pipeline', pipelineId: 'p1', view: 'board' })).toBe('#/pipeline/p1');
    // The first pipeline's numbers keep their view in the address, so the hash change that follows does not drop it.
    expect(routeHash({ name: 'pipeline', view: 'numbers' })).toBe('#/pipeline?view=numbers');
    expect(routeHash({ name: 'contactNew', phone: '+44 20 7946 0000', callId: 'call-1' })).toBe('#/contacts/new?phone=%2B44+20+7946+0000&call=call-1');
  });

  it('falls back to the board for an unknown pipeline view', () => {
    expect(parseRoute('#/pipeline/p1/kanban')).toEqual({ name: 'pipeline', pipelineId: 'p1', view: 'board' });
  });
});
