// The 95598 service centre end to end, in the real browser: an agent on the desk gets a screen pop for a
// customer's registered phone (the CTI system posts the call event) → files a capacity complaint for the
// popped customer → the routing rules dispatch it to planning, whose handler takes, handles and replies →
// the agent's return visit is 不满意, so the order reopens and is escalated → the customer logs in to the
// portal with the SMS code and sees only the external status (处理中): no internal status, unit or staff.
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

// The shared key the CTI system is configured with (the server reads TELEPHONY_KEY).
const TELEPHONY_KEY = `e2e-cti-${Date.now()}`;

describe('service centre: screen pop → complaint → department → unsatisfied visit → portal', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let smsInbox: string;
  let customerId: number;
  let accountNo: string;
  let caseNo = '';
  const mobile = `137${String(Date.now() % 100_000_000).padStart(8, '0')}`;
  const callId = `cti-${Date.now()}`;
  const title = `新建小区申请增容迟迟未批复 ${Date.now() % 10000}`;
  const visitNote = '客户表示答复未解决实际问题，要求发展策划部负责人出面';

  async function logInAs(username: string) {
    await page.context().clearCookies();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('GridCare@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** What the CTI system sends: POST /api/telephony/events with its key in X-Telephony-Key. */
  async function callEvent(event: 'ringing' | 'answered') {
    const res = await fetch(`${server.url}/api/telephony/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telephony-key': TELEPHONY_KEY },
      body: JSON.stringify({
        callId,
        event,
        at: new Date().toISOString(),
        callerNumber: mobile,
        calledNumber: '95598',
        agentLogin: 'agent',
        queue: '95598',
      }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { duplicate: boolean; notifiedAgent: boolean };
  }

  const status = () => page.getByTestId('wo-detail').getAttribute('data-status');
  const events = (action: string) => page.locator(`[data-testid="wo-event"][data-action="${action}"]`);

  beforeAll(async () => {
    // The in-process SMS simulator on a free port, so this run reads only its own login codes.
    const smsPort = await freePort();
    process.env.GRIDCARE_DEV_SMS_PORT = String(smsPort);
    process.env.GRIDCARE_DEV_SMTP_PORT = String(await freePort());
    process.env.TELEPHONY_KEY = TELEPHONY_KEY;
    smsInbox = `http://127.0.0.1:${smsPort}/messages`;
    server = await startServer({ customers: 200 });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });

    // Arrange: a residential customer whose registered mobile is the one that will call.
    const admin = await apiLogin(server.url, 'admin');
    const units = await api<{ id: number; code: string }[]>(
      server.url,
      admin,
      'GET',
      '/api/org-units?flat=true',
    );
    const office = units.find((u) => u.code === 'B01-S1')!;
    const customer = await api<{ id: number }>(server.url, admin, 'POST', '/api/customers', {
      orgUnitId: office.id,
      name: '周建华',
      kind: 'person',
      customerClass: 'residential',
      importanceTier: 'residential',
      contacts: [{ name: '周建华', role: 'other', mobile, isPrimary: true }],
      premises: [
        {
          province: '江西省',
          city: '南昌市',
          district: '东湖区',
          street: '豫章路',
          detail: '豫章路 12 号 5 栋 301',
          areaClass: 'urban',
        },
      ],
      accounts: [{ premiseIndex: 0, voltageLevel: '220V', tariffCategory: 'residential' }],
    });
    customerId = customer.id;
    const overview = await api<{ accounts: { accountNo: string }[] }>(
      server.url,
      admin,
      'GET',
      `/api/customers/${customerId}/overview`,
    );
    accountNo = overview.accounts[0].accountNo;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("pops the caller's customer on the agent's desk when the CTI reports the call", async () => {
    await logInAs('agent');
    // The desk holds the screen-pop stream from the moment it loads.
    const streamOpen = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/telephony/stream' && r.status() === 200,
    );
    await page.goto(`${server.url}/workorders`);
    await page.getByTestId('wo-table').waitFor();
    await streamOpen;

    expect(await callEvent('ringing')).toEqual({ callId, duplicate: false, notifiedAgent: true });
    const pop = page.getByTestId('screen-pop');
    await expect
      .poll(() => pop.getByTestId('screen-pop-caller').textContent(), { timeout: 15_000 })
      .toBe(mobile);
    await expect.poll(() => pop.getByTestId('screen-pop-status').textContent()).toBe('振铃中');
    const card = pop.locator('.ant-card', { hasText: '周建华' });
    expect(await card.getByTestId('screen-pop-customer').getAttribute('href')).toBe(
      `/customers/${customerId}`,
    );

    // The agent picks up; the drawer follows the call.
    await callEvent('answered');
    await expect.poll(() => pop.getByTestId('screen-pop-status').textContent()).toBe('通话中');
  });

  it('files a capacity complaint for the popped customer, dispatched to planning by the rules', async () => {
    await page
      .getByTestId('screen-pop')
      .locator('.ant-card', { hasText: '周建华' })
      .getByTestId('screen-pop-new-order')
      .click();
    await page.waitForURL(new RegExp(`/workorders/new\\?.*customerId=${customerId}`));
    await expect.poll(() => page.getByTestId('wo-customer').textContent()).toContain('周建华');
    await expect.poll(() => page.getByTestId('wo-premise').textContent()).toContain('豫章路 12 号');
    // The caller's number is carried from the pop.
    expect(await page.getByTestId('wo-contact-phone').inputValue()).toBe(mobile);

    await page.getByTestId('wo-type-complaint').click();
    await page.getByTestId('wo-subcategory').click();
    await page.locator('.ant-select-item-option', { hasText: '容量业扩' }).click();
    await page.getByTestId('wo-caller-name').fill('周建华');
    await page.getByTestId('wo-title').fill(title);
    await page
      .getByTestId('wo-description')
      .fill('小区新建充电桩申请增加容量，两个月未答复，来电催办并投诉办理拖延。');
    await page.getByTestId('wo-submit').click();
    await page.waitForURL(/\/workorders\/\d+$/, { timeout: 15_000 });
    caseNo = ((await page.getByTestId('wo-case-number').textContent()) ?? '').trim();
    expect(caseNo).toMatch(/^GD\d+$/);
    await expect.poll(status).toBe('dispatched');
    expect(await page.getByTestId('wo-assigned-unit').textContent()).toContain('发展策划部');
    expect(await page.getByTestId('wo-customer-link').textContent()).toContain('周建华');
  });

  it("planning's handler takes, handles and replies in the UI", async () => {
    await logInAs('planning');
    await page.goto(`${server.url}/workorders`);
    await expect.poll(() => page.locator('.ant-tabs-tab-active').textContent()).toContain('本单位');
    const row = page.locator(`[data-testid="wo-row"][data-case-no="${caseNo}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.getByTestId('wo-detail').waitFor();

    await page.getByTestId('wo-action-take').click();
    await page.getByTestId('wo-action-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('taken');
    expect(await page.getByTestId('wo-handler').textContent()).toContain('发展策划部工单处理员');

    await page.getByTestId('wo-action-handle').click();
    await page
      .getByTestId('wo-action-reply-text')
      .fill('已核实，该小区增容方案已纳入明年配网改造计划，届时统一实施。');
    await page.getByTestId('wo-action-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('handled');

    await page.getByTestId('wo-action-reply').click();
    await expect
      .poll(() => page.getByTestId('wo-action-reply-text').inputValue())
      .toContain('明年配网改造计划');
    await page.getByTestId('wo-action-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('replied');
  });

  it('an unsatisfied return visit reopens the order and dispatches it to the escalation department', async () => {
    await logInAs('agent');
    await page.goto(`${server.url}/workorders?queue=awaiting_visit`);
    const row = page.locator(`[data-testid="wo-row"][data-case-no="${caseNo}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.getByTestId('wo-visit-card').waitFor();
    await page.getByTestId('wo-visit-outcome-unsatisfied').click();
    await page.getByTestId('wo-visit-note').fill(visitNote);
    await page.getByTestId('wo-visit-submit').click();

    // Capacity complaints escalate to 发展策划部 (domain.md §4).
    await expect.poll(status, { timeout: 15_000 }).toBe('dispatched');
    expect(await page.getByTestId('wo-assigned-unit').textContent()).toContain('发展策划部');
    expect(await page.getByTestId('wo-visits').textContent()).toContain('不满意');
    // The history shows the reopening, then a second dispatch.
    await expect.poll(() => events('reopen').count()).toBe(1);
    expect(await events('reopen').textContent()).toContain('重开');
    expect(await events('dispatch').count()).toBe(2);
    expect(await page.getByTestId('wo-external').textContent()).toContain('处理中');
  });

  it('the customer logs in to the portal with the SMS code and sees only 处理中', async () => {
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
      await phone.goto(`${server.url}/portal`);
      await phone.waitForURL((url) => url.pathname === '/portal/login');
      await phone.getByTestId('portal-account-no').fill(accountNo);
      await phone.getByTestId('portal-get-code').click();
      await expect.poll(latestCode, { timeout: 30_000 }).toMatch(/^\d{6}$/);
      await phone.getByTestId('portal-code').fill((await latestCode())!);
      await phone.getByTestId('portal-login-submit').click();
      await phone.waitForURL((url) => url.pathname === '/portal');

      await phone.getByTestId('portal-tab-requests').click();
      const row = phone.locator(`[data-testid="portal-request-row"][data-case-no="${caseNo}"]`);
      await expect.poll(() => row.getByTestId('portal-request-status').textContent()).toBe('处理中');
      const listed = (await row.textContent()) ?? '';
      await row.locator('a').click();
      await phone.waitForURL((url) => url.pathname === `/portal/requests/${caseNo}`);
      await expect.poll(() => phone.getByTestId('portal-request-status').textContent()).toBe('处理中');
      expect(await phone.getByTestId('portal-request-caseno').textContent()).toBe(caseNo);

      const seen = `${listed}\n${(await phone.getByTestId('portal-request-detail').textContent()) ?? ''}`;
      expect(seen).toContain(title);
      const internal = [
        // internal statuses
        '已派发',
        '已接单',
        '已处理',
        '已回复',
        '已归档',
        // units
        '发展策划部',
        '运维检修部',
        '营销部',
        '东湖区供电分公司',
        '城东供电所',
        // staff and their internal notes
        '客服坐席',
        '工单处理员',
        visitNote,
        '升级处理',
      ];
      for (const word of internal) expect(seen, word).not.toContain(word);
    } finally {
      await phone.close();
    }
  });
});
