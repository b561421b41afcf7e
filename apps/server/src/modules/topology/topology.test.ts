import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import {
  buildCustomerInput,
  buildEnterpriseInput,
  createCustomerVia,
} from '../customers/customers.test-builders';

describeEachDatabase('grid topology', (h) => {
  let admin: string;
  let sub1: { id: number };
  let feeder1: { id: number };
  let area1: { id: number };
  let sub2: { id: number };

  beforeAll(async () => {
    admin = await h().loginAs('admin');
    const post = async (url: string, body: unknown) => {
      const res = await h().api(admin, 'POST', url, body);
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    sub1 = await post('/api/topology/substations', {
      orgUnitId: h().org.branchIds[0],
      code: 'SS-E1',
      name: '东湖110kV变电站',
    });
    feeder1 = await post('/api/topology/feeders', {
      substationId: sub1.id,
      code: 'F-E1',
      name: '10kV八一线',
    });
    area1 = await post('/api/topology/transformer-areas', {
      feederId: feeder1.id,
      code: 'TA-E1',
      name: '八一小区台区',
      capacityKva: 630,
    });
    await post('/api/topology/transformer-areas', {
      feederId: feeder1.id,
      code: 'TA-E2',
      name: '阳明路台区',
    });
    sub2 = await post('/api/topology/substations', {
      orgUnitId: h().org.branchIds[1],
      code: 'SS-W1',
      name: '西山35kV变电站',
      voltageKv: 35,
    });
  });

  it('creates substations, feeders and areas under the parent unit and audits them', async () => {
    const f = await h().db.query<{ org_unit_id: number }>(`SELECT org_unit_id FROM feeders WHERE id = $1`, [
      feeder1.id,
    ]);
    expect(f.rows[0].org_unit_id).toBe(h().org.branchIds[0]);
    const audit = await h().db.query(
      `SELECT 1 FROM audit_log WHERE entity = 'transformer_area' AND entity_id = $1`,
      [String(area1.id)],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('lists and searches within the caller scope only', async () => {
    const east = await h().loginAs('east');
    const subs = (await h().api(east, 'GET', '/api/topology/substations')).json();
    expect(subs.items.map((s: { code: string }) => s.code)).toEqual(['SS-E1']);
    const areas = (
      await h().api(
        east,
        'GET',
        `/api/topology/transformer-areas?feederId=${feeder1.id}&q=${encodeURIComponent('八一')}`,
      )
    ).json();
    expect(areas).toMatchObject({ total: 1, items: [{ id: area1.id, capacityKva: 630 }] });
    const feeders = (await h().api(east, 'GET', `/api/topology/feeders?substationId=${sub1.id}`)).json();
    expect(feeders.items.map((f: { id: number }) => f.id)).toEqual([feeder1.id]);
    const west = await h().loginAs('west');
    expect(
      (await h().api(west, 'GET', `/api/topology/feeders?substationId=${sub1.id}`)).json().items,
    ).toEqual([]);
  });

  it('lets only org admins add topology, and only into their scope', async () => {
    const east = await h().loginAs('east');
    const res = await h().api(east, 'POST', '/api/topology/substations', {
      orgUnitId: h().org.branchIds[0],
      code: 'SS-X',
      name: 'x',
    });
    expect(res.statusCode).toBe(403);
    const unknownParent = await h().api(admin, 'POST', '/api/topology/feeders', {
      substationId: 999999,
      code: 'F-X',
      name: 'x',
    });
    expect(unknownParent.statusCode).toBe(400);
    expect(unknownParent.json().error.details[0].path).toBe('body.substationId');
    const dupCode = await h().api(admin, 'POST', '/api/topology/substations', {
      orgUnitId: h().org.branchIds[0],
      code: 'SS-E1',
      name: '重复',
    });
    expect(dupCode.statusCode).toBe(409);
  });

  it('shows the tree with customer counts per area and direct HV customers per feeder', async () => {
    const lv = buildCustomerInput(h().org.officeIds[0]);
    lv.premises = [{ ...lv.premises![0], transformerAreaId: area1.id }];
    await createCustomerVia(h(), 'admin', lv);
    const lv2 = buildCustomerInput(h().org.officeIds[0]);
    lv2.premises = [{ ...lv2.premises![0], transformerAreaId: area1.id }];
    await createCustomerVia(h(), 'admin', lv2);
    const hv = buildEnterpriseInput(h().org.officeIds[0]);
    hv.premises = [{ ...hv.premises![0], feederId: feeder1.id }];
    await createCustomerVia(h(), 'admin', hv);

    const tree = (
      await h().api(await h().loginAs('east'), 'GET', `/api/topology/tree?orgUnitId=${h().org.branchIds[0]}`)
    ).json();
    expect(tree.truncated).toBe(false);
    expect(tree.substations).toHaveLength(1);
    const feeder = tree.substations[0].feeders[0];
    expect(feeder).toMatchObject({ id: feeder1.id, directCustomers: 1 });
    expect(feeder.areas.map((a: { code: string; customers: number }) => [a.code, a.customers])).toEqual([
      ['TA-E1', 2],
      ['TA-E2', 0],
    ]);
    const whole = (await h().api(admin, 'GET', '/api/topology/tree')).json();
    expect(whole.substations.map((s: { id: number }) => s.id)).toEqual([sub1.id, sub2.id]);
  });

  it('refuses a premise whose feeder does not carry its transformer area', async () => {
    const other = (
      await h().api(admin, 'POST', '/api/topology/feeders', {
        substationId: sub2.id,
        code: 'F-W1',
        name: '10kV梅岭线',
      })
    ).json();
    const input = buildCustomerInput(h().org.officeIds[0]);
    input.premises = [{ ...input.premises![0], transformerAreaId: area1.id, feederId: other.id }];
    const res = await h().api(admin, 'POST', '/api/customers', input);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.premises.0.feederId');
  });
});
