// Delivery reports from the SMS gateway: accepted only with a valid signature from our app key.
import type { SmsDeliveryReportBody } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { DomainError } from '../../platform/http/errors';
import { smsSignatureProblem } from './channels/sms-signature';
import { recordSmsReport } from './deliveries.repository';

export async function receiveSmsReports(
  db: Db,
  body: SmsDeliveryReportBody,
  opts: { appKey: string; secret: string; now: Date; raw?: Record<string, unknown> },
): Promise<{ code: 'OK'; updated: number }> {
  const problem = smsSignatureProblem(opts.raw ?? (body as unknown as Record<string, unknown>), opts);
  if (problem)
    throw new DomainError('unauthenticated', [
      { path: `body.${problem === 'app_key' ? 'appKey' : problem}`, message: 'signature check failed' },
    ]);
  let updated = 0;
  await db.transaction(async (tx) => {
    for (const r of body.reports) {
      const at = new Date(r.reportTime);
      updated += await recordSmsReport(tx, {
        messageId: r.messageId,
        status: r.status === 'DELIVERED' ? 'delivered' : 'undelivered',
        error: r.errorCode ?? null,
        reportedAt: Number.isNaN(at.getTime()) ? opts.now : at,
      });
    }
  });
  return { code: 'OK', updated };
}
