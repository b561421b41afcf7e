// Excel columns of the notices export, with the Chinese headers business users expect.
import type { Notice } from '@gridcare/contracts';
import type { ExcelColumn } from '../../platform/http/excel';

const KIND_ZH: Record<string, string> = {
  policy: '政策',
  product: '产品',
  promotion: '促销',
  system_change: '系统调整',
  fault_outage: '故障停电',
};
const STATUS_ZH: Record<string, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };
const ROLE_ZH: Record<string, string> = {
  admin: '系统管理员',
  supervisor: '班长/主管',
  cs_agent: '客服坐席',
  account_manager: '客户经理',
  dept_staff: '部门处理人',
  field_crew: '抢修人员',
  inspector: '用电检查',
  meter_reader: '抄表员',
  billing_clerk: '核算收费员',
  auditor: '审计员',
};

export const NOTICE_EXPORT_COLUMNS: ExcelColumn<Notice>[] = [
  { header: '编号', width: 8, value: (n) => n.id },
  { header: '类别', width: 10, value: (n) => KIND_ZH[n.kind] ?? n.kind },
  { header: '标题', width: 36, value: (n) => n.title },
  { header: '状态', width: 8, value: (n) => STATUS_ZH[n.status] ?? n.status },
  { header: '当前有效', width: 8, value: (n) => (n.current ? '是' : '否') },
  { header: '有效期起', width: 22, value: (n) => n.validFrom },
  { header: '有效期止', width: 22, value: (n) => n.validTo ?? '长期' },
  {
    header: '受众角色',
    width: 24,
    value: (n) => (n.audienceRoles.length ? n.audienceRoles.map((r) => ROLE_ZH[r] ?? r).join('、') : '全部'),
  },
  {
    header: '受众单位',
    width: 30,
    value: (n) => (n.audienceOrgUnits.length ? n.audienceOrgUnits.map((u) => u.name).join('、') : '全部'),
  },
  { header: '发布单位', width: 20, value: (n) => n.publisherOrgUnitName },
  { header: '创建人', width: 12, value: (n) => n.createdByName },
  { header: '发布人', width: 12, value: (n) => n.publishedByName },
  { header: '发布时间', width: 22, value: (n) => n.publishedAt },
  { header: '撤回时间', width: 22, value: (n) => n.withdrawnAt },
  { header: '撤回原因', width: 24, value: (n) => n.withdrawReason },
  { header: '正文', width: 60, value: (n) => n.body },
];
