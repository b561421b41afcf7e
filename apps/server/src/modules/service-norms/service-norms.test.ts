import { expect, it } from 'vitest';
import { NORM_CATEGORIES } from '@gridcare/contracts';
import { describeEachDatabase } from '../../test/harness';
import { findNormsFor } from './service-norms.service';

interface NormBody {
  id: number;
  code: string;
  category: string;
  title: string;
  responsibleRole: string;
  standard: string;
  timeLimitText: string;
  timeLimit: { amount: number; unit: string } | null;
  assistingDepartments: string[];
  appliesToTypes: string[];
  subCategories: string[];
  active: boolean;
  version: number;
}

const newNorm = (code: string, overrides: Partial<NormBody> = {}) => ({
  code,
  category: 'other',
  title: '停电期间发电车服务',
  responsibleRole: 'cs_agent',
  standard: '1. 记录重要客户保电需求；2. 协调发电车；3. 告知客户预计到达时间。',
  timeLimitText: '2 小时内答复',
  timeLimit: { amount: 2, unit: 'calendar_hours' },
  assistingDepartments: ['production'],
  appliesToTypes: ['application'],
  subCategories: ['generator'],
  ...overrides,
});

describeEachDatabase('service norms catalogue', (h) => {
  it('ships the manual’s 36 norms in nine categories, each with role, script and time limit', async () => {
    const agent = await h().loginAs('agent');
    const res = await h().api(agent, 'GET', '/api/service-norms?pageSize=100');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as NormBody[];
    const seeded = items.filter((n) => /^(SYS|CON|QRY|NTF|ACC|FLT|INF|QA|OTH)-\d{2}$/.test(n.code));
    expect(seeded).toHaveLength(36);
    expect(new Set(seeded.map((n) => n.category))).toEqual(new Set(NORM_CATEGORIES));
    for (const n of seeded) {
      expect(n.title).toMatch(/[\u4e00-\u9fff]/);
      expect(n.standard.length).toBeGreaterThan(40);
      expect(n.timeLimitText).not.toBe('');
      expect(n.responsibleRole).not.toBe('');
    }
    // In the manual's order: system use first, "other" last.
    expect(seeded[0].category).toBe('system_use');
    expect(seeded[35].category).toBe('other');
    const arrival = seeded.find((n) => n.code === 'FLT-01')!;
    expect(arrival).toMatchObject({
      title: '故障报修受理',
      timeLimit: { amount: 45, unit: 'calendar_minutes' },
      assistingDepartments: ['production', 'dispatch'],
      appliesToTypes: ['fault_repair'],
    });
    expect(arrival.standard).toContain('城市 45 分钟、农村 90 分钟、边远地区 120 分钟');
  });

  it('findNormsFor puts the sub-category’s own norms first and leaves out other sub-categories', async () => {
    const quality = await findNormsFor(h().db, { type: 'complaint', subCategory: 'supply_quality' });
    const codes = quality.map((n) => n.code);
    expect(codes[0]).toBe('FLT-04');
    expect(codes).toEqual(expect.arrayContaining(['FLT-03', 'QA-01', 'SYS-03', 'NTF-03']));
    expect(codes).not.toContain('FLT-05');
    expect(codes).not.toContain('QA-03');
    expect(quality.every((n) => n.active && n.appliesToTypes.includes('complaint'))).toBe(true);

    const anyComplaint = (await findNormsFor(h().db, { type: 'complaint' })).map((n) => n.code);
    expect(anyComplaint).toEqual(expect.arrayContaining(['FLT-03', 'FLT-04', 'FLT-05', 'QA-03']));
    const nullSub = (await findNormsFor(h().db, { type: 'complaint', subCategory: null })).map((n) => n.code);
    expect(nullSub).toEqual(anyComplaint);

    const meterTest = (await findNormsFor(h().db, { type: 'application', subCategory: 'meter_test' })).map(
      (n) => n.code,
    );
    expect(meterTest[0]).toBe('ACC-03');
    expect(await findNormsFor(h().db, { type: 'no_such_type' })).toEqual([]);
  });

  it('filters by category, work-order type and text, and pages', async () => {
    const agent = await h().loginAs('agent');
    const get = async (qs: string) => (await h().api(agent, 'GET', `/api/service-norms?${qs}`)).json();
    const consult = await get('category=product_consultation&pageSize=100');
    expect(consult.items.map((n: NormBody) => n.code)).toEqual(['CON-01', 'CON-02', 'CON-03', 'CON-04']);
    const faults = await get('type=fault_repair&pageSize=100');
    expect(faults.items.every((n: NormBody) => n.appliesToTypes.includes('fault_repair'))).toBe(true);
    expect(faults.items.map((n: NormBody) => n.code)).toContain('INF-03');
    const billing = await get('type=complaint&subCategory=billing&pageSize=100');
    expect(billing.items[0].code).toBe('FLT-05');
    expect(billing.items.map((n: NormBody) => n.code)).not.toContain('FLT-04');
    const rings = await get(`q=${encodeURIComponent('铃响')}`);
    expect(rings.items.map((n: NormBody) => n.code)).toContain('QA-02');
    const literal = await get(`q=${encodeURIComponent('100%_')}`);
    expect(literal.total).toBe(0);
    const page2 = await get('page=2&pageSize=10');
    expect(page2).toMatchObject({ page: 2, pageSize: 10 });
    expect(page2.items).toHaveLength(10);
    expect(page2.total).toBeGreaterThanOrEqual(36);
    const one = await h().api(agent, 'GET', `/api/service-norms/${consult.items[0].id}`);
    expect(one.json()).toMatchObject({ code: 'CON-01', title: '电价电费政策咨询' });
    expect((await h().api(agent, 'GET', '/api/service-norms/999999')).statusCode).toBe(404);
  });

  it('admins add, edit and retire norms: versioned, audited, 409 on a stale version', async () => {
    const admin = await h().loginAs('admin');
    const created = await h().api(admin, 'POST', '/api/service-norms', newNorm('OTH-90'), {
      'idempotency-key': 'norm-oth-90',
    });
    expect(created.statusCode).toBe(201);
    const norm = created.json() as NormBody;
    expect(norm).toMatchObject({ code: 'OTH-90', version: 1, active: true, subCategories: ['generator'] });
    const replay = await h().api(admin, 'POST', '/api/service-norms', newNorm('OTH-90'), {
      'idempotency-key': 'norm-oth-90',
    });
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(norm.id);
    expect((await h().api(admin, 'POST', '/api/service-norms', newNorm('OTH-90'))).statusCode).toBe(409);

    const { id: _id, version, ...rest } = norm;
    const edit = { ...newNorm('OTH-90'), ...pick(rest), title: '保电发电车服务', timeLimit: null, version };
    const updated = await h().api(admin, 'PUT', `/api/service-norms/${norm.id}`, edit);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ title: '保电发电车服务', timeLimit: null, version: 2 });
    const stale = await h().api(admin, 'PUT', `/api/service-norms/${norm.id}`, { ...edit, title: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    expect(
      (await findNormsFor(h().db, { type: 'application', subCategory: 'generator' })).map((n) => n.code),
    ).toContain('OTH-90');
    expect((await h().api(admin, 'DELETE', `/api/service-norms/${norm.id}?version=1`)).statusCode).toBe(409);
    const retired = await h().api(admin, 'DELETE', `/api/service-norms/${norm.id}?version=2`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ active: false, version: 3 });
    expect(
      (await findNormsFor(h().db, { type: 'application', subCategory: 'generator' })).map((n) => n.code),
    ).not.toContain('OTH-90');
    const listed = (await h().api(admin, 'GET', '/api/service-norms?q=OTH-90')).json();
    expect(listed.total).toBe(0);
    const all = (await h().api(admin, 'GET', '/api/service-norms?q=OTH-90&status=all')).json();
    expect(all.items.map((n: NormBody) => n.code)).toEqual(['OTH-90']);

    const audit = await h().db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'service_norm' AND entity_id = $1 ORDER BY id`,
      [String(norm.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'service_norm.create',
      'service_norm.update',
      'service_norm.retire',
    ]);
  });

  it('only config:admin may change the catalogue', async () => {
    for (const username of ['agent', 'supervisor', 'auditor']) {
      const cookie = await h().loginAs(username);
      const res = await h().api(cookie, 'POST', '/api/service-norms', newNorm('OTH-91'));
      expect({ username, status: res.statusCode }).toEqual({ username, status: 403 });
    }
    const agent = await h().loginAs('agent');
    const first = (await h().api(agent, 'GET', '/api/service-norms?pageSize=1')).json().items[0] as NormBody;
    const put = await h().api(agent, 'PUT', `/api/service-norms/${first.id}`, {
      ...newNorm(first.code),
      version: first.version,
    });
    expect(put.statusCode).toBe(403);
    expect((await h().api(agent, 'DELETE', `/api/service-norms/${first.id}?version=1`)).statusCode).toBe(403);
    expect((await h().app.inject({ method: 'GET', url: '/api/service-norms' })).statusCode).toBe(401);
  });

  it('answers bad input with 400 and field messages in the caller’s language', async () => {
    const admin = await h().loginAs('admin');
    const zh = await h().api(admin, 'POST', '/api/service-norms', newNorm('bad code'));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details).toEqual([
      { path: 'body.code', message: '规范编号应为 2–4 个大写字母、短横线和 2–3 位数字，如 FLT-01' },
    ]);
    const en = await h().api(admin, 'POST', '/api/service-norms', newNorm('bad code'), {
      'accept-language': 'en-US',
    });
    expect(en.json().error.details[0].message).toMatch(/^Norm code must be/);
    const cases: ['GET' | 'POST' | 'PUT' | 'DELETE', string, unknown?][] = [
      ['GET', '/api/service-norms?category=gossip'],
      ['GET', '/api/service-norms?type=wish'],
      ['GET', '/api/service-norms?page=0'],
      ['GET', '/api/service-norms?status=maybe'],
      ['GET', '/api/service-norms/abc'],
      ['POST', '/api/service-norms', newNorm('OTH-92', { category: 'misc' })],
      ['POST', '/api/service-norms', newNorm('OTH-92', { responsibleRole: 'boss' })],
      ['POST', '/api/service-norms', newNorm('OTH-92', { title: '' })],
      [
        'POST',
        '/api/service-norms',
        { ...newNorm('OTH-92'), timeLimit: { amount: 0, unit: 'calendar_hours' } },
      ],
      ['POST', '/api/service-norms', { ...newNorm('OTH-92'), timeLimit: { amount: 3, unit: 'fortnights' } }],
      ['POST', '/api/service-norms', { ...newNorm('OTH-92'), assistingDepartments: ['legal'] }],
      ['POST', '/api/service-norms', { ...newNorm('OTH-92'), appliesToTypes: ['gossip'] }],
      ['POST', '/api/service-norms', { ...newNorm('OTH-92'), subCategories: ['Has Space'] }],
      ['PUT', '/api/service-norms/1', newNorm('OTH-92')],
      ['PUT', '/api/service-norms/0', { ...newNorm('OTH-92'), version: 1 }],
      ['DELETE', '/api/service-norms/1'],
      ['DELETE', '/api/service-norms/1?version=x'],
    ];
    for (const [method, url, body] of cases) {
      const res = await h().api(admin, method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 400 });
      expect(res.json().error.code).toBe('validation');
    }
  });
});

/** The writable fields of a norm as read back. */
function pick(n: Omit<NormBody, 'id' | 'version'>) {
  const {
    code,
    category,
    title,
    responsibleRole,
    standard,
    timeLimitText,
    timeLimit,
    assistingDepartments,
    appliesToTypes,
    subCategories,
    active,
  } = n;
  return {
    code,
    category,
    title,
    responsibleRole,
    standard,
    timeLimitText,
    timeLimit,
    assistingDepartments,
    appliesToTypes,
    subCategories,
    active,
  };
}
