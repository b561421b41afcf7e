// Chinese texts of the row-level error report (the report is read by Chinese business users; the
// catalogue in @gridcare/contracts covers the certificate and phone rules shared with the forms).
export const IMPORT_TEXT = {
  required: '必填项不能为空',
  number: '应为数字',
  boolean: '应填写“是”或“否”',
  tooLong: (max: number) => `长度不能超过 ${max} 个字符`,
  enumValue: (allowed: string) => `取值无效，允许的值：${allowed}`,
  orgUnit: '供电单位编码不存在、不是供电所或营业厅，或不在您的管辖范围内',
  duplicateInFile: (what: string) => `${what}在文件中重复（首次出现在第 %s 行）`,
  existsInDb: (what: string) => `${what}已存在于系统中`,
  unknownTopology: (what: string) => `${what}在系统中不存在`,
  areaNotOnFeeder: '台区不属于所填线路',
  groupMismatch: '同一客户编号的各行客户信息应一致（与第 %s 行不同）',
  tooManyErrors: (shown: number) => `错误过多，仅记录前 ${shown} 条明细`,
  missingHeaders: (cols: string) => `缺少必需的列：${cols}`,
  noRows: '文件中没有数据行',
  accountNo: '户号',
  meterAssetNo: '电能表资产编号',
  transformerAssetNo: '受电变压器资产编号',
  transformerArea: '台区编码',
  feeder: '线路编码',
  refused: (errorRows: number) =>
    `文件中有 ${errorRows} 行存在错误，“全部导入”模式不能导入；请修正后重新上传，或选择“仅导入正确的行”`,
  timelineTitle: '客户档案批量导入',
} as const;
