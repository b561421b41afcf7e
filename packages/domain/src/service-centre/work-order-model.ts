// Work-order vocabulary of the 95598-style service centre (domain.md §4).

// 咨询, 查询, 故障报修, 投诉, 举报, 意见建议, 表扬, 业务申请, 催办
export const WORK_ORDER_TYPES = [
  'consultation',
  'query',
  'fault_repair',
  'complaint',
  'report',
  'suggestion',
  'praise',
  'application',
  'urge',
] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];

// 电话, 网上营业厅, 微信/移动, 营业厅柜台, 客户经理, 短信, 邮件
export const WORK_ORDER_CHANNELS = [
  'phone',
  'portal',
  'wechat',
  'counter',
  'account_manager',
  'sms',
  'email',
] as const;
export type WorkOrderChannel = (typeof WORK_ORDER_CHANNELS)[number];

// 受理 → 派发 → 接单 → 处理 → 回复 → 归档; 合并 for duplicates. 挂起 (paused) is a flag beside the status.
export const WORK_ORDER_STATUSES = [
  'accepted',
  'dispatched',
  'taken',
  'handled',
  'replied',
  'closed',
  'merged',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

// 派发, 接单, 退单, 转派, 处理, 回复, 挂起, 恢复, 回访, 归档, 重开, 合并
export const WORK_ORDER_ACTIONS = [
  'dispatch',
  'take',
  'send_back',
  'transfer',
  'handle',
  'reply',
  'pause',
  'resume',
  'return_visit',
  'close',
  'reopen',
  'merge',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

// What the customer sees (一口对外): internal routing steps are not shown.
export const EXTERNAL_STATUSES = [
  'received',
  'processing',
  'waiting_customer',
  'replied',
  'completed',
] as const;
export type ExternalStatus = (typeof EXTERNAL_STATUSES)[number];
