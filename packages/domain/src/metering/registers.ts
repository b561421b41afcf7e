// Meter registers and reading periods (计量与抄表, domain.md §8).

export const METER_REGISTERS = [
  'active_total',
  'active_peak',
  'active_flat',
  'active_valley',
  'active_critical_peak',
  'reactive_total',
  'max_demand',
] as const;
export type MeterRegister = (typeof METER_REGISTERS)[number];

/** Cumulative registers advance between reads; max demand is a per-period value reset at each read. */
export function isCumulativeRegister(r: MeterRegister): boolean {
  return r !== 'max_demand';
}

export const READING_SOURCES = ['manual', 'handheld', 'ami', 'import', 'api', 'estimated'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

export const READING_STATUSES = ['valid', 'exception', 'estimated', 'rejected', 'superseded'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

export const READING_EXCEPTION_CODES = ['backwards', 'spike', 'zero_consumption', 'missing'] as const;
export type ReadingExceptionCode = (typeof READING_EXCEPTION_CODES)[number];

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReadingPeriod(p: string): boolean {
  return PERIOD.test(p);
}

/** Months from period a to period b (b − a); both 'YYYY-MM'. */
export function periodMonthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number);
  const [by, bm] = b.split('-').map(Number);
  return (by - ay) * 12 + (bm - am);
}

export function addPeriodMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The reading period of a date 'YYYY-MM-DD' (the calendar month). */
export function readingPeriodOfDate(date: string): string {
  return date.slice(0, 7);
}
