// The generated customers who call: drawn at random over the customers table one chunk at a time (one
// indexed lookup of a few thousand ids), so a million orders never hold the customer base in memory.
// Same database and seed, same draws.
import type { Db } from '../../src/platform/db/db';
import type { Rng } from './prng';

export interface Caller {
  id: number;
  orgUnitId: number;
  name: string;
  phone: string | null;
  tier: string;
  customerClass: string;
  person: boolean;
  premiseId: number | null;
  areaClass: string | null;
  address: string | null;
  accountNo: string | null;
}

interface CallerRow {
  id: number;
  org_unit_id: number;
  name: string;
  phone: string | null;
  importance_tier: string;
  customer_class: string;
  kind: string;
  premise_id: number | null;
  area_class: string | null;
  full_address: string | null;
  account_no: string | null;
}

export class CustomerSampler {
  private batch: Caller[] = [];
  private next = 0;

  private constructor(
    private readonly db: Db,
    private readonly rng: Rng,
    private readonly lo: number,
    private readonly hi: number,
    readonly count: number,
    private readonly batchSize: number,
  ) {}

  static async open(db: Db, rng: Rng, batchSize = 5000): Promise<CustomerSampler> {
    const r = await db.query<{ lo: number | null; hi: number | null; n: number }>(
      `SELECT min(id)::bigint AS lo, max(id)::bigint AS hi, count(*)::bigint AS n FROM customers WHERE status = 'active'`,
    );
    const { lo, hi, n } = r.rows[0];
    return new CustomerSampler(db, rng, lo ?? 0, hi ?? 0, n, batchSize);
  }

  /** A random customer (with their first premise and account), or null when there are none. */
  async pick(): Promise<Caller | null> {
    if (this.count === 0) return null;
    while (this.next >= this.batch.length) await this.refill();
    return this.batch[this.next++];
  }

  private async refill(): Promise<void> {
    const ids: number[] = [];
    for (let i = 0; i < this.batchSize; i++) ids.push(this.rng.int(this.lo, this.hi));
    const r = await this.db.query<CallerRow>(
      `SELECT c.id, c.org_unit_id, c.name, c.phone, c.importance_tier, c.customer_class, c.kind,
              p.id AS premise_id, p.area_class, p.full_address,
              (SELECT a.account_no FROM accounts a WHERE a.customer_id = c.id ORDER BY a.id LIMIT 1) AS account_no
         FROM customers c
         LEFT JOIN LATERAL (SELECT id, area_class, full_address FROM premises WHERE customer_id = c.id ORDER BY id LIMIT 1) p ON true
        WHERE c.id = ANY($1::bigint[]) AND c.status = 'active'`,
      [ids],
    );
    const byId = new Map(r.rows.map((x) => [x.id, x]));
    // In the drawn order (ids without a customer, e.g. after deletions, are skipped).
    this.batch = [];
    this.next = 0;
    for (const id of ids) {
      const x = byId.get(id);
      if (!x) continue;
      this.batch.push({
        id: x.id,
        orgUnitId: x.org_unit_id,
        name: x.name,
        phone: x.phone,
        tier: x.importance_tier,
        customerClass: x.customer_class,
        person: x.kind === 'person',
        premiseId: x.premise_id,
        areaClass: x.area_class,
        address: x.full_address,
        accountNo: x.account_no,
      });
    }
  }
}
