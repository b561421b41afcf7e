import dayjs from 'dayjs';

export function formatDateTime(v: string | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '';
}

export function formatDate(v: string | null | undefined): string {
  return v ? dayjs(v).format('YYYY-MM-DD') : '';
}

/** Rates may come as a fraction (0.85) or a percentage (85); the UI shows a percentage. */
export function asPercent(rate: number | null | undefined): number {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 0;
  const pct = rate <= 1 ? rate * 100 : rate;
  return Math.round(pct * 10) / 10;
}
