// Register readings for every meter over the last N months (计量与抄表, domain.md §8), written with COPY.
// Realistic enough for bills: residential 100–400 kWh a month with summer and winter peaks; businesses
// by their capacity; TOU registers (peak/flat/valley) for TOU-capable meters that add up to the total;
// reactive energy and maximum demand for two-part accounts so the power factor lands in 0.80–0.98; a few
// spikes in the latest period for the review list. Deterministic per meter (seed + meter id).
// Settlement 1 only (the day-20 second reading of large industry is not generated).
import { addPeriodMonths } from '@gridcare/domain';
import type { Db } from '../../src/platform/db/db';
import { copyCsvIntoStage } from '../../src/modules/metering/reading-stage';
import { syncReadingBooks } from '../../src/modules/metering/reading-books.repository';
import { createRng } from './prng';

export interface ReadingGenOptions {
  /** Months of readings, ending with `lastPeriod` (default: the month before today, Asia/Shanghai). */
  months: number;
  lastPeriod?: string;
  seed?: number;
  log?: (line: string) => void;
}

const COLUMNS = [
  'meter_id',
  'account_id',
  'org_unit_id',
  'period',
  'settlement',
  'register',
  'read_on',
  'value',
  'previous_value',
  'multiplier',
  'consumption',
  'source',
  'status',
  'exception_codes',
];

// Seasonal factor by calendar month (air conditioning in summer, heating in winter).
const SEASON = [1.3, 1.2, 0.95, 0.85, 0.9, 1.15, 1.5, 1.55, 1.1, 0.85, 0.95, 1.2];

interface MeterRow {
  id: number;
  account_id: number;
  org_unit_id: number;
  multiplier: string;
  register_digits: number;
  tou_capable: boolean;
  tariff_category: string;
  basic_fee_method: string;
  capacity: string;
  reading_day: number | null;
  first_period: string;
}

function previousMonth(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3600_000);
  return addPeriodMonths(`${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`, -1);
}

const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** Monthly kWh of an account before the seasonal factor. */
function baseKwh(m: MeterRow, r: number): number {
  const cap = Number(m.capacity) || 10;
  switch (m.tariff_category) {
    case 'residential':
      return 100 + r * 220;
    case 'large_industry':
      return cap * 720 * (0.25 + r * 0.3);
    case 'agriculture':
      return Math.max(200, cap * 720 * (0.05 + r * 0.1));
    default:
      return Math.max(300, cap * 720 * (0.08 + r * 0.15));
  }
}

/** One meter's lines (COPY text format) for the periods. */
function meterLines(m: MeterRow, periods: string[], seed: number, spikeLast: boolean): string {
  const rng = createRng(seed ^ (m.id * 2654435761));
  const mult = Math.round(Number(m.multiplier) * 100); // in hundredths
  const range = 10 ** m.register_digits * 100;
  const twoPart = m.basic_fee_method !== 'none' || m.tariff_category === 'large_industry';
  const base = baseKwh(m, rng.next());
  const pf = 0.8 + rng.next() * 0.18;
  const tanPhi = Math.tan(Math.acos(pf));
  const regs: Record<string, number> = { active_total: rng.int(0, 500_000) };
  if (m.tou_capable) {
    regs.active_peak = rng.int(0, 200_000);
    regs.active_flat = rng.int(0, 200_000);
    regs.active_valley = rng.int(0, 200_000);
  }
  if (twoPart) regs.reactive_total = rng.int(0, 300_000);
  let out = '';
  const day = String(Math.min(28, m.reading_day ?? 1)).padStart(2, '0');
  periods.forEach((period, i) => {
    if (period < m.first_period) return;
    const month = Number(period.slice(5, 7));
    // Spikes only on single-register meters: a held meter-month is then one review item.
    const spike = spikeLast && !m.tou_capable && !twoPart && i === periods.length - 1;
    const kwh = base * SEASON[month - 1] * (0.9 + rng.next() * 0.2) * (spike ? 4 : 1);
    // Register advance in hundredths of a register unit (kWh ÷ multiplier).
    const adv = Math.max(0, Math.round((kwh * 100 * 100) / mult));
    const advances: [string, number][] = [['active_total', adv]];
    if (m.tou_capable) {
      const peak = Math.round(adv * (0.3 + rng.next() * 0.1));
      const valley = Math.round(adv * (0.2 + rng.next() * 0.1));
      advances.push(['active_peak', peak], ['active_flat', adv - peak - valley], ['active_valley', valley]);
    }
    if (twoPart) advances.push(['reactive_total', Math.round(adv * tanPhi)]);
    const status = spike ? 'exception' : 'valid';
    const codes = spike ? '{spike}' : '{}';
    for (const [reg, a] of advances) {
      const prev = regs[reg];
      const value = (prev + a) % range;
      regs[reg] = value;
      // consumption = advance × multiplier, half-up to the fen of a kWh
      const kwhCents = Math.floor((a * mult + 50) / 100);
      out += `${m.id}\t${m.account_id}\t${m.org_unit_id}\t${period}\t1\t${reg}\t${period}-${day}\t${cents(value)}\t${cents(prev)}\t${m.multiplier}\t${cents(kwhCents)}\tami\t${status}\t${codes}\n`;
    }
    if (twoPart) {
      // Maximum demand: the month's energy over 720 h at a load factor of 0.4–0.7, in register units.
      const kw = kwh / (720 * (0.4 + rng.next() * 0.3));
      const value = Math.round((kw * 100 * 100) / mult);
      out += `${m.id}\t${m.account_id}\t${m.org_unit_id}\t${period}\t1\tmax_demand\t${period}-${day}\t${cents(value)}\t\\N\t${m.multiplier}\t${cents(Math.floor((value * mult + 50) / 100))}\tami\t${status}\t${codes}\n`;
    }
  });
  return out;
}

/** Generates the readings of every meter of an open account; returns the number of rows written. */
export async function generateReadings(db: Db, opts: ReadingGenOptions): Promise<number> {
  const months = Math.max(0, Math.floor(opts.months));
  if (months === 0) return 0;
  const last = opts.lastPeriod ?? previousMonth(new Date());
  const periods = Array.from({ length: months }, (_, i) => addPeriodMonths(last, i - months + 1));
  const seed = opts.seed ?? 42;
  const started = Date.now();
  await syncReadingBooks(db);
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.query<MeterRow>(
      `SELECT m.id, m.account_id, m.org_unit_id, m.multiplier, m.register_digits, m.tou_capable, a.tariff_category,
              a.basic_fee_method, a.contract_capacity_kva AS capacity, a.reading_day,
              to_char(a.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS first_period
         FROM meters m JOIN accounts a ON a.id = m.account_id
        WHERE m.id > $1 AND a.status <> 'closed' ORDER BY m.id LIMIT 20000`,
      [lastId],
    );
    if (batch.rows.length === 0) break;
    let text = '';
    for (const m of batch.rows) {
      // About 1 meter in 400 has a spike in the latest period, waiting in the review list.
      text += meterLines(m, periods, seed, (m.id * 7919) % 400 === 0);
    }
    lastId = batch.rows[batch.rows.length - 1].id;
    rows += text.length === 0 ? 0 : text.split('\n').length - 1;
    const failure = await copyCsvIntoStage(db, 'meter_readings', COLUMNS, [text], 'text');
    if (failure) throw new Error(`reading generation failed: ${failure.message}`);
    opts.log?.(
      `  ${rows.toLocaleString('en')} readings (${Math.round(rows / ((Date.now() - started) / 1000)).toLocaleString('en')}/s)`,
    );
  }
  await db.query(
    `INSERT INTO reading_exceptions(reading_id, meter_id, account_id, org_unit_id, reading_book, period, settlement, register, codes)
     SELECT r.id, r.meter_id, r.account_id, r.org_unit_id, a.reading_book, r.period, r.settlement, r.register, r.exception_codes
       FROM meter_readings r JOIN accounts a ON a.id = r.account_id
      WHERE r.period = $1 AND r.status = 'exception' AND r.register = 'active_total'
        AND NOT EXISTS (SELECT 1 FROM reading_exceptions e WHERE e.reading_id = r.id)`,
    [last],
  );
  await db.exec('ANALYZE meter_readings');
  return rows;
}

/** Demo: the readings of the last `months` periods, and the demo reader and supervisor on every book. */
export async function seedReadings(db: Db, opts: { months: number; seed?: number }): Promise<number> {
  const rows = await generateReadings(db, { months: opts.months, seed: opts.seed });
  await db.query(
    `UPDATE reading_books SET reader_user_id = (SELECT id FROM users WHERE username = 'reader'),
            supervisor_user_id = (SELECT id FROM users WHERE username = 'supervisor')
      WHERE reader_user_id IS NULL`,
  );
  return rows;
}
