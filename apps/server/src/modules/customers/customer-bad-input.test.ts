import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import { buildCustomerInput, createCustomerVia } from './customers.test-builders';

// No input may produce a 500: every route of the archive and topology answers bad input with 400.
describeEachDatabase('customer archive bad input', (h) => {
  let cookie: string;
  let customerId: number;
  const huge = 'x'.repeat(5000);

  beforeAll(async () => {
    cookie = await h().loginAs('admin');
    customerId = (await createCustomerVia(h(), 'admin', buildCustomerInput(h().org.officeIds[0]))).id;
  });

  type Case = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown];
  const cases = (): Case[] => [
    ['GET', '/api/customers?page=0'],
    ['GET', '/api/customers?pageSize=100000'],
    ['GET', '/api/customers?customerClass=castle'],
    ['GET', '/api/customers?orgUnitId=-3'],
    ['GET', `/api/customers?q=${huge}`],
    ['GET', '/api/customers?vip=maybe'],
    ['GET', '/api/customers/export.xlsx?importanceTier=emperor'],
    ['POST', '/api/customers', { ...buildCustomerInput(h().org.officeIds[0]), name: huge }],
    ['POST', '/api/customers', { ...buildCustomerInput(h().org.officeIds[0]), orgUnitId: 'one' }],
    ['POST', '/api/customers', { ...buildCustomerInput(h().org.officeIds[0]), customerClass: 'castle' }],
    [
      'POST',
      '/api/customers',
      {
        ...buildCustomerInput(h().org.officeIds[0]),
        meters: [{ accountIndex: 0, assetNo: 'M-neg', meterType: 'single_phase', ctRatio: -5 }],
      },
    ],
    [
      'POST',
      '/api/customers',
      {
        ...buildCustomerInput(h().org.officeIds[0]),
        premises: [
          { province: '江西省', city: '南昌市', district: '东湖区', detail: '1号', areaClass: 'moon' },
        ],
      },
    ],
    [
      'POST',
      '/api/customers',
      {
        ...buildCustomerInput(h().org.officeIds[0]),
        accounts: [{ voltageLevel: '220V', tariffCategory: 'residential', premiseIndex: 7 }],
      },
    ],
    [
      'POST',
      '/api/customers',
      {
        ...buildCustomerInput(h().org.officeIds[0]),
        meters: [{ accountIndex: 3, assetNo: 'M-idx', meterType: 'single_phase' }],
      },
    ],
    [
      'POST',
      '/api/customers',
      { ...buildCustomerInput(h().org.officeIds[0]), contacts: [{ name: '甲', mobile: '12345' }] },
    ],
    ['POST', '/api/customers/duplicates/check', { name: 1 }],
    ['GET', '/api/customers/abc'],
    ['GET', '/api/customers/-1'],
    ['GET', '/api/customers/99999999999999999999'],
    ['PATCH', `/api/customers/${customerId}`, { note: 'no version' }],
    ['PATCH', `/api/customers/${customerId}`, { version: 1, vip: 'yes' }],
    ['PATCH', '/api/customers/1.5', { version: 1 }],
    ['GET', '/api/customers/abc/overview'],
    ['GET', `/api/customers/${customerId}/timeline?pageSize=-1`],
    ['POST', `/api/customers/${customerId}/contacts`, { name: '' }],
    ['PATCH', '/api/contacts/xyz', { version: 1 }],
    ['PATCH', '/api/contacts/1', { version: 1, email: 'not-an-email' }],
    ['DELETE', '/api/contacts/1?version=abc'],
    ['POST', `/api/customers/${customerId}/premises`, { province: '江西省' }],
    ['PATCH', '/api/premises/1', { version: 1, latitude: 200 }],
    ['DELETE', '/api/premises/0'],
    [
      'POST',
      `/api/customers/${customerId}/accounts`,
      { voltageLevel: '1000kV', tariffCategory: 'residential' },
    ],
    ['PATCH', '/api/accounts/1', { version: 1, readingDay: 31 }],
    [
      'POST',
      `/api/customers/${customerId}/meters`,
      { accountId: -1, assetNo: 'M', meterType: 'single_phase' },
    ],
    ['PATCH', '/api/meters/1', { version: 1, ptRatio: 0 }],
    ['DELETE', '/api/meters/abc'],
    ['POST', `/api/customers/${customerId}/transformers`, { assetNo: 'T', capacityKva: -315 }],
    ['PATCH', '/api/transformers/1', { version: 1, state: 'melted' }],
    ['DELETE', '/api/transformers/-7'],
    ['GET', '/api/topology/substations?pageSize=0'],
    ['POST', '/api/topology/substations', { orgUnitId: h().org.branchIds[0], code: huge, name: '变电站' }],
    ['GET', '/api/topology/feeders?substationId=abc'],
    ['POST', '/api/topology/feeders', { substationId: 'x', code: 'F', name: 'f' }],
    ['GET', '/api/topology/transformer-areas?feederId=-1'],
    ['POST', '/api/topology/transformer-areas', { feederId: 1, code: 'A', name: 'a', capacityKva: -1 }],
    ['GET', '/api/topology/tree?orgUnitId=abc'],
  ];

  it('answers wrong types, unknown enums, negative numbers, huge strings and bad ids with 400', async () => {
    const failures: string[] = [];
    for (const [method, url, body] of cases()) {
      const res = await h().api(cookie, method, url, body);
      if (res.statusCode !== 400 || res.json().error?.code !== 'validation')
        failures.push(`${method} ${url.slice(0, 80)} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed JSON with 400 on every write route', async () => {
    const writes: [string, string][] = [
      ['POST', '/api/customers'],
      ['POST', '/api/customers/duplicates/check'],
      ['PATCH', `/api/customers/${customerId}`],
      ['POST', `/api/customers/${customerId}/contacts`],
      ['PATCH', '/api/contacts/1'],
      ['POST', `/api/customers/${customerId}/premises`],
      ['PATCH', '/api/premises/1'],
      ['POST', `/api/customers/${customerId}/accounts`],
      ['PATCH', '/api/accounts/1'],
      ['POST', `/api/customers/${customerId}/meters`],
      ['PATCH', '/api/meters/1'],
      ['POST', `/api/customers/${customerId}/transformers`],
      ['PATCH', '/api/transformers/1'],
      ['POST', '/api/topology/substations'],
      ['POST', '/api/topology/feeders'],
      ['POST', '/api/topology/transformer-areas'],
    ];
    const failures: string[] = [];
    for (const [method, url] of writes) {
      const res = await h().app.inject({
        method: method as 'POST' | 'PATCH',
        url,
        payload: '{"name": ',
        headers: { cookie, 'content-type': 'application/json' },
      });
      if (res.statusCode !== 400) failures.push(`${method} ${url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('names the out-of-range index in the error path', async () => {
    const res = await h().api(cookie, 'POST', '/api/customers', {
      ...buildCustomerInput(h().org.officeIds[0]),
      accounts: [{ voltageLevel: '220V', tariffCategory: 'residential', premiseIndex: 4 }],
      meters: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.accounts.0.premiseIndex');
  });
});
