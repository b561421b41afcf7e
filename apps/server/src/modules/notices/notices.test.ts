import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDatabase } from '../../test/harness';

interface NoticeBody {
  id: number;
  title: string;
  status: string;
  current: boolean;
  version: number;
  audienceOrgUnits: { id: number; name: string }[];
  publisherOrgUnitId: number;
}

const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();

describeEachDatabase('internal notices', (h) => {
  let seq = 0;
  /** A title no other test uses, so searches see only this test's notices. */
  const token = () => `测试通知${h().kind}${++seq}号`;

  const notice = (title: string, overrides: Record<string, unknown> = {}) => ({
    kind: 'policy',
    title,
    body: '自 12 月 1 日起，居民峰谷分时电价时段调整为：高峰 8:00–22:00，低谷 22:00–次日 8:00。',
    validFrom: at(-1),
    validTo: at(24),
    ...overrides,
  });

  /** Drafts and publishes a notice as `username`. */
  async function publish(username: string, body: Record<string, unknown>): Promise<NoticeBody> {
    const cookie = await h().loginAs(username);
    const draft = await h().api(cookie, 'POST', '/api/notices', body);
    if (draft.statusCode !== 201) throw new Error(`draft failed ${draft.statusCode} ${draft.body}`);
    const res = await h().api(cookie, 'POST', `/api/notices/${draft.json().id}/publish`, { version: 1 });
    if (res.statusCode !== 200) throw new Error(`publish failed ${res.statusCode} ${res.body}`);
    return res.json();
  }

  async function visibleTo(username: string, q: string): Promise<string[]> {
    const res = await h().api(await h().loginAs(username), 'GET', `/api/notices?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    return (res.json().items as NoticeBody[]).map((n) => n.title);
  }

  it('a draft reaches agents only once published, and leaves when withdrawn; every step audited', async () => {
    const t = token();
    const supervisor = await h().loginAs('supervisor');
    const body = notice(t);
    const draft = await h().api(supervisor, 'POST', '/api/notices', body, { 'idempotency-key': t });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', current: false, version: 1 });
    const replay = await h().api(supervisor, 'POST', '/api/notices', body, { 'idempotency-key': t });
    expect(replay.json().id).toBe(draft.json().id);
    const id = draft.json().id as number;
    expect(await visibleTo('agent', t)).toEqual([]);
    expect((await h().api(await h().loginAs('agent'), 'GET', `/api/notices/${id}`)).statusCode).toBe(404);

    const published = await h().api(supervisor, 'POST', `/api/notices/${id}/publish`, { version: 1 });
    expect(published.json()).toMatchObject({ status: 'published', current: true, version: 2 });
    expect(published.json().publishedByName).toBe('客服班长（全市）');
    expect(await visibleTo('agent', t)).toEqual([t]);
    expect((await h().api(await h().loginAs('agent'), 'GET', `/api/notices/${id}`)).json().title).toBe(t);
    const again = await h().api(supervisor, 'POST', `/api/notices/${id}/publish`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');

    const stale = await h().api(supervisor, 'PUT', `/api/notices/${id}`, { ...notice(t), version: 1 });
    expect(stale.statusCode).toBe(409);
    const corrected = await h().api(supervisor, 'PUT', `/api/notices/${id}`, {
      ...notice(t),
      body: '更正：低谷时段为 23:00–次日 7:00。',
      version: 2,
    });
    expect(corrected.json()).toMatchObject({
      status: 'published',
      version: 3,
      body: '更正：低谷时段为 23:00–次日 7:00。',
    });

    const withdrawn = await h().api(supervisor, 'POST', `/api/notices/${id}/withdraw`, {
      version: 3,
      reason: '政策暂缓执行',
    });
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      withdrawReason: '政策暂缓执行',
      current: false,
    });
    expect(await visibleTo('agent', t)).toEqual([]);
    const closed = await h().api(supervisor, 'PUT', `/api/notices/${id}`, { ...notice(t), version: 4 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('invalid_state');

    const audit = await h().db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'internal_notice' AND entity_id = $1 ORDER BY id`,
      [String(id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'notice.create',
      'notice.publish',
      'notice.update',
      'notice.withdraw',
    ]);
  });

  it('reaches only its audience: roles, and units above, at or below the addressed unit', async () => {
    const { branchIds, officeIds, officeBranch } = h().org;
    const branch1Office = officeIds.find((o) => officeBranch.get(o) === branchIds[0])!;
    const t = token();
    const forAgents = await publish('supervisor', notice(`${t}坐席`, { audienceRoles: ['cs_agent'] }));
    const forBranch1 = await publish(
      'supervisor',
      notice(`${t}东湖`, { audienceOrgUnitIds: [branchIds[0]] }),
    );
    const forOffice = await publish(
      'supervisor',
      notice(`${t}城东所`, { audienceOrgUnitIds: [branch1Office] }),
    );
    const forWestManagers = await publish(
      'supervisor',
      notice(`${t}西山经理`, { audienceRoles: ['account_manager'], audienceOrgUnitIds: [branchIds[1]] }),
    );
    const everyone = await publish('supervisor', notice(`${t}全员`));
    expect(forBranch1.audienceOrgUnits).toEqual([{ id: branchIds[0], name: '东湖区供电分公司' }]);

    const titles = (ns: NoticeBody[]) => ns.map((n) => n.title).sort();
    // The company-wide agent answers every branch's customers: unit notices below him reach him.
    expect((await visibleTo('agent', t)).sort()).toEqual(
      titles([forAgents, forBranch1, forOffice, everyone]),
    );
    // The branch-1 manager works in branch 1 (the addressed unit) and above its supply office.
    expect((await visibleTo('manager', t)).sort()).toEqual(titles([forBranch1, forOffice, everyone]));
    expect((await visibleTo('manager2', t)).sort()).toEqual(titles([forWestManagers, everyone]));
    expect((await visibleTo('west', t)).sort()).toEqual(titles([everyone]));
  });

  it('is current only inside its validity window', async () => {
    const t = token();
    await publish('supervisor', notice(`${t}未生效`, { validFrom: at(2), validTo: at(30) }));
    await publish('supervisor', notice(`${t}已过期`, { validFrom: at(-48), validTo: at(-1) }));
    await publish('supervisor', notice(`${t}长期`, { validFrom: at(-48), validTo: null }));
    await publish('supervisor', notice(`${t}有效`, { validFrom: at(-1), validTo: at(1) }));
    expect((await visibleTo('agent', t)).sort()).toEqual([`${t}有效`, `${t}长期`].sort());
    const managed = await h().api(
      await h().loginAs('supervisor'),
      'GET',
      `/api/notices/manage?q=${encodeURIComponent(t)}`,
    );
    const byTitle = Object.fromEntries(
      (managed.json().items as NoticeBody[]).map((n) => [n.title, n.current]),
    );
    expect(byTitle).toEqual({
      [`${t}未生效`]: false,
      [`${t}已过期`]: false,
      [`${t}长期`]: true,
      [`${t}有效`]: true,
    });
  });

  it('agents search title and body by Chinese text and kind, paged', async () => {
    const t = token();
    await publish('supervisor', notice(`${t}电价`, { kind: 'policy', body: '居民阶梯电价第二档标准调整' }));
    await publish(
      'supervisor',
      notice(`${t}停电`, { kind: 'fault_outage', body: '10kV 城东线故障，预计 18:00 恢复送电' }),
    );
    await publish(
      'supervisor',
      notice(`${t}系统`, { kind: 'system_change', body: '网上营业厅今晚 22:00 维护，暂停缴费' }),
    );
    const agent = await h().loginAs('agent');
    const search = async (qs: string) =>
      ((await h().api(agent, 'GET', `/api/notices?${qs}`)).json().items as NoticeBody[]).map((n) => n.title);
    expect(await search(`q=${encodeURIComponent('城东线故障')}`)).toEqual([`${t}停电`]);
    expect(await search(`q=${encodeURIComponent('阶梯电价')}`)).toContain(`${t}电价`);
    // Two characters are below a trigram; the search still finds them.
    expect(await search(`q=${encodeURIComponent('维护')}`)).toContain(`${t}系统`);
    expect(await search(`q=${encodeURIComponent(t)}&kind=fault_outage`)).toEqual([`${t}停电`]);
    expect(await search(`q=${encodeURIComponent('100%_')}`)).toEqual([]);
    const paged = (
      await h().api(agent, 'GET', `/api/notices?q=${encodeURIComponent(t)}&pageSize=2&page=2`)
    ).json();
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
  });

  it('publishers manage the notices of their own units; agents may not publish', async () => {
    const { branchIds } = h().org;
    const t = token();
    const east = await h().loginAs('east');
    const mine = await h().api(east, 'POST', '/api/notices', notice(`${t}东湖`));
    expect(mine.statusCode).toBe(201);
    expect(mine.json().publisherOrgUnitId).toBe(branchIds[0]);
    const other = await h().api(
      east,
      'POST',
      '/api/notices',
      notice(`${t}越权`, { publisherOrgUnitId: branchIds[1] }),
    );
    expect(other.statusCode).toBe(403);
    const westDraft = await h().api(await h().loginAs('west'), 'POST', '/api/notices', notice(`${t}西山`));
    const manage = async (username: string) =>
      (
        (
          await h().api(await h().loginAs(username), 'GET', `/api/notices/manage?q=${encodeURIComponent(t)}`)
        ).json().items as NoticeBody[]
      ).map((n) => n.title);
    expect(await manage('east')).toEqual([`${t}东湖`]);
    expect((await manage('supervisor')).sort()).toEqual([`${t}东湖`, `${t}西山`].sort());
    const byEast = await h().api(east, 'POST', `/api/notices/${westDraft.json().id}/publish`, { version: 1 });
    expect(byEast.statusCode).toBe(404);
    const drafts = (
      await h().api(east, 'GET', `/api/notices/manage?status=draft&q=${encodeURIComponent(t)}`)
    ).json();
    expect(drafts.total).toBe(1);

    const agent = await h().loginAs('agent');
    expect((await h().api(agent, 'POST', '/api/notices', notice(`${t}坐席`))).statusCode).toBe(403);
    expect((await h().api(agent, 'GET', '/api/notices/manage')).statusCode).toBe(403);
    expect((await h().api(agent, 'GET', '/api/notices/export.xlsx')).statusCode).toBe(403);
    expect((await h().app.inject({ method: 'GET', url: '/api/notices' })).statusCode).toBe(401);
  });

  it('exports the managed notices to Excel with Chinese headers', async () => {
    const t = token();
    await publish('supervisor', notice(`${t}导出`, { audienceRoles: ['cs_agent', 'supervisor'] }));
    const res = await h().api(
      await h().loginAs('admin'),
      'GET',
      `/api/notices/export.xlsx?q=${encodeURIComponent(t)}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(3).value).toBe('标题');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe(`${t}导出`);
    expect(sheet.getRow(2).getCell(4).value).toBe('已发布');
    expect(sheet.getRow(2).getCell(8).value).toBe('客服坐席、班长/主管');
  });

  it('answers bad input with 400 and field messages in the caller’s language', async () => {
    const admin = await h().loginAs('admin');
    const reversed = notice(token(), { validFrom: at(5), validTo: at(1) });
    const zh = await h().api(admin, 'POST', '/api/notices', reversed);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details).toEqual([{ path: 'body.validTo', message: '有效期止必须晚于有效期起' }]);
    const en = await h().api(admin, 'POST', '/api/notices', reversed, { 'accept-language': 'en-US' });
    expect(en.json().error.details[0].message).toBe('Valid-to must be after valid-from');
    const ghost = await h().api(
      admin,
      'POST',
      '/api/notices',
      notice(token(), { audienceOrgUnitIds: [999999] }),
    );
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().error.details).toEqual([
      { path: 'body.audienceOrgUnitIds.0', message: '受众单位不存在' },
    ]);
    const cases: ['GET' | 'POST' | 'PUT', string, unknown?][] = [
      ['GET', '/api/notices?kind=rumour'],
      ['GET', '/api/notices?pageSize=500'],
      ['GET', '/api/notices/manage?status=archived'],
      ['GET', '/api/notices/abc'],
      ['POST', '/api/notices', notice('x', { kind: 'gossip' })],
      ['POST', '/api/notices', notice('')],
      ['POST', '/api/notices', notice('x', { validFrom: 'tomorrow' })],
      ['POST', '/api/notices', notice('x', { audienceRoles: ['boss'] })],
      ['POST', '/api/notices', notice('x', { audienceOrgUnitIds: [0] })],
      ['PUT', '/api/notices/1', notice('x')],
      ['POST', '/api/notices/1/publish', {}],
      ['POST', '/api/notices/x/withdraw', { version: 1 }],
    ];
    for (const [method, url, body] of cases) {
      const res = await h().api(admin, method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 400 });
      expect(res.json().error.code).toBe('validation');
    }
  });
});
