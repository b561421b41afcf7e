// The customer portal journey (网上营业厅), on a phone-sized screen in the real browser:
// log in with the SMS code the gateway simulator received → file a complaint → see it received / in
// progress → (staff transfer it inside) → still only the external status → (staff reply) → rate it.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { api, apiLogin } from './support/api';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

interface Order {
  id: number;
  caseNo: string;
  version: number;
  status: string;
}

describe('customer portal journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let smsInbox: string;
  let accountNo: string;
  let caseNo: string;
  let staff: string;
  const mobile = `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const title = `营业厅工作人员态度差 ${Date.now() % 10000}`;

  beforeAll(async () => {
    // The server's in-process SMS simulator and mail catcher on free ports, so this run reads only its own SMS.
    const smsPort = await freePort();
    process.env.GRIDCARE_DEV_SMS_PORT = String(smsPort);
    process.env.GRIDCARE_DEV_SMTP_PORT = String(await freePort());
    smsInbox = `http://127.0.0.1:${smsPort}/messages`;
    server = await startServer({ customers: 200 });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });

    const admin = await apiLogin(server.url, 'admin');
    staff = await apiLogin(server.url, 'supervisor');
    const units = await api<{ id: number; code: string }[]>(
      server.url,
      admin,
      'GET',
      '/api/org-units?flat=true',
    );
    const office = units.find((u) => u.code === 'B01-S1')!;
    const customer = await api<{ id: number }>(server.url, admin, 'POST', '/api/customers', {
      orgUnitId: office.id,
      name: '李秀英',
      kind: 'person',
      customerClass: 'residential',
      importanceTier: 'residential',
      contacts: [{ name: '李秀英', role: 'other', mobile, isPrimary: true }],
      premises: [
        {
          province: '江西省',
          city: '南昌市',
          district: '东湖区',
          street: '阳明路',
          detail: '阳明路 88 号 3 栋 502',
          areaClass: 'urban',
        },
      ],
      accounts: [{ premiseIndex: 0, voltageLevel: '220V', tariffCategory: 'residential' }],
    });
    const overview = await api<{ accounts: { accountNo: string }[] }>(
      server.url,
      admin,
      'GET',
      `/api/customers/${customer.id}/overview`,
    );
    accountNo = overview.accounts[0].accountNo;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function staffAct(body: Record<string, unknown>): Promise<Order> {
    const list = await api<{ items: Order[] }>(server.url, staff, 'GET', `/api/workorders?q=${caseNo}`);
    const order = list.items.find((o) => o.caseNo === caseNo)!;
    const current = await api<Order>(server.url, staff, 'GET', `/api/workorders/${order.id}`);
    return api<Order>(server.url, staff, 'POST', `/api/workorders/${order.id}/actions`, {
      version: current.version,
      ...body,
    });
  }

  async function latestCode(): Promise<string | undefined> {
    const res = await fetch(smsInbox);
    const { items } = (await res.json()) as { items: { mobile: string; params: Record<string, string> }[] };
    return items.filter((m) => m.mobile === mobile).at(-1)?.params.code;
  }

  it('reaches the portal from the staff login page and logs in with the code the SMS gateway received', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('portal-entry').click();
    await page.waitForURL((url) => url.pathname === '/portal/login');
    // The demo's small print says where the simulator lists the messages.
    await expect.poll(() => page.getByTestId('portal-demo-hint').textContent()).toContain(smsInbox);

    await page.getByTestId('portal-account-no').fill(accountNo);
    await page.getByTestId('portal-get-code').click();
    await expect.poll(() => page.getByTestId('portal-get-code').textContent()).toMatch(/\d+ 秒后重新获取/);
    expect(await page.getByTestId('portal-get-code').isDisabled()).toBe(true);
    await expect.poll(latestCode, { timeout: 30_000 }).toMatch(/^\d{6}$/);

    await page.getByTestId('portal-code').fill((await latestCode())!);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL((url) => url.pathname === '/portal');
    await expect.poll(() => page.getByTestId('portal-greeting').textContent()).toContain('李*英');
    expect(await page.getByTestId('portal-accounts').textContent()).toContain(accountNo);
  });

  it('files a complaint and sees it received or in progress', async () => {
    await page.getByTestId('portal-action-complain').click();
    await page.waitForURL((url) => url.pathname === '/portal/new');
    await page.getByTestId('portal-request-subcategory').click();
    await page.locator('.ant-select-item-option', { hasText: '服务态度' }).first().click();
    await page.getByTestId('portal-request-title').fill(title);
    await page
      .getByTestId('portal-request-description')
      .fill('今天上午在营业厅办理业务，工作人员态度冷淡，多次催促。');
    await page.getByTestId('portal-request-submit').click();
    await page.waitForURL(/\/portal\/requests\/GD\d+$/);
    caseNo = (await page.getByTestId('portal-request-caseno').textContent())!.trim();
    expect(caseNo).toMatch(/^GD\d+$/);
    expect(['已受理', '处理中']).toContain(
      (await page.getByTestId('portal-request-status').textContent())!.trim(),
    );
  });

  it('still shows only the external status after staff transfer it inside', async () => {
    const units = await api<{ id: number; code: string }[]>(
      server.url,
      staff,
      'GET',
      '/api/org-units?flat=true',
    );
    const planning = units.find((u) => u.code === 'D-PLN')!;
    const transferred = await staffAct({
      action: 'transfer',
      targetUnitId: planning.id,
      reason: '转发展策划部核实',
    });
    expect(transferred.status).toBe('dispatched');

    await page.reload();
    await expect.poll(() => page.getByTestId('portal-request-status').textContent()).toBe('处理中');
    const text = (await page.getByTestId('portal-request-detail').textContent())!;
    for (const hidden of ['发展策划部', '营销部', '转发展策划部核实', '转派', '客服班长', '已派发']) {
      expect(text).not.toContain(hidden);
    }
    expect(text).toContain('客服中心');
  });

  it('shows the reply, and the customer rates it satisfied', async () => {
    await staffAct({ action: 'take' });
    await staffAct({ action: 'handle', replyText: '已约谈当班人员并加强培训。' });
    await staffAct({ action: 'reply', replyText: '已约谈当班人员并加强服务规范培训，感谢您的监督。' });

    await page.reload();
    await expect.poll(() => page.getByTestId('portal-request-status').textContent()).toBe('已答复');
    expect(await page.getByTestId('portal-request-reply').textContent()).toContain('感谢您的监督');
    await page.getByTestId('portal-rating-satisfied').click();
    await page.getByTestId('portal-rating-comment').fill('答复及时');
    await page.getByTestId('portal-rating-submit').click();
    await expect.poll(() => page.getByTestId('portal-rating-result').textContent()).toContain('满意');
    await expect.poll(() => page.getByTestId('portal-request-status').textContent()).toBe('已办结');

    // My requests lists it as completed; the staff side has the portal return visit and a closed order.
    await page.getByTestId('portal-tab-requests').click();
    const row = page.locator(`[data-testid="portal-request-row"][data-case-no="${caseNo}"]`);
    await expect.poll(() => row.getByTestId('portal-request-status').textContent()).toBe('已办结');
    const list = await api<{ items: Order[] }>(server.url, staff, 'GET', `/api/workorders?q=${caseNo}`);
    expect(list.items.find((o) => o.caseNo === caseNo)?.status).toBe('closed');
  });

  it('switches the portal to English', async () => {
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('portal-tab-requests').textContent()).toContain('My requests');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => page.getByTestId('portal-tab-requests').textContent()).toContain('我的工单');
  });
});
