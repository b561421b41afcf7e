// English texts of the Tariffs and bills pages; the keys are those of billing.zh-CN.ts.
import type { Messages } from './zh-CN';
import type { billingZhCN } from './billing.zh-CN';

export const billingEnUS: Messages<typeof billingZhCN> = {
  title: 'Tariffs and bills',
};
