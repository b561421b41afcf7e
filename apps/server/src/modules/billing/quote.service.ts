// "What would I pay" (电费试算): prices a hypothetical account-period with the tariff in force (or a chosen
// version, drafts included) and saves nothing. Hot path: the tariff comes from the per-process cache.
import type { QuoteBody, QuoteResult } from '@gridcare/contracts';
import { BillingInputError, priceBill, type BillInput } from '@gridcare/domain';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError } from '../../platform/http/errors';
import { monthBounds } from './bill-input';
import { tariffById, tariffInForce } from './tariff-cache';

export async function quote(ctx: RequestContext, body: QuoteBody): Promise<QuoteResult> {
  requirePermission(ctx.user, 'billing:read');
  const { start, end } = monthBounds(body.period);
  const { tariffVersionId, ...rest } = body;
  const input: BillInput = {
    ...rest,
    periodStart: body.periodStart ?? start,
    periodEnd: body.periodEnd ?? end,
  };
  const tariff = tariffVersionId
    ? await tariffById(ctx.db, tariffVersionId)
    : await tariffInForce(ctx.db, input.periodStart);
  if (!tariff)
    throw new DomainError('validation', [
      tariffVersionId
        ? { path: 'body.tariffVersionId', message: '电价版本不存在' }
        : { path: 'body.period', message: '该期间没有生效的电价版本' },
    ]);
  try {
    const bill = priceBill(input, tariff);
    return {
      tariffVersion: {
        id: tariff.id,
        code: tariff.code,
        name: tariff.name,
        effectiveFrom: tariff.effectiveFrom,
      },
      bill,
    };
  } catch (e) {
    if (e instanceof BillingInputError)
      throw new DomainError('validation', [{ path: `body.${e.path}`, message: e.message }]);
    throw e;
  }
}
