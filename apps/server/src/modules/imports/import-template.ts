// The downloadable templates: header row "客户名称(name)", one example row that validates clean, and
// in .xlsx an instructions sheet "说明" plus dropdowns on the enum columns.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { residentIdCheckCharacter } from '@gridcare/domain';
import { IMPORT_COLUMNS, headerLabel, isEnumColumn, type ImportColumn } from './import-columns';
import { allowedValues, dropdownLabels } from './import-labels';

const EXAMPLE_ID_BODY = '36010219900307123';
const exampleOf = (c: ImportColumn) =>
  c.key === 'cert_no' ? EXAMPLE_ID_BODY + residentIdCheckCharacter(EXAMPLE_ID_BODY) : c.example;

/** UTF-8 with BOM so that Excel opens the Chinese headers correctly. */
export function templateCsv(): Buffer {
  const text = stringify([IMPORT_COLUMNS.map(headerLabel), IMPORT_COLUMNS.map(exampleOf)]);
  return Buffer.from('\uFEFF' + text, 'utf8');
}

const DROPDOWN_ROWS = 2000;

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GridCare';
  const sheet = wb.addWorksheet('导入模板', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text format everywhere: 18-digit ID numbers and leading zeros must survive Excel.
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: headerLabel(c),
    key: c.key,
    width: Math.max(12, headerLabel(c).length * 1.6),
    style: { numFmt: '@' },
  }));
  sheet.addRow(IMPORT_COLUMNS.map(exampleOf));
  sheet.getRow(1).font = { bold: true };
  // exceljs supports range validations on worksheets but does not declare them in its typings.
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  IMPORT_COLUMNS.forEach((c, i) => {
    const labels = c.type === 'boolean' ? ['是', '否'] : isEnumColumn(c) ? dropdownLabels(c.key) : null;
    if (!labels) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${DROPDOWN_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${labels.join(',')}"`],
      showErrorMessage: false,
    });
  });

  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列', key: 'header', width: 32 },
    { header: '字段', key: 'key', width: 26 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'note', width: 50 },
    { header: '允许的值', key: 'allowed', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({
    header: '每行是一个用电户；同一客户的多个用电户填写相同的“客户编号”，客户信息取该客户的第一行。',
  });
  help.addRow({ header: '枚举列可填写中文名称或英文代码。' });
  for (const c of IMPORT_COLUMNS) {
    help.addRow({
      header: headerLabel(c),
      key: c.key,
      required: c.required ? '是' : '否',
      note: c.note,
      allowed: isEnumColumn(c)
        ? allowedValues(c.key)
        : c.type === 'boolean'
          ? '是、否'
          : c.type === 'number'
            ? '数字'
            : '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
