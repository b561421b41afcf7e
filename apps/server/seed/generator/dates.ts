// Calendar helpers for generated rows. Creation dates are spread over a fixed range so the same seed
// gives the same archive on any day; only visit plans are placed relative to today.
const FIRST_DAY = Date.UTC(2006, 0, 1);
export const DAY_COUNT = Math.floor((Date.UTC(2026, 9, 31) - FIRST_DAY) / 86_400_000);
export const DAYS: string[] = Array.from({ length: DAY_COUNT }, (_, d) =>
  new Date(FIRST_DAY + d * 86_400_000).toISOString().slice(0, 10),
);

/** 'YYYY-MM' shifted by `delta` months. */
export function shiftPeriod(period: string, delta: number): string {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export function daysInPeriod(period: string): number {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));
