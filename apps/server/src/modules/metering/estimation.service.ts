// Estimation before a bill run (contract with the billing module, see README.md): every meter register
// of an account in scope that was read (or estimated) in the last 12 months but has no reading for the
// period gets an estimated one; the next actual read trues it up (reading-intake.repository.ts).
import { isReadingPeriod } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { insertEstimates } from './estimation.repository';

export async function estimateMissingReadings(
  db: Db,
  scope: { period: string; settlement?: 1 | 2; orgUnitId?: number; readingBook?: string },
): Promise<{ estimated: number }> {
  if (!isReadingPeriod(scope.period)) throw new Error(`bad period ${scope.period}`);
  const settlements: (1 | 2)[] = scope.settlement ? [scope.settlement] : [1];
  let estimated = 0;
  for (const s of settlements) estimated += await insertEstimates(db, scope, s);
  return { estimated };
}
