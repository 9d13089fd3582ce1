import type { CallInstance } from 'twilio/lib/rest/api/v2010/account/call';
import type { PhoneAccount } from './accounts';
import { terminalStatuses, type CallFacts } from './call-facts';
import { readLegs, recordCallFacts, type FactsUpdate } from './call-store';
import type { Telephony } from './context';
import type { CallsPage } from './twilio-gateway';

// Calls the relay did not hear about (it was down, or the account is newly connected) come from
// Twilio's Calls list, page by page, reconciled by CallSid: facts merge forward, so a call the
// webhooks already told about changes only where the list knows more, and nothing is doubled.
// Each page is one transaction: a catch-up stopped midway keeps what it did and the next one
// reads the same window again at no cost.

export interface CatchUpResult {
  seen: number;
  added: number;
  updated: number;
  pages: number;
}

const dayMs = 24 * 60 * 60 * 1000;
/** Calls can outlast the gap between two catch-ups; read a little before where the last ended. */
const overlapMs = 2 * 60 * 60 * 1000;

function parentFacts(call: CallInstance): CallFacts {
  const inbound = call.direction === 'inbound';
  const startedAt = (call.startTime ?? call.dateCreated)?.getTime();
  return {
    direction: inbound ? 'inbound' : 'outbound',
    otherNumber: inbound ? call.from : call.to,
    officeNumber: inbound ? call.to : call.from,
    ...(startedAt !== undefined && !Number.isNaN(startedAt) ? { startedAt } : {}),
    legStatus: call.status,
    legDuration: Number(call.duration ?? 0) || 0,
  };
}

/** A child leg (a phone the call rang) tells its parent whether anybody picked up. */
function childFacts(call: CallInstance): CallFacts | undefined {
  if (call.status === 'completed') return { answered: true, talkSeconds: Number(call.duration ?? 0) || 0 };
  if (terminalStatuses.includes(call.status)) return { dialStatus: call.status, dialEndedWhileCallerOn: true };
  return undefined;
}

export async function catchUpCalls(
  t: Telephony,
  account: PhoneAccount,
  options: { since: number; pageSize?: number; onPage?: (result: CatchUpResult) => void },
): Promise<CatchUpResult> {
  const startedAt = t.now();
  const workspaceId = account.workspaceId;
  const result: CatchUpResult = { seen: 0, added: 0, updated: 0, pages: 0 };
  const children: FactsUpdate[] = [];
  const count = (recorded: Map<string, { created: boolean; changed: boolean }>) => {
    for (const call of recorded.values()) {
      if (call.created) result.added += 1;
      else if (call.changed) result.updated += 1;
    }
  };

  let page: CallsPage | undefined = await t.gateway(account).callsSince(new Date(options.since), options.pageSize ?? 1000);
  while (page) {
    result.pages += 1;
    result.seen += page.calls.length;
    const parents: FactsUpdate[] = [];
    for (const call of page.calls) {
      if (!call.parentCallSid) parents.push({ callSid: call.sid, facts: parentFacts(call) });
      else {
        const facts = childFacts(call);
        if (facts) children.push({ callSid: call.parentCallSid, facts });
      }
    }
    await t.author.transaction(workspaceId, async (tx, append) => count(await recordCallFacts(tx, append, workspaceId, parents, t.now())));
    options.onPage?.(result);
    page = await page.next();
  }

  // Children last: their parent may be on a later page. A child whose parent the relay does not
  // know (it started before the window) is left alone rather than making a call with no number.
  if (children.length > 0) {
    await t.author.transaction(workspaceId, async (tx, append) => {
      const known = await readLegs(tx, workspaceId, [...new Set(children.map((child) => child.callSid))]);
      const recorded = await recordCallFacts(tx, append, workspaceId, children.filter((child) => known.has(child.callSid)), t.now());
      for (const call of recorded.values()) if (call.changed) result.updated += 1;
    });
  }
  await t.accounts.markCaughtUp(workspaceId, startedAt);
  return result;
}

/** Where the periodic catch-up of a workspace starts reading. */
export const catchUpSince = (account: PhoneAccount, now: number): number => (account.caughtUpTo ?? now - dayMs) - overlapMs;
