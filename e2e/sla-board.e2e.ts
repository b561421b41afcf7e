// The supervisor's SLA board (工单监控) in the real browser: every 在办 figure, by type and by unit, opens the
// list of exactly the orders it counts — open orders only (a closed one of the same type or unit is left out),
// narrowed to the type or to the unit the orders are assigned to now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { api, apiLogin } from './support/api';

interface Order {
  id: number;
  caseNo: string;
  version: number;
  status: string;
}

describe('SLA board links', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let opsId: number;
  let toPlanning: Order;
  let toOps: Order;
  let closed: Order;

  const row = (caseNo: string) => page.locator(`[data-testid="wo-row"][data-case-no="${caseNo}"]`);
  const listTotal = async () =>
    Number(((await page.locator('.ant-pagination-total-text').textContent()) ?? '').match(/\d+/)?.[0]);

  beforeAll(async () => {
    server = await startServer({ customers: 100 });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });

    // Arrange through the API: complaints for planning and for production, and one production order closed.
    const admin = await apiLogin(server.url, 'admin');
    const agent = await apiLogin(server.url, 'agent');
    const ops = await apiLogin(server.url, 'ops');
    const units = await api<{ id: number; code: string }[]>(
      server.url,
      admin,
      'GET',
      '/api/org-units?flat=true',
    );
    opsId = units.find((u) => u.code === 'D-OPS')!.id;
    const customers = await api<{ items: { id: number }[] }>(
      server.url,
      admin,
      'GET',
      '/api/customers?page=1&pageSize=3',
    );
    const complaint = (customerId: number, subCategory: string, title: string) =>
      api<Order>(server.url, agent, 'POST', '/api/workorders', {
        type: 'complaint',
        subCategory,
        channel: 'phone',
        customerId,
        contactPhone: '13912345678',
        title,
        description: '客户来电投诉，要求尽快处理。',
      });
    const [a, b, c] = customers.items;
    toPlanning = await complaint(a.id, 'capacity', '小区增容申请未答复');
    toOps = await complaint(b.id, 'supply_quality', '晚间电压偏低');
    closed = await complaint(c.id, 'supply_quality', '频繁闪断');
    const act = async (body: Record<string, unknown>) => {
      const current = await api<Order>(server.url, ops, 'GET', `/api/workorders/${closed.id}`);
      return api<Order>(server.url, ops, 'POST', `/api/workorders/${closed.id}/actions`, {
        version: current.version,
        ...body,
      });
    };
    await act({ action: 'take' });
    await act({ action: 'handle', replyText: '已更换故障开关。' });
    const replied = await act({ action: 'reply', replyText: '已更换故障开关，供电恢复正常。' });
    const visited = await api<Order>(
      server.url,
      agent,
      'POST',
      `/api/workorders/${closed.id}/return-visits`,
      { outcome: 'satisfied', version: replied.version },
    );
    expect(visited.status).toBe('closed');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openBoard() {
    await page.context().clearCookies();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('supervisor');
    await page.getByTestId('login-password').fill('GridCare@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.url}/workorders/board`);
    await page.getByTestId('board-table').waitFor();
  }

  it('the 在办 figure of a type opens that type’s open orders, without the closed one', async () => {
    await openBoard();
    const figure = page.getByTestId('board-open-complaint');
    const counted = Number(await figure.textContent());
    expect(counted).toBeGreaterThanOrEqual(2);
    await figure.click();
    await page.waitForURL((url) => url.pathname === '/workorders');
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual({ queue: 'all', open: 'true', type: 'complaint' });
    await page.getByTestId('wo-filter-open').waitFor();
    await expect.poll(listTotal, { timeout: 15_000 }).toBe(counted);
    await row(toPlanning.caseNo).waitFor();
    await row(toOps.caseNo).waitFor();
    expect(await row(closed.caseNo).count()).toBe(0);
  });

  it("a unit's 在办 figure opens the open orders assigned to that unit", async () => {
    await openBoard();
    await page.getByTestId('board-by').getByText('按单位').click();
    const figure = page.getByTestId(`board-open-${opsId}`);
    const counted = Number(await figure.textContent());
    expect(counted).toBeGreaterThanOrEqual(1);
    await figure.click();
    await page.waitForURL((url) => url.pathname === '/workorders');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      queue: 'all',
      open: 'true',
      assignedUnitId: String(opsId),
    });
    await expect.poll(listTotal, { timeout: 15_000 }).toBe(counted);
    await expect.poll(() => page.getByTestId('wo-filter-unit').textContent()).toContain('运维检修部');
    await row(toOps.caseNo).waitFor();
    expect(await row(toPlanning.caseNo).count()).toBe(0);
    expect(await row(closed.caseNo).count()).toBe(0);

    // Removing the unit tag widens the list to every open order again.
    await page.getByTestId('wo-filter-unit').locator('.ant-tag-close-icon').click();
    await expect.poll(() => new URL(page.url()).searchParams.has('assignedUnitId')).toBe(false);
    await row(toPlanning.caseNo).waitFor({ timeout: 15_000 });
  });
});
