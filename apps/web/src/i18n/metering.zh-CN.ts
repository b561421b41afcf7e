// 简体中文 texts of the Meter reading pages (抄表与计量); en-US in metering.en-US.ts with the same keys.
export const meteringZhCN = {
  title: '抄表与计量',
};
