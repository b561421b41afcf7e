import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase } from '../../test/harness';
import { csvOf, followerRow, gbkOf, residentRow } from './import-test-fixtures';
import { commit, count, errorsOf, settle, upload, uploadAndValidate } from './import-test-helpers';

describeEachDatabase('customer archive import: validation and partial imports', (h) => {
  it('reports row and field errors and imports nothing all-or-nothing', async () => {
    await h().db.query(
      `WITH c AS (INSERT INTO customers(org_unit_id, customer_no, name, kind, customer_class, importance_tier)
                  VALUES ($1, 'C0000000001', '已有客户', 'person', 'residential', 'residential') RETURNING id),
            a AS (INSERT INTO accounts(customer_id, org_unit_id, account_no, voltage_level, tariff_category)
                  SELECT id, $1, '3999999999', '220V', 'residential' FROM c RETURNING id, customer_id)
       INSERT INTO meters(account_id, customer_id, org_unit_id, asset_no, meter_type) SELECT id, customer_id, $1, 'MT-EXISTING', 'single_phase' FROM a`,
      [h().org.officeIds[0]],
    );
    const badId =
      residentRow('E1', 1).cert_no.slice(0, 17) + (residentRow('E1', 1).cert_no.endsWith('0') ? '1' : '0');
    const rows = [
      residentRow('E1', 1, { cert_no: badId }),
      residentRow('E2', 2, { customer_class: '火星' }),
      residentRow('E3', 3, { name: '' }),
      residentRow('E4', 4, { org_unit_code: 'B02-S1' }),
      residentRow('E5', 5, { meter_asset_no: 'MT-DUP' }),
      residentRow('E6', 6, { meter_asset_no: 'MT-DUP', account_no: '3999999999' }),
      residentRow('E7', 7, {
        meter_asset_no: 'MT-EXISTING',
        transformer_area_code: 'TA-NOWHERE',
        reading_day: '31',
      }),
    ];
    const before = await count(h(), 'customers');
    const job = await uploadAndValidate(h(), 'east', 'bad.csv', csvOf(rows));
    expect(job).toMatchObject({ status: 'validated', totalRows: 7, errorRows: 6, validRows: 1 });
    const errors = await errorsOf(h(), 'east', job.id);
    const at = (rowNo: number) =>
      errors
        .filter((e) => e.rowNo === rowNo)
        .map((e) => e.field)
        .sort();
    expect(at(2)).toEqual(['cert_no']);
    expect(errors.find((e) => e.rowNo === 2)!.message).toBe('证件号码校验位不正确');
    expect(at(3)).toEqual(['customer_class']);
    expect(errors.find((e) => e.rowNo === 3)!.message).toContain('居民(residential)');
    expect(at(4)).toEqual(['name']);
    expect(errors.find((e) => e.rowNo === 4)!.message).toBe('必填项不能为空');
    expect(at(5)).toEqual(['org_unit_code']);
    expect(at(6)).toEqual([]);
    expect(at(7)).toEqual(['account_no', 'meter_asset_no']);
    expect(errors.find((e) => e.rowNo === 7 && e.field === 'meter_asset_no')!.message).toContain('第 6 行');
    expect(at(8)).toEqual(['meter_asset_no', 'reading_day', 'transformer_area_code']);

    const res = await commit(h(), 'east', job.id, 'all_or_nothing');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');
    expect(res.json().error.details[0].message).toContain('6 行');
    expect(await settle(h(), 'east', job.id)).toMatchObject({ status: 'validated', importedRows: 0 });
    expect(await count(h(), 'customers')).toBe(before);

    const report = await h().api(await h().loginAs('east'), 'GET', `/api/imports/${job.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '列', '列名', '填写的值', '错误说明']);
    expect(sheet.rowCount).toBe(1 + errors.length);
    expect(sheet.getRow(2).getCell(1).value).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('cert_no');
    // Another branch's supervisor does not see the job.
    expect((await h().api(await h().loginAs('west'), 'GET', `/api/imports/${job.id}`)).statusCode).toBe(404);
  });

  it('imports only the clean customer groups with valid_rows, and only once', async () => {
    const rows = [
      residentRow('M1', 101),
      followerRow('M1', 101, 102),
      residentRow('M2', 103),
      followerRow('M2', 103, 104, { voltage_level: '999V' }),
      residentRow('M3', 105),
    ];
    const job = await uploadAndValidate(h(), 'admin', 'mixed.csv', csvOf(rows));
    expect(job).toMatchObject({ status: 'validated', totalRows: 5, errorRows: 1 });
    expect((await commit(h(), 'admin', job.id, 'all_or_nothing')).statusCode).toBe(409);
    const [first, second] = await Promise.all([
      commit(h(), 'admin', job.id, 'valid_rows'),
      commit(h(), 'admin', job.id, 'valid_rows'),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([202, 409]);
    expect(await settle(h(), 'admin', job.id)).toMatchObject({
      status: 'done',
      importedRows: 3,
      mode: 'valid_rows',
    });
    expect((await commit(h(), 'admin', job.id, 'valid_rows')).statusCode).toBe(409);
    expect(await count(h(), `customers WHERE name IN ('测试客户M1', '测试客户M3')`)).toBe(2);
    expect(await count(h(), `customers WHERE name = '测试客户M2'`)).toBe(0);
    expect(
      await count(h(), `accounts a JOIN customers c ON c.id = a.customer_id WHERE c.name = '测试客户M1'`),
    ).toBe(2);
  });

  it('reads a GBK-encoded CSV as saved by older Excel', async () => {
    const text = csvOf([residentRow('G1', 201)], 'combined', false).toString('utf8');
    const job = await uploadAndValidate(h(), 'admin', 'gbk.csv', gbkOf(text));
    expect(job).toMatchObject({ status: 'validated', totalRows: 1, errorRows: 0 });
  });

  it('validates and imports 2,500 rows as a background job with progress', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => residentRow(`BULK${i}`, 10_000 + i));
    rows[1234] = { ...rows[1234], area_class: '郊区' };
    const res = await upload(h(), 'admin', 'bulk.csv', csvOf(rows));
    expect(res.statusCode).toBe(202);
    expect(res.json().job.status).toBe('validating');
    const job = await settle(h(), 'admin', res.json().job.id);
    expect(job).toMatchObject({
      status: 'validated',
      totalRows: 2500,
      errorRows: 1,
      validRows: 2499,
      progress: 100,
    });
    expect((await errorsOf(h(), 'admin', job.id)).map((e) => [e.rowNo, e.field])).toEqual([
      [1236, 'area_class'],
    ]);
    const started = await commit(h(), 'admin', job.id, 'valid_rows');
    expect(started.statusCode).toBe(202);
    expect(started.json().job.status).toBe('importing');
    expect(await settle(h(), 'admin', job.id)).toMatchObject({
      status: 'done',
      importedRows: 2499,
      progress: 100,
    });
    expect(await count(h(), `customers WHERE name LIKE '测试客户BULK%'`)).toBe(2499);
    expect(await count(h(), `meters WHERE asset_no LIKE 'MT-BULK%'`)).toBe(2499);
  });
});
