import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { refreshSearchText } from '../customers/customer-search-text';
import { describeEachDatabase } from '../../test/harness';
import { creditCode, csvOf, residentRow, xlsxOf, type Row } from './import-test-fixtures';
import { commit, count, seedTopology, settle, upload, uploadAndValidate } from './import-test-helpers';

describeEachDatabase('customer archive import', (h) => {
  const threeCustomers = (): Row[] => [
    residentRow('K1', 1, { transformer_area_code: 'TA-IMP' }),
    residentRow('K1', 2, {
      ...{
        name: '',
        kind: '',
        cert_type: '',
        cert_no: '',
        customer_class: '',
        importance_tier: '',
        org_unit_code: '',
      },
      ...{ contact_mobile: '13800000001', address_detail: '2号' },
    }),
    residentRow('K2', 3, {
      name: '东湖精密机械有限公司',
      kind: '单位',
      cert_type: '统一社会信用代码',
      cert_no: creditCode('91360102MA35XXXXX'.replace(/X/g, '1')),
      customer_class: '高压',
      importance_tier: '重要客户',
      vip: '是',
      contact_role: '电气联系人',
      voltage_level: '10kV',
      tariff_category: '普通工业用电',
      contract_capacity_kva: '250',
      meter_type: '三相智能表',
      ct_ratio: '50',
      pt_ratio: '100',
      transformer_asset_no: 'TR-K2-1',
      transformer_capacity_kva: '250',
      transformer_state: '运行',
      account_no: '3900000001',
      feeder_code: 'F-IMP',
    }),
    residentRow('K3', 4),
  ];

  it('imports a valid CSV: customers with contacts, premises, accounts, meters and transformers', async () => {
    await seedTopology(h(), 'IMP');
    const job = await uploadAndValidate(h(), 'admin', '客户档案.csv', csvOf(threeCustomers(), 'label'));
    expect(job.message).toBe(null);
    expect(job).toMatchObject({ status: 'validated', totalRows: 4, errorRows: 0, validRows: 4 });
    const res = await commit(h(), 'admin', job.id, 'all_or_nothing');
    expect(res.statusCode, res.body).toBe(202);
    const done = await settle(h(), 'admin', job.id);
    expect(done).toMatchObject({ status: 'done', importedRows: 4, progress: 100, mode: 'all_or_nothing' });

    const k1 = await h().db.query<{
      id: number;
      customer_no: string;
      phone: string;
      search_text: string;
      org_unit_id: number;
    }>(`SELECT id, customer_no, phone, search_text, org_unit_id FROM customers WHERE name = '测试客户K1'`);
    expect(k1.rows).toHaveLength(1);
    const c1 = k1.rows[0];
    expect(c1.customer_no).toMatch(/^C\d{10}$/);
    expect(c1.org_unit_id).toBe(h().org.officeIds[0]);
    expect(c1.phone).toBe('13800000001');
    expect(await count(h(), `accounts WHERE customer_id = $1`, [c1.id])).toBe(2);
    expect(await count(h(), `premises WHERE customer_id = $1`, [c1.id])).toBe(2);
    expect(await count(h(), `contacts WHERE customer_id = $1 AND is_primary`, [c1.id])).toBe(1);
    expect(await count(h(), `contacts WHERE customer_id = $1`, [c1.id])).toBe(1);
    expect(await count(h(), `meters WHERE customer_id = $1`, [c1.id])).toBe(2);
    expect(
      await count(
        h(),
        `premises p JOIN transformer_areas t ON t.id = p.transformer_area_id WHERE p.customer_id = $1 AND t.code = 'TA-IMP' AND p.feeder_id = t.feeder_id`,
        [c1.id],
      ),
    ).toBe(1);
    const accountNos = await h().db.query<{ account_no: string }>(
      `SELECT account_no FROM accounts WHERE customer_id = $1`,
      [c1.id],
    );
    for (const a of accountNos.rows) {
      expect(a.account_no).toMatch(/^\d{10}$/);
      expect(c1.search_text).toContain(a.account_no);
    }
    expect(c1.search_text).toContain('江西省南昌市东湖区八一大道1号');
    // The import writes the search document itself (set-based); it must hold the same words as the
    // archive's own refresh would write (customer-search-text.ts), whatever their order.
    await refreshSearchText(h().db, [c1.id]);
    const refreshed = await h().db.query<{ search_text: string }>(
      `SELECT search_text FROM customers WHERE id = $1`,
      [c1.id],
    );
    const words = (t: string) => t.split(' ').sort();
    expect(words(c1.search_text)).toEqual(words(refreshed.rows[0].search_text));

    const k2 = await h().db.query<{
      id: number;
      vip: boolean;
      customer_class: string;
      importance_tier: string;
    }>(`SELECT id, vip, customer_class, importance_tier FROM customers WHERE name = '东湖精密机械有限公司'`);
    expect(k2.rows[0]).toMatchObject({ vip: true, customer_class: 'hv', importance_tier: 'important' });
    const meter = await h().db.query<{ multiplier: string; meter_type: string }>(
      `SELECT multiplier, meter_type FROM meters WHERE customer_id = $1`,
      [k2.rows[0].id],
    );
    expect(meter.rows[0]).toEqual({ multiplier: '5000.00', meter_type: 'smart_three_phase' });
    const tr = await h().db.query<{ capacity_kva: string; state: string; account_id: number }>(
      `SELECT capacity_kva, state, account_id FROM transformers WHERE customer_id = $1`,
      [k2.rows[0].id],
    );
    expect(tr.rows[0]).toMatchObject({ capacity_kva: '250.00', state: 'running' });
    expect(
      await count(h(), `accounts WHERE account_no = '3900000001' AND id = $1`, [tr.rows[0].account_id]),
    ).toBe(1);
    expect(await count(h(), `contacts WHERE customer_id = $1 AND role = 'electrical'`, [k2.rows[0].id])).toBe(
      1,
    );

    expect(
      await count(h(), `timeline_events WHERE kind = 'customer_imported' AND ref_id = $1`, [String(job.id)]),
    ).toBe(3);
    const audit = await h().db.query<{ after: { importedRows: number; customers: number } }>(
      `SELECT after FROM audit_log WHERE entity = 'import_job' AND entity_id = $1`,
      [String(job.id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after).toMatchObject({ importedRows: 4, customers: 3 });
  });

  it('imports a valid XLSX with English-key headers', async () => {
    const rows = [residentRow('X1', 11), residentRow('X2', 12, { org_unit_code: 'B01-H1' })];
    const job = await uploadAndValidate(h(), 'east', 'archive.xlsx', await xlsxOf(rows, 'key'));
    expect(job).toMatchObject({ status: 'validated', totalRows: 2, errorRows: 0 });
    expect((await commit(h(), 'east', job.id, 'all_or_nothing')).statusCode).toBe(202);
    expect(await settle(h(), 'east', job.id)).toMatchObject({ status: 'done', importedRows: 2 });
    expect(await count(h(), `customers WHERE name IN ('测试客户X1', '测试客户X2')`)).toBe(2);
  });

  it('serves both templates, and the CSV template example validates clean when uploaded back', async () => {
    const cookie = await h().loginAs('admin');
    const csv = await h().api(cookie, 'GET', '/api/imports/template.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('客户名称(name)');
    const xlsx = await h().api(cookie, 'GET', '/api/imports/template.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['导入模板', '说明']);
    expect(String(wb.worksheets[1].getColumn(5).values.join(' '))).toContain('居民(residential)');

    const job = await uploadAndValidate(h(), 'admin', 'template.csv', csv.rawPayload);
    expect(job).toMatchObject({ status: 'validated', totalRows: 1, errorRows: 0 });
  });

  it('answers a retried upload with the same Idempotency-Key with the same job', async () => {
    const file = csvOf([residentRow('I1', 21)]);
    const first = await upload(h(), 'admin', 'a.csv', file, { 'idempotency-key': 'imp-key-1' });
    const again = await upload(h(), 'admin', 'a.csv', file, { 'idempotency-key': 'imp-key-1' });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json().job.id).toBe(first.json().job.id);
    const other = await upload(h(), 'admin', 'a.csv', csvOf([residentRow('I2', 22)]), {
      'idempotency-key': 'imp-key-1',
    });
    expect(other.statusCode).toBe(409);
  });

  it('refuses users without customer:import', async () => {
    const agent = await h().loginAs('agent');
    expect((await upload(h(), 'agent', 'a.csv', csvOf([residentRow('A1', 31)]))).statusCode).toBe(403);
    expect((await h().api(agent, 'GET', '/api/imports/template.xlsx')).statusCode).toBe(403);
    expect((await h().api(agent, 'GET', '/api/imports')).statusCode).toBe(403);
  });

  it('answers bad input with 400, never 500', async () => {
    const cookie = await h().loginAs('admin');
    expect((await h().api(cookie, 'POST', '/api/imports', { file: 'x' })).statusCode).toBe(400);
    const boundary = '----empty';
    const empty = await h().api(cookie, 'POST', '/api/imports', Buffer.from(`--${boundary}--\r\n`), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(empty.statusCode).toBe(400);
    expect((await upload(h(), 'admin', 'a.txt', csvOf([residentRow('B1', 41)]))).statusCode).toBe(400);
    expect((await upload(h(), 'admin', 'a.xlsx', Buffer.from([1, 2, 3, 0, 255, 254, 9]))).statusCode).toBe(
      400,
    );
    expect(
      (await upload(h(), 'admin', 'a.csv', Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff, 0x00]))).statusCode,
    ).toBe(400);
    expect((await upload(h(), 'admin', 'a.csv', Buffer.from('foo,bar\n1,2\n'))).statusCode).toBe(400);
    expect((await h().api(cookie, 'GET', '/api/imports/abc')).statusCode).toBe(400);
    expect((await h().api(cookie, 'GET', '/api/imports/999999')).statusCode).toBe(404);
    expect((await h().api(cookie, 'POST', '/api/imports/1/commit', { mode: 'everything' })).statusCode).toBe(
      400,
    );
    expect((await h().api(cookie, 'GET', '/api/imports/1/errors?page=0')).statusCode).toBe(400);
    const list = await h().api(cookie, 'GET', '/api/imports?pageSize=5');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
  });
});
