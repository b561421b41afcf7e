// Meter reading in the real browser: the meter reader opens a reading book's entry sheet for this month,
// types every register's reading — one of them a spike, one running backwards — sees the instant hints
// (the domain's validation rules, before saving), saves the sheet, and on the exception review list
// accepts the spike (the customer really used more) and corrects the backwards one (a typing error).
//
// The demo data has readings up to the previous month; this month's sheet is empty, with the previous
// readings and the consumption history of every register the hints judge against.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { api, apiLogin } from './support/api';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** This month in Asia/Shanghai (the company's calendar). */
const period = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const WAIT = { timeout: 15_000 };

/** The text of whatever matches right now ('' when nothing does): polls never block on a missing element. */
const shown = (l: Locator) => l.allTextContents().then((t) => t.join(' '));

interface SheetRow {
  accountId: number;
  accountNo: string;
  meterId: number;
  register: string;
  multiplier: string;
  previousValue: string | null;
  history: string[];
  accountStatus: string;
  current: unknown;
}

/** Hundredths (integers) so the expected values are exact. */
const cents = (s: string) => Math.round(Number(s) * 100);
const fixed2 = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const mean = (h: string[]) => Math.round(h.map(cents).reduce((a, b) => a + b, 0) / h.length);

describe('metering: entry sheet with hints → exceptions reviewed', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let reader: string;
  let bookCode = '';
  let rows: SheetRow[] = [];
  /** The value typed per row (meterId:register); absent for rows left blank. */
  const typed = new Map<string, string>();
  let spike: SheetRow;
  let backwards: SheetRow;
  let normal: SheetRow;
  let corrected = '';

  const keyOf = (r: SheetRow) => `${r.meterId}:${r.register}`;
  const input = (r: SheetRow) => page.getByTestId(`reading-input-${r.meterId}-${r.register}`);
  const rowOf = (r: SheetRow) =>
    page.getByTestId('reading-sheet').locator('tr.ant-table-row', {
      has: page.locator(`td:has-text("${r.accountNo}")`),
    });

  beforeAll(async () => {
    process.env.GRIDCARE_DEV_SMS_PORT = String(await freePort());
    process.env.GRIDCARE_DEV_SMTP_PORT = String(await freePort());
    process.env.GRIDCARE_DEV_PAYMENT_PORT = String(await freePort());
    server = await startServer({ customers: 200 });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    reader = await apiLogin(server.url, 'reader');

    // A small book whose sheet for this month is empty and has at least two meters with a year of
    // history on their total register (the spike rule needs 3 months).
    const books = await api<{ items: { code: string; accountCount: number }[] }>(
      server.url,
      reader,
      'GET',
      '/api/metering/books?page=1&pageSize=100',
    );
    const candidates = books.items
      .filter((b) => b.accountCount >= 3 && b.accountCount <= 8 && !b.code.includes('HV'))
      .sort((a, b) => a.accountCount - b.accountCount || a.code.localeCompare(b.code));
    for (const b of candidates) {
      const sheet = await api<{ rows: SheetRow[] }>(
        server.url,
        reader,
        'GET',
        `/api/metering/books/${encodeURIComponent(b.code)}/sheet?period=${period}&settlement=1`,
      );
      const judged = sheet.rows.filter(
        (r) =>
          r.register === 'active_total' &&
          r.previousValue !== null &&
          r.history.length >= 3 &&
          r.accountStatus === 'active' &&
          cents(r.previousValue) > 10_000,
      );
      if (sheet.rows.every((r) => r.current === null) && judged.length >= 3) {
        bookCode = b.code;
        rows = sheet.rows;
        [spike, backwards, normal] = judged;
        break;
      }
    }
    expect(bookCode, 'a demo reading book to read').not.toBe('');

    // What the reader types: every register advances by its own average month, except two totals.
    for (const r of rows) {
      if (r.previousValue === null) continue;
      const advance = r.history.length ? mean(r.history) : 5_000;
      typed.set(keyOf(r), fixed2(cents(r.previousValue) + advance));
    }
    // A spike: 4 × the average plus 200 kWh (rule: > 3 × the last 6 months' average and > 100 kWh).
    typed.set(
      keyOf(spike),
      fixed2(cents(spike.previousValue!) + 4 * mean(spike.history.slice(0, 6)) + 20_000),
    );
    // Backwards: 50 below the previous reading (far from a rollover of the 6-digit register).
    typed.set(keyOf(backwards), fixed2(cents(backwards.previousValue!) - 5_000));
    corrected = fixed2(cents(backwards.previousValue!) + mean(backwards.history));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the reader enters a book sheet, sees the hints for a spike and a backwards reading, and saves', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('reader');
    await page.getByTestId('login-password').fill('GridCare@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // 抄表段 → the book → 录入示数 (last month, already read), then this month's sheet.
    await page.goto(`${server.url}/metering/books`);
    await page.getByPlaceholder('抄表段编号或名称').fill(bookCode);
    await page.getByPlaceholder('抄表段编号或名称').press('Enter');
    const bookRow = page.getByTestId('reading-books').locator('tr.ant-table-row', { hasText: bookCode });
    await expect.poll(() => bookRow.count(), WAIT).toBe(1);
    await bookRow.getByRole('button', { name: '录入示数' }).click();
    await page.waitForURL((url) => url.pathname === `/metering/books/${bookCode}/entry`);
    await expect.poll(() => shown(page.getByTestId('reading-sheet')), WAIT).toContain('本期已录入');
    await page.goto(`${server.url}/metering/books/${bookCode}/entry?period=${period}`);
    await input(spike).waitFor(WAIT);

    for (const r of rows) {
      const v = typed.get(keyOf(r));
      if (v !== undefined) await input(r).fill(v);
    }

    // The hints, before anything is saved: kWh = (typed − previous) × multiplier.
    const hintOf = (r: SheetRow) =>
      shown(
        rowOf(r)
          .filter({ has: input(r) })
          .locator('td')
          .last(),
      );
    const kwh = (r: SheetRow) =>
      fixed2(
        Math.round(((cents(typed.get(keyOf(r))!) - cents(r.previousValue!)) * cents(r.multiplier)) / 100),
      );
    await expect.poll(() => hintOf(spike), WAIT).toContain('电量突增');
    expect(await hintOf(spike)).toContain(`${kwh(spike)} kWh`);
    expect(await hintOf(backwards)).toContain('示数倒走');
    expect(await hintOf(normal)).toContain('正常');
    expect(await hintOf(normal)).toContain(`${kwh(normal)} kWh`);

    const count = typed.size;
    await expect.poll(() => shown(page.getByTestId('save-readings')), WAIT).toContain(`(${count})`);
    await page.getByTestId('save-readings').click();
    await expect
      .poll(() => shown(page.locator('.ant-message')), WAIT)
      .toContain(`已保存：有效 ${count - 2} 条，异常 2 条`);
    // The sheet now shows what was read, the two exceptions marked.
    await expect.poll(() => shown(rowOf(spike).first()), WAIT).toContain('本期已录入');
    await expect
      .poll(() => page.getByTestId('reading-sheet').locator('.ant-tag', { hasText: '异常' }).count(), WAIT)
      .toBe(2);
  });

  it('the exceptions appear on the review list: the spike is accepted, the backwards reading corrected', async () => {
    // The book list counts the open exceptions and links to the review list filtered by the book.
    await page.goto(`${server.url}/metering/books?q=${bookCode}`);
    const bookRow = page.getByTestId('reading-books').locator('tr.ant-table-row', { hasText: bookCode });
    await expect.poll(() => bookRow.getByRole('link', { name: '2', exact: true }).count(), WAIT).toBe(1);
    await bookRow.getByRole('link', { name: '2', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/metering/exceptions');

    const list = page.getByTestId('reading-exceptions');
    const item = (r: SheetRow) => list.locator('tr.ant-table-row', { hasText: r.accountNo });
    await expect.poll(() => list.locator('tr.ant-table-row').count(), WAIT).toBe(2);
    const spikeText = (await item(spike).textContent()) ?? '';
    expect(spikeText).toContain('电量突增');
    expect(spikeText).toContain('待审核');
    expect(spikeText).toContain(typed.get(keyOf(spike))!);
    const backText = (await item(backwards).textContent()) ?? '';
    expect(backText).toContain('示数倒走');
    expect(backText).toContain(backwards.previousValue!);

    // The spike is real: 确认.
    await item(spike).getByRole('button', { name: '确认' }).click();
    await expect.poll(() => item(spike).count(), WAIT).toBe(0);

    // The backwards reading was mistyped: 更正 with the right value.
    await item(backwards).getByRole('button', { name: '更正' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '更正示数' });
    await dialog.getByLabel('正确示数').fill(corrected);
    await dialog.getByLabel('备注').fill('抄表员复核：录入时少输一位');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => list.locator('tr.ant-table-row').count(), WAIT).toBe(0);

    // Resolved, they are listed by their new state.
    await page.goto(`${server.url}/metering/exceptions?readingBook=${bookCode}&state=accepted`);
    await expect.poll(() => shown(item(spike)), WAIT).toContain('已确认');
    await page.goto(`${server.url}/metering/exceptions?readingBook=${bookCode}&state=corrected`);
    await expect.poll(() => shown(item(backwards)), WAIT).toContain('已更正');

    // And the readings the bill run will use: the spike valid as read, the corrected value valid,
    // the mistyped one superseded.
    type Readings = {
      readings: { meterId: number; period: string; register: string; value: string; status: string }[];
    };
    const readingsOf = async (r: SheetRow) =>
      (
        await api<Readings>(
          server.url,
          reader,
          'GET',
          `/api/metering/accounts/${r.accountId}/readings?months=3`,
        )
      ).readings
        .filter((x) => x.meterId === r.meterId && x.period === period && x.register === 'active_total')
        .map((x) => `${x.value}:${x.status}`)
        .sort();
    expect(await readingsOf(spike)).toEqual([`${typed.get(keyOf(spike))}:valid`]);
    expect(await readingsOf(backwards)).toEqual(
      [`${corrected}:valid`, `${typed.get(keyOf(backwards))}:superseded`].sort(),
    );
  });
});
