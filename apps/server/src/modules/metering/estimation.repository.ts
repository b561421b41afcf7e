// Estimated reads for the meters of a period that have no reading (估抄, domain.md §8), set-wise.
// Rule (packages/domain estimateConsumption): the average of the last 3 actual consumptions of the
// register within the 6 months before (same settlement), else the same month last year, else 0.
import { ESTIMATION_AVERAGE_MONTHS, ESTIMATION_LOOKBACK_MONTHS, addPeriodMonths } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';

export interface EstimationScope {
  period: string;
  settlement?: 1 | 2;
  orgUnitId?: number;
  readingBook?: string;
}

/** Inserts estimated rows (and one missing-read exception per meter) for one settlement; returns the count. */
export async function insertEstimates(db: Db, scope: EstimationScope, settlement: 1 | 2): Promise<number> {
  const p = scope.period;
  const r = await db.query<{ n: number }>(
    `WITH acc AS (
       SELECT a.id, a.reading_book, coalesce(CASE WHEN $2 = 2 THEN b.second_reading_day ELSE b.reading_day END,
                                             a.reading_day, 1) AS day
         FROM accounts a LEFT JOIN reading_books b ON b.code = a.reading_book
        WHERE a.status IN ('active','suspended','reduced')
          AND ($2 = 1 OR b.second_reading_day IS NOT NULL)
          AND ($3::bigint IS NULL OR a.org_unit_id IN (
                SELECT o.id FROM org_units o WHERE o.path LIKE '%/' || $3::bigint || '/%'))
          AND ($4::text IS NULL OR a.reading_book = $4)),
     t AS (
       SELECT m.id AS meter_id, m.account_id, m.org_unit_id, m.multiplier, m.register_digits AS digits,
              acc.day, last.register, last.value AS last_value
         FROM acc JOIN meters m ON m.account_id = acc.id
         JOIN LATERAL (
           SELECT DISTINCT ON (r.register) r.register, r.value FROM meter_readings r
            WHERE r.meter_id = m.id AND r.settlement = $2 AND r.status IN ('valid','estimated')
              AND r.period < $1 AND r.period >= $5
            ORDER BY r.register, r.period DESC) last ON true
        WHERE NOT EXISTS (SELECT 1 FROM meter_readings x WHERE x.meter_id = m.id AND x.register = last.register
                            AND x.period = $1 AND x.settlement = $2
                            AND x.status IN ('valid','exception','estimated'))),
     e AS (
       SELECT t.*, greatest(0, CASE WHEN avg3.n > 0 THEN avg3.kwh ELSE coalesce(ly.kwh, 0) END) AS kwh
         FROM t
         LEFT JOIN LATERAL (
           SELECT round(avg(q.consumption), 2) AS kwh, count(*) AS n FROM (
             SELECT r.consumption FROM meter_readings r
              WHERE r.meter_id = t.meter_id AND r.register = t.register AND r.settlement = $2
                AND r.status = 'valid' AND r.period < $1 AND r.period >= $6
              ORDER BY r.period DESC LIMIT $7) q) avg3 ON true
         LEFT JOIN LATERAL (
           SELECT r.consumption AS kwh FROM meter_readings r
            WHERE r.meter_id = t.meter_id AND r.register = t.register AND r.settlement = $2
              AND r.period = $5 AND r.status IN ('valid','estimated') LIMIT 1) ly ON true),
     ins AS (
       INSERT INTO meter_readings(meter_id, account_id, org_unit_id, period, settlement, register, read_on, value,
                                  previous_value, multiplier, consumption, source, status)
       SELECT meter_id, account_id, org_unit_id, $1, $2, register,
              make_date(substr($1, 1, 4)::int, substr($1, 6, 2)::int, least(day, 28)),
              CASE WHEN register = 'max_demand' THEN round(kwh / multiplier, 2)
                   ELSE mod(last_value + round(kwh / multiplier, 2), 10::numeric ^ digits) END,
              CASE WHEN register = 'max_demand' THEN NULL ELSE last_value END,
              multiplier, kwh, 'estimated', 'estimated'
         FROM e
       ON CONFLICT (meter_id, register, period, settlement) WHERE status IN ('valid','exception','estimated')
       DO NOTHING
       RETURNING meter_id, account_id, org_unit_id, register),
     miss AS (
       INSERT INTO reading_exceptions(meter_id, account_id, org_unit_id, reading_book, period, settlement, register, codes)
       SELECT ins.meter_id, ins.account_id, ins.org_unit_id, a.reading_book, $1, $2, ins.register, ARRAY['missing']
         FROM ins JOIN accounts a ON a.id = ins.account_id WHERE ins.register = 'active_total'
       ON CONFLICT (meter_id, register, period, settlement)
         WHERE reading_id IS NULL AND state IN ('open','reread_requested') DO NOTHING
       RETURNING id)
     SELECT count(*)::int AS n FROM ins`,
    [
      p,
      settlement,
      scope.orgUnitId ?? null,
      scope.readingBook ?? null,
      addPeriodMonths(p, -12),
      addPeriodMonths(p, -ESTIMATION_LOOKBACK_MONTHS),
      ESTIMATION_AVERAGE_MONTHS,
    ],
  );
  return r.rows[0].n;
}
