// Meter to cash in the real browser: the billing clerk starts a bill run for one reading book and watches
// it finish → opens the two-part (large industry) bill and checks the power-factor line against the
// readings and the other lines on the page → the customer pays a bill of that run in the portal through
// the payment gateway simulator's cashier page and sees it 已缴 with its receipt.
//
// Arranged through the API: a large-industry customer (1000 kVA running transformer, capacity basic
// charge, power-factor standard 0.90, CT 100/1) and a residential customer with a registered mobile, both
// in a small demo reading book, with the previous month's and this month's readings. The demo data has
// readings and bills up to the previous month only, so this month has readings (ours) but no bills.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { api, apiLogin, creditCode } from './support/api';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Today in Asia/Shanghai (the company's calendar: periods and reading dates). */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const period = today.slice(0, 7);
const previousPeriod = (() => {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
})();

/** "1,234.56" / "¥ 1,234.56" / "-12.30" → fen. */
const fenOf = (text: string | null) => {
  const s = (text ?? '').replace(/[¥,\s]/g, '');
  expect(s, `money text "${text}"`).toMatch(/^-?\d+\.\d{2}$/);
  const [y, f] = s.replace('-', '').split('.');
  return (s.startsWith('-') ? -1 : 1) * (Number(y) * 100 + Number(f));
};

/** Waits for what the pages poll (runs every 1–2 s, the gateway callback) with room on a busy machine. */
const WAIT = { timeout: 15_000 };

/** The text of whatever matches right now ('' when nothing does): polls never block on a missing element. */
const shown = (l: Locator) => l.allTextContents().then((t) => t.join(' '));

interface Book {
  code: string;
  orgUnitId: number;
  accountCount: number;
}

describe('billing: bill run → two-part bill explained → portal payment', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let smsInbox: string;
  let gatewayPort: number;
  let book: Book;
  let liAccountNo = '';
  let homeAccountNo = '';
  let runId = 0;
  const mobile = `136${String(Date.now() % 100_000_000).padStart(8, '0')}`;

  async function logInAs(username: string) {
    await page.context().clearCookies();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('GridCare@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  beforeAll(async () => {
    // The in-process SMS simulator and payment gateway simulator on free ports, so this run sees only its own.
    const smsPort = await freePort();
    gatewayPort = await freePort();
    process.env.GRIDCARE_DEV_SMS_PORT = String(smsPort);
    process.env.GRIDCARE_DEV_SMTP_PORT = String(await freePort());
    process.env.GRIDCARE_DEV_PAYMENT_PORT = String(gatewayPort);
    smsInbox = `http://127.0.0.1:${smsPort}/messages`;
    server = await startServer({ customers: 200 });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });

    const admin = await apiLogin(server.url, 'admin');
    const reader = await apiLogin(server.url, 'reader');
    // A small reading book of the demo (a few residential accounts), which our two accounts join.
    const books = await api<{ items: Book[] }>(
      server.url,
      reader,
      'GET',
      '/api/metering/books?page=1&pageSize=100',
    );
    book = books.items
      .filter((b) => b.accountCount >= 2 && b.accountCount <= 8 && !b.code.includes('HV'))
      .sort((a, b) => a.accountCount - b.accountCount || a.code.localeCompare(b.code))[0];
    expect(book, 'a small demo reading book').toBeTruthy();
    const premise = {
      province: '江西省',
      city: '南昌市',
      district: '东湖区',
      street: '解放西路',
      detail: '解放西路 66 号',
      areaClass: 'urban',
    };

    const factory = await api<{ id: number }>(server.url, admin, 'POST', '/api/customers', {
      orgUnitId: book.orgUnitId,
      name: '洪城重型机械有限公司',
      kind: 'organisation',
      certType: 'uscc',
      certNo: creditCode(Date.now() % 1_000_000_000),
      customerClass: 'large_industry',
      importanceTier: 'key',
      contacts: [{ name: '王建国', role: 'other', mobile: '13900000001', isPrimary: true }],
      premises: [{ ...premise, detail: '解放西路 66 号 重机厂区' }],
      accounts: [
        {
          premiseIndex: 0,
          voltageLevel: '10kV',
          tariffCategory: 'large_industry',
          contractCapacityKva: 1000,
          basicFeeMethod: 'capacity',
          pfStandard: '0.90',
          readingBook: book.code,
        },
      ],
      meters: [
        { accountIndex: 0, assetNo: `E2E-LI-${Date.now()}`, meterType: 'smart_three_phase', ctRatio: 100 },
      ],
      transformers: [
        { accountIndex: 0, assetNo: `E2E-T-${Date.now()}`, capacityKva: 1000, state: 'running' },
      ],
    });
    const home = await api<{ id: number }>(server.url, admin, 'POST', '/api/customers', {
      orgUnitId: book.orgUnitId,
      name: '陈美华',
      kind: 'person',
      customerClass: 'residential',
      importanceTier: 'residential',
      contacts: [{ name: '陈美华', role: 'other', mobile, isPrimary: true }],
      premises: [{ ...premise, detail: '解放西路 66 号 2 栋 401' }],
      accounts: [
        { premiseIndex: 0, voltageLevel: '220V', tariffCategory: 'residential', readingBook: book.code },
      ],
      meters: [{ accountIndex: 0, assetNo: `E2E-R-${Date.now()}`, meterType: 'smart_single_phase' }],
    });
    type Overview = { accounts: { accountNo: string }[]; meters: { id: number; multiplier: number }[] };
    const li = await api<Overview>(server.url, admin, 'GET', `/api/customers/${factory.id}/overview`);
    const res = await api<Overview>(server.url, admin, 'GET', `/api/customers/${home.id}/overview`);
    liAccountNo = li.accounts[0].accountNo;
    homeAccountNo = res.accounts[0].accountNo;
    expect(li.meters[0].multiplier).toBe(100);

    // Last month's reading is the start; this month's the end. Large industry: (1800 − 1000) × 100 =
    // 80000 kWh and (1100 − 500) × 100 = 60000 kvarh; residential: 350 − 100 = 250 kWh.
    const reading = (meterId: number, p: string, readOn: string, register: string, value: string) => ({
      meterId,
      period: p,
      settlement: 1,
      register,
      readOn,
      value,
    });
    const before = `${previousPeriod}-28`;
    for (const [p, readOn, active, reactive, household] of [
      [previousPeriod, before, '1000', '500', '100'],
      [period, today, '1800', '1100', '350'],
    ]) {
      const batch = await api<{ validRows: number; exceptionRows: number }>(
        server.url,
        reader,
        'POST',
        '/api/metering/readings',
        {
          source: 'manual',
          readings: [
            reading(li.meters[0].id, p, readOn, 'active_total', active),
            reading(li.meters[0].id, p, readOn, 'reactive_total', reactive),
            reading(res.meters[0].id, p, readOn, 'active_total', household),
          ],
        },
      );
      expect(batch).toMatchObject({ validRows: 3, exceptionRows: 0 });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the billing clerk starts a bill run for one reading book and watches it reach 100 % / 已完成', async () => {
    await logInAs('billing');
    await page.goto(`${server.url}/billing/runs`);
    const form = page.getByTestId('run-form');
    await form.waitFor();

    const month = form.locator('.ant-picker input');
    await month.click();
    await month.fill(period);
    await month.press('Enter');
    await expect.poll(() => month.inputValue(), WAIT).toBe(period);
    await form.getByRole('radio', { name: '抄表段' }).check();
    await form.getByPlaceholder('抄表段编号').fill(book.code);
    await page.getByTestId('run-start').click();

    // The launcher shows the run it started; its bar is polled until the run is done.
    const card = page.getByTestId('run-progress');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain(book.code);
    runId = Number(new URL(page.url()).searchParams.get('run'));
    expect(runId).toBeGreaterThan(0);
    const bar = page.getByTestId('run-progress-bar');
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          const v = Number(await bar.getAttribute('aria-valuenow'));
          if (seen.at(-1) !== v) seen.push(v);
          return v;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe(100);
    // Never backwards.
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    await expect.poll(() => shown(page.getByTestId('run-status')), WAIT).toBe('已完成');
    expect(await bar.getAttribute('class')).toContain('ant-progress-status-success');

    // Every account of the book got a bill: ours from their readings, the rest estimated.
    const billed = card.locator(`a[href="/billing/bills?runId=${runId}"]`);
    expect(Number(await billed.textContent())).toBe(book.accountCount + 2);
    expect(await card.textContent()).toMatch(
      new RegExp(`${book.accountCount + 2}\\s*/\\s*${book.accountCount + 2}`),
    );

    // The history lists it as completed too.
    const history = page
      .locator('.ant-table-row', { hasText: `${period} / 1` })
      .filter({ hasText: book.code });
    await expect.poll(() => shown(history), WAIT).toContain('已完成');
  });

  it('opens the large-industry bill and sees the power-factor line explained and consistent', async () => {
    const card = page.getByTestId('run-progress');
    await card.locator(`a[href="/billing/bills?runId=${runId}"]`).click();
    await page.waitForURL(
      (url) => url.pathname === '/billing/bills' && url.search.includes(`runId=${runId}`),
    );
    const row = page.getByTestId('bills-table').locator('.ant-table-row', { hasText: liAccountNo });
    await row.waitFor();
    expect(await row.textContent()).toContain('大工业');
    await row.getByRole('link', { name: `DF${period.replace('-', '')}1-${liAccountNo}` }).click();
    await page.waitForURL(/\/billing\/bills\/\d+$/);

    // The readings the bill used: 80000 kWh active and 60000 kvarh reactive (×100).
    const readings = page.locator('.ant-card', { hasText: '计费抄表数据' });
    const consumptionOf = async (register: string) => {
      const r = readings.locator('.ant-table-row', { hasText: register });
      return (await shown(r.locator('td').nth(6))).trim();
    };
    await expect.poll(() => consumptionOf('有功总'), WAIT).toBe('80000.00');
    expect(await consumptionOf('无功总')).toBe('60000.00');
    // cosφ = 80000 / √(80000² + 60000²) = 0.80; standard 0.90: 10 hundredths below × 0.5 % = +5 %.
    const note = page.getByTestId('pf-note');
    expect(await note.textContent()).toContain('实际 cosφ 0.80，考核标准 0.90，调整 +5%');
    expect(await note.textContent()).toContain('功率因数0.90标准：实际0.80，增收5%');

    // The adjustment is 5 % of (energy + basic charge), not of the surcharges.
    const lines = page.getByTestId('bill-lines');
    const amount = async (label: string) =>
      fenOf(await lines.locator('.ant-table-row', { hasText: label }).locator('td').nth(2).textContent());
    const energy = await amount('电度电费');
    const basic = await amount('基本电费（容量）');
    const pf = await amount('功率因数调整电费');
    // 80000 kWh × the large-industry 10 kV price: a plausible energy charge, and the capacity charge.
    expect(energy).toBeGreaterThan(0);
    expect(basic).toBeGreaterThan(0);
    expect(pf).toBe(Math.round(((energy + basic) * 5) / 100));
    const pfRow = lines.locator('.ant-table-row', { hasText: '功率因数调整电费' });
    expect(await pfRow.textContent()).toContain('增收5%');
    // Its formula names the same base and percentage: "（基本电费＋电度电费）X 元 × 5% = Y 元".
    const formula = /（基本电费＋电度电费）([\d,]+\.\d{2}) 元 × 5% = ([\d,]+\.\d{2}) 元/.exec(
      (await pfRow.locator('td').nth(1).textContent()) ?? '',
    );
    expect(formula, 'power-factor formula').not.toBeNull();
    expect(fenOf(formula![1])).toBe(energy + basic);
    expect(fenOf(formula![2])).toBe(pf);

    // And the lines add up to the total shown twice on the page.
    let sum = 0;
    for (const cell of await lines.locator('.ant-table-row td:nth-child(3)').all())
      sum += fenOf(await cell.textContent());
    expect(fenOf(await page.getByTestId('bill-lines-total').textContent())).toBe(sum);
    expect(fenOf(await page.getByTestId('bill-total').textContent())).toBe(sum);
  });

  it('the customer pays the bill online in the portal and sees it 已缴 with a receipt', async () => {
    // The gateway sends the customer back to the public URL (GRIDCARE_PUBLIC_URL, default
    // http://localhost:<port>), so the portal is used from that origin, where its session cookie lives.
    const origin = server.url.replace('127.0.0.1', 'localhost');
    const phone = await browser.newPage({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    try {
      const latestCode = async () => {
        const res = await fetch(smsInbox);
        const { items } = (await res.json()) as {
          items: { mobile: string; params: Record<string, string> }[];
        };
        return items.filter((m) => m.mobile === mobile).at(-1)?.params.code;
      };
      await phone.goto(`${origin}/portal`);
      await phone.waitForURL((url) => url.pathname === '/portal/login');
      await phone.getByTestId('portal-account-no').fill(homeAccountNo);
      await phone.getByTestId('portal-get-code').click();
      await expect.poll(latestCode, { timeout: 30_000 }).toMatch(/^\d{6}$/);
      await phone.getByTestId('portal-code').fill((await latestCode())!);
      await phone.getByTestId('portal-login-submit').click();
      await phone.waitForURL((url) => url.pathname === '/portal');

      await phone.getByTestId('portal-tab-billing').click();
      await phone.waitForURL((url) => url.pathname === '/portal/billing');
      const bill = phone.getByTestId(`portal-bill-${period}`);
      await expect.poll(() => shown(bill), WAIT).toContain('待缴费');
      const billFen = fenOf(await bill.locator(':scope > span').last().textContent());
      expect(billFen).toBeGreaterThan(0);

      // 在线缴费 → the gateway's cashier page (another origin) → 支付 → back to the portal.
      await phone.getByTestId('portal-pay-all').click();
      await phone.waitForURL((url) => url.port === String(gatewayPort) && url.pathname.startsWith('/pay/'));
      expect(await phone.locator('body').textContent()).toContain('收银台');
      await phone.getByRole('button', { name: '支付' }).click();
      await phone.waitForURL((url) => url.origin === origin && url.pathname === '/portal/billing/return');
      const done = phone.getByTestId('portal-pay-done');
      // Where the customer is and what the page says, so a failure tells which step stalled.
      const outcome = async () =>
        `${new URL(phone.url()).pathname}: ${await shown(phone.locator('.ant-result-title'))}`;
      await expect.poll(outcome, { timeout: 30_000 }).toMatch(/^\/portal\/billing\/return: 缴费成功/);
      const paid = /缴费成功 ¥([\d,]+\.\d{2})/.exec((await done.textContent()) ?? '');
      expect(paid && fenOf(paid[1])).toBe(billFen);

      await phone.getByRole('button', { name: '返回电费' }).click();
      await phone.waitForURL((url) => url.pathname === '/portal/billing');
      await expect.poll(() => shown(bill), WAIT).toContain('已缴');
      await expect.poll(() => phone.getByTestId('portal-pay-all').isDisabled(), WAIT).toBe(true);

      // The payment is listed with its receipt, which names the account and the amount.
      const payments = phone.locator('.ant-card', { hasText: '缴费记录' });
      const item = payments.locator('.ant-list-item', { hasText: '网上缴费' });
      await expect.poll(() => item.count(), WAIT).toBe(1);
      const listed = /¥ ([\d,]+\.\d{2})/.exec((await item.textContent()) ?? '');
      expect(listed && fenOf(listed[1])).toBe(billFen);
      const [receipt] = await Promise.all([
        phone.context().waitForEvent('page'),
        item.getByRole('link', { name: '电子收据' }).click(),
      ]);
      await receipt.waitForLoadState();
      const text = (await receipt.locator('body').textContent()) ?? '';
      expect(text).toContain('电费收据');
      expect(text).toContain(`户号：${homeAccountNo}`);
      expect(text).toContain('缴费方式：网上缴费');
      const received = /实收金额：([\d,]+\.\d{2}) 元/.exec(text);
      expect(received && fenOf(received[1])).toBe(billFen);
      await receipt.close();
    } finally {
      await phone.close();
    }

    // The staff side agrees: the bill is paid in full.
    const clerk = await apiLogin(server.url, 'billing');
    const bills = await api<{ items: { status: string; paidFen: number; totalFen: number }[] }>(
      server.url,
      clerk,
      'GET',
      `/api/billing/bills?accountNo=${homeAccountNo}&page=1&pageSize=10`,
    );
    expect(bills.items).toHaveLength(1);
    expect(bills.items[0].status).toBe('paid');
    expect(bills.items[0].paidFen).toBe(bills.items[0].totalFen);
  });
});
