// Messages shown to people, in both languages. Validation refinements in the contracts use
// `msg('key')` so the server can answer in the caller's language and the web forms can too.
export type Locale = 'zh-CN' | 'en-US';

export const MESSAGES = {
  'cert.format': { 'zh-CN': '证件号码格式不正确', 'en-US': 'Certificate number has the wrong format' },
  'cert.region': {
    'zh-CN': '证件号码的地区码不正确',
    'en-US': 'Certificate number has an invalid region code',
  },
  'cert.birth_date': {
    'zh-CN': '身份证号码中的出生日期无效',
    'en-US': 'Birth date in the ID number is not a real date',
  },
  'cert.check_character': {
    'zh-CN': '证件号码校验位不正确',
    'en-US': 'Certificate number check character is wrong',
  },
  'cert.authority': {
    'zh-CN': '统一社会信用代码登记管理部门代码不正确',
    'en-US': 'Credit code has an invalid registration authority',
  },
  'cert.required': {
    'zh-CN': '填写证件类型时必须填写证件号码',
    'en-US': 'Certificate number is required with its type',
  },
  'phone.mobile': {
    'zh-CN': '手机号码应为 11 位且以 13–19 开头',
    'en-US': 'Mobile must be 11 digits starting 13–19',
  },
  'phone.any': { 'zh-CN': '电话号码格式不正确', 'en-US': 'Phone number has the wrong format' },
  'email.invalid': { 'zh-CN': '电子邮箱格式不正确', 'en-US': 'Email address is not valid' },
  'time.hhmm': { 'zh-CN': '时间应为 HH:MM', 'en-US': 'Time must be HH:MM' },
  'period.format': { 'zh-CN': '期间应为 YYYY-MM', 'en-US': 'Period must be YYYY-MM' },
  'bulk.filter_required': {
    'zh-CN': '请至少选择一个筛选条件或客户',
    'en-US': 'Choose at least one filter or customer',
  },
  'meter.ratio': { 'zh-CN': '互感器变比必须大于 0', 'en-US': 'Transformer ratios must be above 0' },
  // Error codes answered by the API.
  'error.validation': { 'zh-CN': '提交的数据有误，请检查标出的字段', 'en-US': 'Some fields are not valid' },
  'error.unauthenticated': { 'zh-CN': '请先登录', 'en-US': 'Please log in' },
  'error.bad_credentials': { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  'error.locked': {
    'zh-CN': '登录失败次数过多，账号已临时锁定，请稍后再试',
    'en-US': 'Too many failed logins; the account is locked for a while',
  },
  'error.forbidden': { 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  'error.not_found': {
    'zh-CN': '记录不存在或不在您的管辖范围内',
    'en-US': 'Not found, or outside your scope',
  },
  'error.version_conflict': {
    'zh-CN': '该记录已被他人修改，请刷新后重试',
    'en-US': 'Someone else changed this record; reload and try again',
  },
  'error.duplicate': {
    'zh-CN': '可能与已有客户重复，请核对后填写原因再保存',
    'en-US': 'This may duplicate an existing customer; give a reason to save anyway',
  },
  'error.conflict': { 'zh-CN': '与现有数据冲突', 'en-US': 'Conflicts with existing data' },
  'error.unique': { 'zh-CN': '编号已存在', 'en-US': 'That number is already in use' },
  'error.idempotency_mismatch': {
    'zh-CN': '同一幂等键被用于不同的请求',
    'en-US': 'The Idempotency-Key was used for a different request',
  },
  'error.internal': {
    'zh-CN': '系统内部错误，请联系管理员',
    'en-US': 'Internal error; contact the administrator',
  },
  'error.rate_limited': {
    'zh-CN': '请求过于频繁，请稍后再试',
    'en-US': 'Too many requests; try again later',
  },
  'error.payload_too_large': { 'zh-CN': '文件过大', 'en-US': 'File is too large' },
  'error.bad_file': { 'zh-CN': '无法读取上传的文件', 'en-US': 'The uploaded file cannot be read' },
  'error.invalid_state': {
    'zh-CN': '当前状态下不能执行此操作',
    'en-US': 'Not possible in the current state',
  },
  'error.org_hierarchy': {
    'zh-CN': '该类型的单位不能设在所选上级单位下',
    'en-US': 'That kind of unit cannot sit under the chosen parent',
  },
  'error.manager_not_eligible': {
    'zh-CN': '所选人员不是该范围内的客户经理',
    'en-US': 'The chosen user is not an account manager for this scope',
  },
  // Notifications (domain.md §17).
  'notification.quiet_pair': {
    'zh-CN': '免打扰开始和结束时间须同时填写或同时为空',
    'en-US': 'Give both quiet-hours start and end, or neither',
  },
  'notification.variable_missing': {
    'zh-CN': '模板需要此变量，但未提供',
    'en-US': 'The template needs this variable but it was not given',
  },
  'notification.variable_unknown': {
    'zh-CN': '该事件没有此变量',
    'en-US': 'This event has no such variable',
  },
  'notification.no_address': {
    'zh-CN': '收件人缺少该渠道所需的地址（手机号、邮箱或账号）',
    'en-US': 'The recipient has no address for this channel (mobile, email or account)',
  },
  'notification.no_template': {
    'zh-CN': '该事件没有此渠道的通知模板',
    'en-US': 'There is no template for this event and channel',
  },
  'notification.expired': {
    'zh-CN': '该消息已过有效期，不能重发',
    'en-US': 'The message has expired and cannot be resent',
  },
  // Service norms, internal notices, telephony (domain.md §4).
  'norm.code': {
    'zh-CN': '规范编号应为 2–4 个大写字母、短横线和 2–3 位数字，如 FLT-01',
    'en-US': 'Norm code must be 2–4 capital letters, a dash and 2–3 digits, e.g. FLT-01',
  },
  'norm.sub_category': {
    'zh-CN': '子类别应为小写字母、数字和下划线',
    'en-US': 'Sub-category must be lower-case letters, digits and underscores',
  },
  'notice.valid_range': {
    'zh-CN': '有效期止必须晚于有效期起',
    'en-US': 'Valid-to must be after valid-from',
  },
  'notice.audience_unit': {
    'zh-CN': '受众单位不存在',
    'en-US': 'The audience unit does not exist',
  },
  'telephony.number': { 'zh-CN': '电话号码格式不正确', 'en-US': 'Phone number has the wrong format' },
  'telephony.call_id': {
    'zh-CN': '呼叫标识应为 1–100 位字母、数字或 ._:@-',
    'en-US': 'Call id must be 1–100 letters, digits or ._:@-',
  },
  'telephony.range': { 'zh-CN': '结束时间必须晚于开始时间', 'en-US': 'The end must be after the start' },
  // Working-day calendar (domain.md §4).
  'calendar.date': { 'zh-CN': '日期应为有效的 YYYY-MM-DD', 'en-US': 'Date must be a real date, YYYY-MM-DD' },
  'calendar.makeup_weekend': {
    'zh-CN': '调休上班日只能设在周六或周日',
    'en-US': 'A make-up working day must be a Saturday or Sunday',
  },
  'calendar.working_hours': {
    'zh-CN': '工作时段须开始早于结束，且各时段互不重叠',
    'en-US': 'Each working-hours window must start before it ends, without overlaps',
  },
  // Work orders (service centre).
  'error.illegal_transition': {
    'zh-CN': '工单当前状态下不能执行该操作',
    'en-US': 'This action is not possible in the order’s current state',
  },
  'error.order_paused': { 'zh-CN': '工单已挂起，请先恢复', 'en-US': 'The order is paused; resume it first' },
  'error.order_not_paused': { 'zh-CN': '工单未挂起', 'en-US': 'The order is not paused' },
  'workorder.reason_required': { 'zh-CN': '请填写原因', 'en-US': 'Give a reason' },
  'workorder.reply_required': { 'zh-CN': '请填写答复内容', 'en-US': 'Write the reply to the customer' },
  'workorder.on_spot_type': {
    'zh-CN': '只有咨询、查询、意见建议、表扬类工单可以当场答复',
    'en-US': 'Only consultations, queries, suggestions and praise can be answered on the spot',
  },
  'workorder.routing_target': {
    'zh-CN': '请选择接收部门，或选择“服务点所属供电所”',
    'en-US': 'Choose a receiving department or the service point’s supply office',
  },
  'workorder.effective_past': {
    'zh-CN': '生效时间不能早于现在',
    'en-US': 'A version cannot take effect in the past',
  },
  'workorder.duplicate_rule': { 'zh-CN': '重复的时限规则', 'en-US': 'Duplicate time-limit rule' },
  'workorder.same_day_amount': {
    'zh-CN': '“当日下班前”最多 10 个工作日',
    'en-US': '“End of working day” allows at most 10 working days',
  },
  'workorder.unknown_unit': { 'zh-CN': '单位不存在', 'en-US': 'Unknown org unit' },
  'workorder.unknown_customer': {
    'zh-CN': '客户不存在或不在您的管辖范围内',
    'en-US': 'Unknown customer, or outside your scope',
  },
  'workorder.premise_customer': {
    'zh-CN': '服务点不属于该客户',
    'en-US': 'The service point does not belong to this customer',
  },
  'workorder.unknown_parent': { 'zh-CN': '上级工单不存在', 'en-US': 'Unknown parent order' },
  'workorder.merge_target': {
    'zh-CN': '不能合并到该工单：工单不存在、已归档或就是本工单',
    'en-US': 'Cannot merge into that order: unknown, closed or the same order',
  },
  'workorder.period_order': {
    'zh-CN': '结束日期不能早于开始日期',
    'en-US': 'The end date is before the start date',
  },
  'workorder.sub_category': {
    'zh-CN': '投诉工单请选择投诉类别',
    'en-US': 'Choose the complaint category',
  },
  // Customer portal (网上营业厅, domain.md §18).
  'error.bad_code': {
    'zh-CN': '验证码错误或已失效，请重新获取',
    'en-US': 'The code is wrong or no longer valid; ask for a new one',
  },
  'portal.account_no': {
    'zh-CN': '请输入正确的户号（电费单上的用电户号）',
    'en-US': 'Enter the account number printed on your bill',
  },
  'portal.code_format': { 'zh-CN': '验证码为 6 位数字', 'en-US': 'The code has 6 digits' },
  'portal.sub_category': {
    'zh-CN': '该类诉求没有这个子类',
    'en-US': 'This kind of request has no such category',
  },
  'portal.case_no': { 'zh-CN': '工单编号格式不正确', 'en-US': 'Not a valid case number' },
  'portal.unknown_account': {
    'zh-CN': '该户号不属于您',
    'en-US': 'This account number is not yours',
  },
  'portal.not_ratable': {
    'zh-CN': '该工单当前不能评价（尚未答复或已评价）',
    'en-US': 'This request cannot be rated now (not yet answered, or already rated)',
  },
  'portal.service_centre': { 'zh-CN': '客服中心', 'en-US': 'Customer Service Centre' },
  // Payments and arrears (收费与欠费, domain.md §10).
  'payment.reference_used': {
    'zh-CN': '该缴费流水号已用于另一笔缴费（户号或金额不同）',
    'en-US': 'This payment reference was used for another payment (other account or amount)',
  },
  'payment.refund_over_balance': {
    'zh-CN': '退费金额超过该户的预收余额',
    'en-US': 'The refund is more than the account’s prepaid balance',
  },
  'payment.bill_not_open': {
    'zh-CN': '所选账单不属于该户或已结清',
    'en-US': 'A chosen bill is not this account’s or is already paid',
  },
  'payment.nothing_due': { 'zh-CN': '该户当前没有应缴电费', 'en-US': 'Nothing is due on this account' },
  'payment.gateway_unavailable': {
    'zh-CN': '支付平台暂时无法连接，请稍后再试',
    'en-US': 'The payment gateway cannot be reached; try again later',
  },
  'payment.disconnection_too_early': {
    'zh-CN': '停电时间须在通知送达 3 天之后',
    'en-US': 'Disconnection must be at least 3 days after the notice',
  },
  'payment.disconnection_too_late': {
    'zh-CN': '停电时间须在通知送达后 7 天以内',
    'en-US': 'Disconnection must be within 7 days of the notice',
  },
  'payment.no_arrears': { 'zh-CN': '该户没有逾期欠费', 'en-US': 'The account has no overdue arrears' },
  'payment.case_open': {
    'zh-CN': '该户已有未办结的停电工单',
    'en-US': 'The account already has an open disconnection case',
  },
  'payment.file_required': {
    'zh-CN': '请以 multipart/form-data 上传银行回盘文件（字段 file）',
    'en-US': 'Upload the bank’s result file as multipart/form-data (field file)',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** Marks a refinement message as a catalogue key. */
export function msg(key: MessageKey): string {
  return 'msg:' + key;
}

export function translate(keyOrText: string, locale: Locale): string {
  const key = keyOrText.startsWith('msg:') ? keyOrText.slice(4) : keyOrText;
  const entry = (MESSAGES as Record<string, Record<Locale, string>>)[key];
  return entry ? entry[locale] : keyOrText;
}

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh-CN';
  return /^\s*en/i.test(acceptLanguage) ? 'en-US' : 'zh-CN';
}
