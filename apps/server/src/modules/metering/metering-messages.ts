// Texts of the intake error codes (row-level error report) and review actions, in both languages.
export const INTAKE_ERROR_TEXT: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  required: { 'zh-CN': '必填项为空', 'en-US': 'Required value is empty' },
  bad_period: { 'zh-CN': '抄表期间应为 YYYY-MM', 'en-US': 'Period must be YYYY-MM' },
  bad_settlement: { 'zh-CN': '结算次数应为 1 或 2', 'en-US': 'Settlement must be 1 or 2' },
  bad_register: { 'zh-CN': '示数类型不正确', 'en-US': 'Unknown register' },
  bad_date: {
    'zh-CN': '抄表日期不是有效日期（YYYY-MM-DD）',
    'en-US': 'Reading date is not a valid YYYY-MM-DD date',
  },
  bad_number: {
    'zh-CN': '示数应为不小于 0、最多两位小数的数字',
    'en-US': 'Reading must be a number ≥ 0 with at most 2 decimals',
  },
  bad_interval: { 'zh-CN': '时段序号应为 1–96', 'en-US': 'Interval number must be 1–96' },
  unknown_meter: {
    'zh-CN': '电能表资产号不存在或不在您的管辖范围内',
    'en-US': 'Meter asset number unknown or outside your scope',
  },
  duplicate_in_file: {
    'zh-CN': '文件中重复：同一电能表、示数类型和期间出现多次',
    'en-US': 'Duplicate in the file: same meter, register and period',
  },
  already_read: {
    'zh-CN': '该电能表本期已有有效或估抄示数',
    'en-US': 'This meter register already has a valid or estimated reading for the period',
  },
  malformed: { 'zh-CN': '该行格式错误（列数或引号不正确）', 'en-US': 'Malformed line (columns or quotes)' },
  unknown_column: { 'zh-CN': '表头含未知列', 'en-US': 'Unknown column in the header' },
  missing_column: { 'zh-CN': '表头缺少必需列', 'en-US': 'Required column missing from the header' },
  empty_file: { 'zh-CN': '文件没有数据行', 'en-US': 'The file has no data lines' },
};

export function intakeErrorText(code: string, locale: string): string {
  const t = INTAKE_ERROR_TEXT[code];
  if (!t) return code;
  return locale.startsWith('en') ? t['en-US'] : t['zh-CN'];
}
