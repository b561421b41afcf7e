import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { SEARCH_CAP } from './customer-list.service';
import { describeEachDatabase } from '../../test/harness';
import {
  buildCustomerInput,
  buildEnterpriseInput,
  buildResidentId,
  createCustomerVia,
} from './customers.test-builders';

interface Item {
  id: number;
  name: string;
  matchedBy?: string;
  phone: string | null;
  accountNos?: string[];
}

describeEachDatabase('customer search and list', (h) => {
  // A small archive in branch 1 whose search keys are known.
  let alpha: { id: number; customerNo: string };
  let alphaAccountNo: string;
  let beta: { id: number };
  let gamma: { id: number };
  const alphaCert = buildResidentId();
  const q = (s: string) => encodeURIComponent(s);

  beforeAll(async () => {
    const office = h().org.officeIds[0];
    alpha = await createCustomerVia(
      h(),
      'supervisor',
      buildCustomerInput(office, {
        name: '李青云',
        certNo: alphaCert,
        contacts: [{ name: '李青云', mobile: '13612349876', isPrimary: true }],
        premises: [
          {
            province: '江西省',
            city: '南昌市',
            district: '东湖区',
            street: '象山北路',
            detail: '88号青云小区3栋',
            areaClass: 'urban',
          },
        ],
      }),
    );
    beta = await createCustomerVia(
      h(),
      'supervisor',
      buildCustomerInput(office, {
        name: '青云谱机械厂',
        kind: 'organisation',
        certType: null,
        certNo: null,
        contacts: [{ name: '王工', mobile: '13712349876', isPrimary: true }],
        premises: [
          {
            province: '江西省',
            city: '南昌市',
            district: '青云谱区',
            detail: '井冈山大道1号',
            areaClass: 'urban',
          },
        ],
      }),
    );
    gamma = await createCustomerVia(
      h(),
      'supervisor',
      buildCustomerInput(office, {
        name: '张三',
        contacts: [{ name: '张三', mobile: '13512340000', isPrimary: true }],
        premises: [
          {
            province: '江西省',
            city: '南昌市',
            district: '东湖区',
            street: '象山北路',
            detail: '90号',
            areaClass: 'urban',
          },
        ],
      }),
    );
    const r = await h().db.query<{ account_no: string }>(
      `SELECT account_no FROM accounts WHERE customer_id = $1`,
      [alpha.id],
    );
    alphaAccountNo = r.rows[0].account_no;
  });

  const search = async (text: string, user = 'supervisor', extra = '') => {
    const res = await h().api(await h().loginAs(user), 'GET', `/api/customers?q=${q(text)}${extra}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Item[]; total: number; totalCapped?: boolean; page: number };
  };

  it('finds a customer by account number (exact)', async () => {
    const r = await search(alphaAccountNo);
    expect(r.items[0]).toMatchObject({ id: alpha.id, matchedBy: 'account_no' });
    expect(r.items[0].accountNos).toContain(alphaAccountNo);
  });

  it('finds a customer by customer number, case-insensitively', async () => {
    const r = await search(alpha.customerNo.toLowerCase());
    expect(r.items[0]).toMatchObject({ id: alpha.id, matchedBy: 'customer_no' });
  });

  it('finds by name, names that start with the text first', async () => {
    const r = await search('青云');
    // 青云谱机械厂 starts with 青云; 李青云 only contains it and is not found by a two-character fragment.
    expect(r.items.map((i) => i.id)).toEqual([beta.id]);
    const longer = await search('青云谱');
    expect(longer.items[0]).toMatchObject({ id: beta.id, matchedBy: 'name' });
  });

  it('finds by full mobile number and by its last four digits', async () => {
    const full = await search('13612349876');
    expect(full.items.map((i) => [i.id, i.matchedBy])).toEqual([[alpha.id, 'phone']]);
    const last4 = await search('9876');
    expect(
      last4.items
        .filter((i) => i.matchedBy === 'phone_last4')
        .map((i) => i.id)
        .sort(),
    ).toEqual([alpha.id, beta.id].sort());
  });

  it('finds by certificate number (exact, any letter case)', async () => {
    const r = await search(alphaCert.toLowerCase());
    expect(r.items[0]).toMatchObject({ id: alpha.id, matchedBy: 'certificate' });
  });

  it('finds by any fragment of the address in Chinese', async () => {
    const r = await search('象山北路');
    expect(r.items.map((i) => i.id).sort()).toEqual([alpha.id, gamma.id].sort());
    expect(r.items.every((i) => i.matchedBy === 'text')).toBe(true);
    const inner = await search('青云小区');
    expect(inner.items.map((i) => i.id)).toEqual([alpha.id]);
  });

  it('answers an exact account number alone, even when the digits appear in an address', async () => {
    await createCustomerVia(
      h(),
      'supervisor',
      buildCustomerInput(h().org.officeIds[0], {
        premises: [
          {
            province: '江西省',
            city: '南昌市',
            district: '东湖区',
            detail: `仓库${alphaAccountNo}号`,
            areaClass: 'urban',
          },
        ],
      }),
    );
    const r = await search(alphaAccountNo);
    expect(r.items.map((i) => [i.id, i.matchedBy])).toEqual([[alpha.id, 'account_no']]);
  });

  it('answers bare digits from the number indexes only, and finds a house number together with its road', async () => {
    const other = await createCustomerVia(
      h(),
      'supervisor',
      buildCustomerInput(h().org.officeIds[0], {
        premises: [
          {
            province: '江西省',
            city: '南昌市',
            district: '东湖区',
            detail: '工业路9876号',
            areaClass: 'urban',
          },
        ],
      }),
    );
    const r = await search('9876');
    expect(r.items.map((i) => [i.id, i.matchedBy])).toEqual([
      [Math.min(alpha.id, beta.id), 'phone_last4'],
      [Math.max(alpha.id, beta.id), 'phone_last4'],
    ]);
    const withRoad = await search('工业路9876');
    expect(withRoad.items.map((i) => [i.id, i.matchedBy])).toEqual([[other.id, 'text']]);
  });

  it('pages through search results without overlap', async () => {
    const p1 = await search('象山北路', 'supervisor', '&pageSize=1&page=1');
    const p2 = await search('象山北路', 'supervisor', '&pageSize=1&page=2');
    expect(p1.total).toBe(2);
    expect(p1.items).toHaveLength(1);
    expect(p2.items).toHaveLength(1);
    expect(p1.items[0].id).not.toBe(p2.items[0].id);
    const p3 = await search('象山北路', 'supervisor', '&pageSize=1&page=3');
    expect(p3).toMatchObject({ items: [], total: 2 });
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    const r = await search('%%%');
    expect(r.items).toEqual([]);
  });

  it('masks phones in the list for an agent and shows them to a manager with an audit row', async () => {
    const agent = await search('13612349876', 'agent');
    expect(agent.items[0].phone).toBe('136****9876');
    const manager = await search('13612349876', 'manager');
    expect(manager.items[0].phone).toBe('13612349876');
    const audit = await h().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'view_pii' AND actor_id = $1 AND entity_id = $2`,
      [h().org.userIds.manager, String(alpha.id)],
    );
    expect(audit.rows.length).toBeGreaterThan(0);
  });

  it('filters the list by unit (with descendants), class, tier and VIP, in id order', async () => {
    const cookie = await h().loginAs('supervisor');
    const branch2Office = h().org.officeIds[3];
    const hv = await createCustomerVia(h(), 'supervisor', buildEnterpriseInput(branch2Office, { vip: true }));
    const byBranch = (
      await h().api(cookie, 'GET', `/api/customers?orgUnitId=${h().org.branchIds[1]}&pageSize=200`)
    ).json();
    expect(byBranch.items.map((i: Item) => i.id)).toContain(hv.id);
    expect(byBranch.items.map((i: Item) => i.id)).not.toContain(alpha.id);
    const ids = byBranch.items.map((i: Item) => i.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    const vip = (
      await h().api(cookie, 'GET', `/api/customers?vip=true&customerClass=large_industry&pageSize=200`)
    ).json();
    expect(vip.items.map((i: Item) => i.id)).toContain(hv.id);
    expect(vip.items.every((i: { vip: boolean }) => i.vip)).toBe(true);
    const residential = (
      await h().api(cookie, 'GET', `/api/customers?importanceTier=residential&pageSize=200`)
    ).json();
    expect(residential.items.map((i: Item) => i.id)).not.toContain(hv.id);
  });

  it('lists customers that need an account manager but have none', async () => {
    const cookie = await h().loginAs('supervisor');
    const needs = await createCustomerVia(h(), 'supervisor', buildEnterpriseInput(h().org.officeIds[1]));
    const managed = await createCustomerVia(h(), 'supervisor', buildEnterpriseInput(h().org.officeIds[1]));
    await h().db.query(`UPDATE customers SET account_manager_id = $2 WHERE id = $1`, [
      managed.id,
      h().org.userIds.manager,
    ]);
    const r = (await h().api(cookie, 'GET', `/api/customers?unassignedRequired=true&pageSize=200`)).json();
    const ids = r.items.map((i: Item) => i.id);
    expect(ids).toContain(needs.id);
    expect(ids).not.toContain(managed.id);
    expect(ids).not.toContain(alpha.id); // residential, no manager required
    const byManager = (
      await h().api(cookie, 'GET', `/api/customers?managerId=${h().org.userIds.manager}`)
    ).json();
    expect(byManager.items.map((i: Item) => i.id)).toEqual([managed.id]);
    expect(byManager.items[0].accountManagerName).toBe('客户经理（东湖区）');
  });

  it('exports the search result to Excel with Chinese headers and masked phones', async () => {
    const res = await h().api(
      await h().loginAs('agent'),
      'GET',
      `/api/customers/export.xlsx?q=${q('象山北路')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['客户编号', '客户名称', '客户类型', '客户分类']);
    const rows = [] as unknown[][];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.map((r) => r[1]).sort()).toEqual(['张三', '李青云'].sort());
    const phoneCol = header.indexOf('联系电话');
    expect(rows.map((r) => r[phoneCol]).sort()).toEqual(['135****0000', '136****9876']);
  });

  it('exports the filtered list in id order', async () => {
    const res = await h().api(
      await h().loginAs('supervisor'),
      'GET',
      `/api/customers/export.xlsx?orgUnitId=${h().org.officeIds[0]}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0].eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(2).value));
    });
    const expected = await h().db.query<{ name: string }>(
      `SELECT name FROM customers WHERE org_unit_id = $1 ORDER BY id`,
      [h().org.officeIds[0]],
    );
    expect(names).toEqual(expected.rows.map((r) => r.name));
  });

  it('caps the count of a very broad search and says so', async () => {
    // 1,001 customers whose addresses share one street, inserted set-based to keep the test fast.
    const office = h().org.officeIds[2];
    await h().db.query(
      `INSERT INTO customers(org_unit_id, customer_no, name, kind, customer_class, importance_tier, search_text)
       SELECT $1, 'CB' || g, '批量客户' || g, 'person', 'residential', 'residential', '批量客户' || g || ' 宽泛大街' || g || '号'
         FROM generate_series(1, 1001) g`,
      [office],
    );
    const r = await search('宽泛大街', 'supervisor', '&pageSize=5');
    expect(SEARCH_CAP).toBeLessThan(1001);
    expect(r.total).toBe(SEARCH_CAP);
    expect(r.totalCapped).toBe(true);
    expect(r.items).toHaveLength(5);
  });
});
