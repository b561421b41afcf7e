// Any list can be exported to Excel: a streamed .xlsx written straight to the response, so memory stays
// flat however long the list is.
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';

export interface ExcelColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | undefined;
}

export function sendXlsx<T>(
  reply: FastifyReply,
  opts: {
    fileName: string;
    sheetName: string;
    columns: ExcelColumn<T>[];
    rows: AsyncIterable<T> | Iterable<T>;
  },
): FastifyReply {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(opts.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = opts.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const row of opts.rows as AsyncIterable<T>) {
      sheet.addRow(opts.columns.map((c) => c.value(row) ?? null)).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e) => stream.destroy(e as Error));
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(opts.fileName)}`);
  return reply.send(stream);
}

/** Pages through a paged service function so an export never loads the whole list at once. */
export async function* allPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: T[] }>,
  opts: { pageSize?: number; maxRows?: number } = {},
): AsyncGenerator<T> {
  const pageSize = opts.pageSize ?? 200;
  const maxRows = opts.maxRows ?? 100_000;
  let sent = 0;
  for (let page = 1; sent < maxRows; page++) {
    const { items } = await fetchPage(page, pageSize);
    for (const item of items) {
      if (sent++ >= maxRows) return;
      yield item;
    }
    if (items.length < pageSize) return;
  }
}
