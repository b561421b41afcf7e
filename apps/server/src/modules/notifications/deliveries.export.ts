// Columns of the deliveries Excel export (headers in Chinese, as the business users read them).
import type { NotificationDelivery } from '@gridcare/contracts';
import type { ExcelColumn } from '../../platform/http/excel';

const STATUS: Record<string, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '待重试',
  dead: '失败',
};
const CHANNEL: Record<string, string> = { sms: '短信', email: '邮件', in_app: '站内信' };

export const DELIVERY_EXPORT_COLUMNS: ExcelColumn<NotificationDelivery>[] = [
  { header: '编号', width: 10, value: (d) => d.id },
  { header: '创建时间', width: 22, value: (d) => d.createdAt },
  { header: '事件', width: 26, value: (d) => d.event },
  { header: '渠道', width: 8, value: (d) => CHANNEL[d.channel] ?? d.channel },
  { header: '状态', width: 8, value: (d) => STATUS[d.status] ?? d.status },
  { header: '收件地址', width: 24, value: (d) => d.recipientAddress },
  { header: '标题', width: 30, value: (d) => d.subject },
  { header: '内容', width: 60, value: (d) => d.body },
  { header: '尝试次数', width: 8, value: (d) => d.attempts },
  { header: '下次尝试', width: 22, value: (d) => d.nextAttemptAt },
  { header: '发送时间', width: 22, value: (d) => d.sentAt },
  { header: '回执', width: 10, value: (d) => d.reportStatus },
  { header: '服务商消息号', width: 24, value: (d) => d.providerMessageId },
  { header: '最后错误', width: 40, value: (d) => d.lastError },
  {
    header: '关联对象',
    width: 20,
    value: (d) => (d.entityType ? `${d.entityType}:${d.entityId ?? ''}` : null),
  },
];
