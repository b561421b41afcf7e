// English texts of the Meter reading pages; the keys are those of metering.zh-CN.ts.
import type { Messages } from './zh-CN';
import type { meteringZhCN } from './metering.zh-CN';

export const meteringEnUS: Messages<typeof meteringZhCN> = {
  title: 'Meter reading',
};
