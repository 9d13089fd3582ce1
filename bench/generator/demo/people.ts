import type { Core } from '../../../src-main/core/create-core';
import type { Random } from '../random';

export interface DemoContact {
  id: string;
  name: string;
  type: string;
  /** The contact's phone numbers (E.164), for calls that find their caller. */
  phones: string[];
}

/** The live contacts the bench generator made, to hang the demo's recent work on. */
export function liveContacts(core: Core): DemoContact[] {
  const rows = core.sqlite
    .prepare<[], { id: string; name: string; type: string; phones: string | null }>(
      `SELECT c.id, c.name, c.contact_type AS type,
              (SELECT json_group_array(p.e164) FROM contact_phones p WHERE p.contact_id = c.id) AS phones
       FROM contacts c WHERE c.cl % 2 = 1 ORDER BY c.created_at, c.id`,
    )
    .all();
  return rows.map((row) => ({ id: row.id, name: row.name, type: row.type, phones: row.phones ? (JSON.parse(row.phones) as string[]) : [] }));
}

/** Hands out contacts without repeating one until all have been used (a deal each, mostly). */
export class ContactDealer {
  private order: DemoContact[] = [];

  constructor(
    private readonly contacts: DemoContact[],
    private readonly random: Random,
  ) {}

  next(prefer?: (contact: DemoContact) => boolean): DemoContact {
    if (this.order.length === 0) this.order = shuffle([...this.contacts], this.random);
    const at = prefer ? this.order.findIndex(prefer) : -1;
    const [picked] = this.order.splice(at === -1 ? 0 : at, 1);
    return picked!;
  }
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
