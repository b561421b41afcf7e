// Instant validation hints on the entry screen: the same pure rules the server applies
// (packages/domain metering), so the reader sees "示数倒走" before saving.
import { validateReading, type ValidatedReading } from '@gridcare/domain';
import type { ReadingSheetRow } from '@gridcare/contracts';

const VALUE = /^\d{1,12}(\.\d{1,2})?$/;

export function readingHint(
  row: ReadingSheetRow,
  value: string | undefined,
): ValidatedReading | 'invalid' | null {
  if (value === undefined || value.trim() === '') return null;
  if (!VALUE.test(value.trim())) return 'invalid';
  return validateReading({
    register: row.register,
    value: value.trim(),
    previousValue: row.previousValue,
    multiplier: row.multiplier,
    digits: row.registerDigits,
    history: row.history,
    accountActive: row.accountStatus === 'active',
    openEstimatedKwh: row.openEstimatedKwh,
  });
}
