// Reads an uploaded sheet row by row without holding it in memory: a CSV record splitter over a file stream
// (UTF-8 with or without BOM, or GBK as saved by older Excel versions), exceljs's streaming
// WorkbookReader for .xlsx (first worksheet only).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { CsvRecordSplitter } from './csv-record-splitter';
import type { ImportFormat } from './import-types';

export interface SheetRow {
  /** The spreadsheet row number: the header is row 1. */
  rowNo: number;
  cells: string[];
}

export interface ReadProgress {
  bytesRead: number;
}

const SNIFF_BYTES = 64 * 1024;

async function head(filePath: string, bytes: number): Promise<Buffer> {
  const fh = await open(filePath, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** UTF-8 unless the first 64 KB are not valid UTF-8, in which case the file is read as GBK. */
export async function detectEncoding(filePath: string): Promise<'utf-8' | 'gbk'> {
  const buf = await head(filePath, SNIFF_BYTES);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/** Cheap sanity checks before anything is parsed: NUL bytes in a CSV, or an .xlsx that is not a zip. */
export async function looksLikeSheet(filePath: string, format: ImportFormat): Promise<boolean> {
  const buf = await head(filePath, SNIFF_BYTES);
  if (buf.length === 0) return false;
  if (format === 'xlsx') return buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
  return !buf.includes(0);
}

async function* decodedChunks(
  filePath: string,
  encoding: 'utf-8' | 'gbk',
  progress: ReadProgress,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  const input = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      progress.bytesRead += chunk.length;
      yield decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  } finally {
    input.destroy();
  }
}

async function* csvRows(filePath: string, progress: ReadProgress): AsyncGenerator<SheetRow> {
  const splitter = new CsvRecordSplitter();
  let records: string[][] = [];
  let rowNo = 0;
  for await (const text of decodedChunks(filePath, await detectEncoding(filePath), progress)) {
    splitter.push(text, records);
    for (const cells of records) yield { rowNo: ++rowNo, cells };
    records = [];
  }
  splitter.end(records);
  for (const cells of records) yield { rowNo: ++rowNo, cells };
}

type RichText = { richText: { text: string }[] };
function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return (v as RichText).richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text).trim();
  return '';
}

async function* xlsxRows(filePath: string, progress: ReadProgress): AsyncGenerator<SheetRow> {
  const input = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (progress.bytesRead += chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { rowNo: row.number, cells };
      }
      break;
    }
  } finally {
    input.destroy();
  }
}

/** Every row of the sheet, header first. */
export function readSheet(
  filePath: string,
  format: ImportFormat,
  progress: ReadProgress = { bytesRead: 0 },
): AsyncGenerator<SheetRow> {
  return format === 'csv' ? csvRows(filePath, progress) : xlsxRows(filePath, progress);
}

/** The header row, or null when the file cannot be read as a sheet at all. */
export async function readHeader(filePath: string, format: ImportFormat): Promise<string[] | null> {
  if (!(await looksLikeSheet(filePath, format))) return null;
  try {
    for await (const row of readSheet(filePath, format)) return row.cells;
    return null;
  } catch {
    return null;
  }
}

/** Rough row count to choose between validating in the request and in a background job. */
export async function estimateRows(filePath: string, format: ImportFormat, size: number): Promise<number> {
  // A compressed .xlsx row of this template takes roughly 40 bytes; a CSV row is one line.
  if (format === 'xlsx') return Math.ceil(size / 40);
  let lines = 0;
  for await (const chunk of createReadStream(filePath, {
    highWaterMark: 1024 * 1024,
  }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}
