// English texts of the Payments and arrears pages; the keys are those of payments.zh-CN.ts.
import type { Messages } from './zh-CN';
import type { paymentsZhCN } from './payments.zh-CN';

export const paymentsEnUS: Messages<typeof paymentsZhCN> = {
  title: 'Payments and arrears',
};
