// The service-centre journey of domain.md §4, in the real browser:
// an agent receives a supply-quality complaint from the customer 360 page → the routing rules dispatch it
// to the production department → that department's handler takes, handles and replies → the agent makes a
// satisfied return visit → the order is closed and shows as closed on the customer 360 page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { api, apiLogin, creditCode } from './support/api';

describe('service centre work-order journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let customerId: number;
  let caseNo = '';
  const title = `东湖苑小区晚间电压偏低 ${Date.now() % 100000}`;

  async function logInAs(username: string) {
    await page.context().clearCookies();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('GridCare@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  const status = () => page.getByTestId('wo-detail').getAttribute('data-status');

  beforeAll(async () => {
    server = await startServer({ customers: 400 });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    // Arrange: a residential customer with one service point in an urban supply office.
    const admin = await apiLogin(server.url, 'admin');
    const units = await api<{ id: number; code: string }[]>(
      server.url,
      admin,
      'GET',
      '/api/org-units?flat=true',
    );
    const office = units.find((u) => u.code === 'B01-S1')!;
    const created = await api<{ id: number }>(server.url, admin, 'POST', '/api/customers', {
      orgUnitId: office.id,
      name: '东湖苑物业服务有限公司',
      kind: 'organisation',
      certType: 'uscc',
      certNo: creditCode(515151),
      customerClass: 'lv_non_residential',
      importanceTier: 'grassroots',
      contacts: [{ name: '陈立新', role: 'electrical', mobile: '13970054321', isPrimary: true }],
      premises: [
        {
          province: '江西省',
          city: '南昌市',
          district: '青山湖区',
          street: '东湖苑路',
          detail: '东湖苑路 66 号配电房',
          areaClass: 'urban',
        },
      ],
      accounts: [{ premiseIndex: 0, voltageLevel: '380V', tariffCategory: 'commercial' }],
    });
    customerId = created.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the agent starts a new order from the customer 360 page with the customer filled in', async () => {
    await logInAs('agent');
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByTestId('tab-workorders').click();
    await page.getByTestId('customer-new-workorder').click();
    await page.waitForURL(/\/workorders\/new\?customerId=\d+/);
    await expect.poll(() => page.getByTestId('wo-customer').textContent()).toContain('东湖苑物业');
    // Its only service point is chosen for the agent.
    await expect.poll(() => page.getByTestId('wo-premise').textContent()).toContain('东湖苑路 66 号');
  });

  it('records a supply-quality complaint, which the routing rules dispatch to production', async () => {
    await page.getByTestId('wo-type-complaint').click();
    await page.getByTestId('wo-subcategory').click();
    await page.locator('.ant-select-item-option', { hasText: '供电质量' }).click();
    await page.getByTestId('wo-caller-name').fill('陈立新');
    await page.getByTestId('wo-contact-phone').fill('13970054321');
    await page.getByTestId('wo-title').fill(title);
    await page.getByTestId('wo-description').fill('连续三天晚上 7 点到 10 点电压偏低，电梯和水泵频繁停机。');
    await page.getByTestId('wo-submit').click();
    await page.waitForURL(/\/workorders\/\d+$/, { timeout: 15_000 });
    caseNo = ((await page.getByTestId('wo-case-number').textContent()) ?? '').trim();
    expect(caseNo).toMatch(/^GD\d+$/);
    await expect.poll(status).toBe('dispatched');
    expect(await page.getByTestId('wo-assigned-unit').textContent()).toContain('运维检修部');
    expect(await page.locator('[data-testid="wo-event"][data-action="dispatch"]').count()).toBe(1);
    // Dispatching is an internal step; the customer sees one order "in progress".
    expect(await page.getByTestId('wo-external').textContent()).toContain('处理中');
  });

  it("the production department's handler finds it in the unit queue, takes, handles and replies", async () => {
    await logInAs('ops');
    await page.goto(`${server.url}/workorders`);
    // Department staff open on their unit's queue (本单位).
    await expect.poll(() => page.locator('.ant-tabs-tab-active').textContent()).toContain('本单位');
    const row = page.locator(`[data-testid="wo-row"][data-case-no="${caseNo}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.getByTestId('wo-detail').waitFor();

    await page.getByTestId('wo-action-take').click();
    await page.getByTestId('wo-action-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('taken');
    expect(await page.getByTestId('wo-handler').textContent()).toContain('运维检修部工单处理员');

    await page.getByTestId('wo-action-handle').click();
    await page
      .getByTestId('wo-action-reply-text')
      .fill('经现场测量，台区末端电压偏低，已调整配变分接头并平衡三相负荷，电压恢复正常。');
    await page.getByTestId('wo-action-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('handled');

    // The reply dialog starts from the handling result.
    await page.getByTestId('wo-action-reply').click();
    await expect.poll(() => page.getByTestId('wo-action-reply-text').inputValue()).toContain('电压恢复正常');
    await page.getByTestId('wo-action-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('replied');
    expect(await page.getByTestId('wo-reply').textContent()).toContain('电压恢复正常');
  });

  it('the agent records a satisfied return visit, which closes the order', async () => {
    await logInAs('agent');
    await page.goto(`${server.url}/workorders?queue=awaiting_visit`);
    const row = page.locator(`[data-testid="wo-row"][data-case-no="${caseNo}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.getByTestId('wo-visit-card').waitFor();
    await page.getByTestId('wo-visit-outcome-satisfied').click();
    await page.getByTestId('wo-visit-note').fill('客户确认电压已正常，对处理结果满意');
    await page.getByTestId('wo-visit-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('closed');
    expect(await page.getByTestId('wo-external').textContent()).toContain('已办结');
    expect(await page.getByTestId('wo-visits').textContent()).toContain('满意');
  });

  it('the closed order is listed on the customer 360 page and in its timeline', async () => {
    await page.getByTestId('wo-customer-link').locator('a').click();
    await page.waitForURL(new RegExp(`/customers/${customerId}$`));
    await page.getByTestId('tab-workorders').click();
    const row = page.locator(`[data-testid="customer-workorder-row"][data-case-no="${caseNo}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-status')).toBe('closed');
    expect(await row.textContent()).toContain('已归档');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(caseNo);
  });
});
