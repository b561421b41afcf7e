// 简体中文 texts of the Tariffs and bills pages (电价与账单); en-US in billing.en-US.ts with the same keys.
export const billingZhCN = {
  title: '电价与账单',
};
