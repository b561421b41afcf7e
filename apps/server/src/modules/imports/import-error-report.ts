// The row-by-row error report (.xlsx), streamed from import_errors in slices of rows so that a file
// with a hundred thousand errors is never held in memory.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/db';
import { COLUMN_BY_KEY } from './import-columns';
import { errorsInRowRange, maxErrorRow } from './imports.repository';

const ROWS_PER_SLICE = 20_000;

export function errorReportStream(db: Db, jobId: number): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = wb.addWorksheet('错误明细');
  sheet.columns = [
    { header: '行号', key: 'rowNo', width: 8 },
    { header: '列', key: 'field', width: 24 },
    { header: '列名', key: 'label', width: 18 },
    { header: '填写的值', key: 'value', width: 30 },
    { header: '错误说明', key: 'message', width: 60 },
  ];
  const write = async () => {
    const last = await maxErrorRow(db, jobId);
    for (let from = 1; from <= last; from += ROWS_PER_SLICE) {
      for (const e of await errorsInRowRange(db, jobId, from, from + ROWS_PER_SLICE - 1)) {
        sheet
          .addRow({
            rowNo: e.rowNo,
            field: e.field,
            label: COLUMN_BY_KEY.get(e.field)?.label ?? e.field,
            value: e.value ?? '',
            message: e.message,
          })
          .commit();
      }
    }
    sheet.commit();
    await wb.commit();
  };
  write().catch((e: Error) => out.destroy(e));
  return out;
}
