// 电费回收率 collection rate (domain.md §10, §15): principal collected on the bills of a period over the
// principal billed for it, as a percentage with two decimals (half-up); null when nothing was billed.
// Superseded and cancelled bills count neither way (their re-bill carries the amount).

export function collectionRate(billedFen: number, collectedFen: number): string | null {
  if (billedFen <= 0) return null;
  // basis points ×100 = percent with 2 decimals, half-up, in integers.
  const hundredths = (BigInt(collectedFen) * 10000n * 2n + BigInt(billedFen)) / (BigInt(billedFen) * 2n);
  const n = Number(hundredths);
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
}

export type AgeingBucket = 'not_due' | 'd1_30' | 'd31_90' | 'd91_180' | 'd181_365' | 'over_365';

export const AGEING_BUCKETS: AgeingBucket[] = [
  'not_due',
  'd1_30',
  'd31_90',
  'd91_180',
  'd181_365',
  'over_365',
];

/** Ageing of an unpaid bill by days past its due date (the due day itself is not overdue). */
export function ageingBucket(daysOverdue: number): AgeingBucket {
  if (daysOverdue <= 0) return 'not_due';
  if (daysOverdue <= 30) return 'd1_30';
  if (daysOverdue <= 90) return 'd31_90';
  if (daysOverdue <= 180) return 'd91_180';
  if (daysOverdue <= 365) return 'd181_365';
  return 'over_365';
}

/** Day on which the due-date reminder goes out: `daysBefore` days before the due date (default 3). */
export const DEFAULT_REMINDER_DAYS_BEFORE = 3;
