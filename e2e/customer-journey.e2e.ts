// The account-manager journey of the foundation issue, in the real browser:
// log in → search by an address fragment → open the customer 360 → assign an account manager →
// record a visit → see it on the timeline → switch the language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { api, apiLogin, creditCode } from './support/api';

describe('customer archive and account manager journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const findings = `生产线扩建，计划新增800千伏安变压器 ${Date.now() % 100000}`;

  beforeAll(async () => {
    server = await startServer({ customers: 400 });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    // Arrange: a key HV customer at an address no generated customer has.
    const admin = await apiLogin(server.url, 'admin');
    const units = await api<{ id: number; code: string }[]>(
      server.url,
      admin,
      'GET',
      '/api/org-units?flat=true',
    );
    const office = units.find((u) => u.code === 'B01-S1')!;
    await api(server.url, admin, 'POST', '/api/customers', {
      orgUnitId: office.id,
      name: '江西琉璃湾精密机械有限公司',
      kind: 'organisation',
      certType: 'uscc',
      certNo: creditCode(424242),
      customerClass: 'hv',
      importanceTier: 'key',
      contacts: [{ name: '周建国', role: 'electrical', mobile: '13970012345', isPrimary: true }],
      premises: [
        {
          province: '江西省',
          city: '南昌市',
          district: '青山湖区',
          street: '琉璃湾大道',
          detail: '琉璃湾大道 1888 号',
          areaClass: 'urban',
        },
      ],
      accounts: [
        {
          premiseIndex: 0,
          voltageLevel: '10kV',
          contractCapacityKva: 250,
          tariffCategory: 'general_industry',
          pfStandard: '0.85',
        },
      ],
      meters: [
        { accountIndex: 0, assetNo: 'E2E-M-0001', meterType: 'smart_three_phase', ctRatio: 10, ptRatio: 100 },
      ],
      transformers: [{ accountIndex: 0, assetNo: 'E2E-T-0001', capacityKva: 250, state: 'running' }],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in as a supervisor', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('supervisor');
    await page.getByTestId('login-password').fill('GridCare@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('客服班长');
  });

  it('finds the customer by a fragment of the address and opens the 360 view', async () => {
    await page.goto(`${server.url}/customers`);
    // antd's Input.Search puts the test id on its wrapper; type into the input inside it.
    const search = page.getByTestId('search-input').locator('input');
    await search.fill('琉璃湾大道');
    await search.press('Enter');
    // The unfiltered list shows first; wait until the search's result replaces it.
    await expect.poll(() => page.getByTestId('customer-row').count(), { timeout: 15_000 }).toBe(1);
    const row = page.getByTestId('customer-row').first();
    expect(await row.textContent()).toContain('江西琉璃湾精密机械有限公司');
    expect(await row.getByTestId('matched-by').textContent()).toBeTruthy();
    await row.click();
    await page.waitForURL(/\/customers\/\d+$/);
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toContain('琉璃湾');
  });

  it('assigns an account manager, who then shows on the manager card', async () => {
    await page.getByTestId('assign-manager').click();
    await page.getByTestId('assign-manager-select').click();
    await page.locator('.ant-select-item-option', { hasText: '客户经理（东湖区）' }).first().click();
    await page.getByTestId('assign-reason').fill('重点客户，指定专属客户经理');
    await page.getByTestId('assign-submit').click();
    await expect
      .poll(() => page.getByTestId('manager-name').textContent(), { timeout: 15_000 })
      .toContain('客户经理（东湖区）');
  });

  it('records a visit and sees it on the customer timeline', async () => {
    await page.getByTestId('record-visit').click();
    await page.getByTestId('visit-contacts').fill('周建国（电气负责人）');
    await page.getByTestId('visit-findings').fill(findings);
    await page.getByTestId('visit-needs').fill('申请增容');
    await page.getByTestId('visit-submit').click();
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.textContent(), { timeout: 15_000 }).toContain(findings.slice(0, 10));
    expect(await page.locator('[data-testid="timeline-event"][data-kind="visit"]').count()).toBe(1);
    expect(await page.locator('[data-testid="timeline-event"][data-kind="manager_assigned"]').count()).toBe(
      1,
    );
  });

  it('switches the interface to English and back', async () => {
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Timeline');
    await page.reload();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Timeline');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('客户动态');
  });
});
