// 简体中文 texts of the Payments and arrears pages (收费与欠费); en-US in payments.en-US.ts with the same keys.
export const paymentsZhCN = {
  title: '收费与欠费',
};
