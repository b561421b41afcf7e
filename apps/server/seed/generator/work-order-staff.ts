// The people who work generated orders: agents of the service centre (受理, 回访, 归档) and handlers of
// each receiving unit (接单, 处理, 答复). The demo logins come first — 'agent', and 'marketing', 'ops',
// 'planning', 'crew' for their units — so their queues have content; units without a login get one
// (crew_<office code>, staff_<department code>), and big loads add colleagues (agent_002, ops_002, …)
// so that one person holds a realistic queue rather than tens of thousands of orders.
import type { Db } from '../../src/platform/db/db';
import { hashPassword } from '../../src/platform/auth/passwords';
import { createUser, DEMO_PASSWORD } from '../org-seed';
import type { Role } from '@gridcare/domain';
import { personName } from './people';
import type { Rng } from './prng';
import type { OrgMap, UnitRow } from './work-order-org';

export interface Actor {
  id: number;
  name: string;
}

export interface Staff {
  agents: Actor[];
  /** receiving unit id → its handlers */
  handlers: Map<number, Actor[]>;
}

/** Open orders one person is expected to hold at most, for sizing the pools of big loads. */
const OPEN_ORDERS_PER_PERSON = 40;
const HISTORICAL_ORDERS_PER_AGENT = 20_000;

/** Rough share of the open orders each kind of receiving unit holds (type mix × routing rules). */
function expectedShare(u: UnitRow, offices: number): number {
  if (u.kind === 'supply_office') return 0.3 / Math.max(1, offices);
  switch (u.dept_kind) {
    case 'marketing':
      return 0.6;
    case 'production':
      return 0.03;
    case 'metering':
      return 0.03;
    case 'planning':
      return 0.01;
    default:
      return 0.01;
  }
}

const DEMO_HANDLER_BY_UNIT_CODE: Record<string, string> = {
  'D-MKT': 'marketing',
  'D-OPS': 'ops',
  'D-PLN': 'planning',
  'B01-S1': 'crew',
};

class UserMaker {
  private hash: string | null = null;
  constructor(
    private readonly db: Db,
    private readonly rng: Rng,
  ) {}

  async find(username: string): Promise<Actor | null> {
    const r = await this.db.query<{ id: number; display_name: string }>(
      'SELECT id, display_name FROM users WHERE username = $1',
      [username],
    );
    return r.rows[0] ? { id: r.rows[0].id, name: r.rows[0].display_name } : null;
  }

  async findOrCreate(username: string, role: Role, unitId: number, title: string): Promise<Actor> {
    const found = await this.find(username);
    if (found) return found;
    this.hash ??= await hashPassword(DEMO_PASSWORD);
    const name = `${personName(this.rng, this.rng.chance(0.55))}（${title}）`;
    const id = await createUser(this.db, {
      username,
      displayName: name,
      passwordHash: this.hash,
      roles: [{ role, orgUnitId: unitId }],
    });
    return { id, name };
  }
}

const pad3 = (n: number) => String(n).padStart(3, '0');

export async function prepareStaff(
  db: Db,
  org: OrgMap,
  rng: Rng,
  volume: { historical: number; open: number },
): Promise<Staff> {
  const maker = new UserMaker(db, rng);
  // Agents, like the demo 'agent', see the whole company: the orders they accept and visit are everyone's.
  const company = org.units.find((u) => u.parent_id === null)!;

  const agentCount = Math.min(
    60,
    Math.max(1, Math.ceil((volume.historical + volume.open) / HISTORICAL_ORDERS_PER_AGENT)),
  );
  const agents: Actor[] = [];
  const demoAgent = await maker.find('agent');
  if (demoAgent) agents.push(demoAgent);
  for (let n = agents.length + 1; agents.length < agentCount; n++)
    agents.push(await maker.findOrCreate(`agent_${pad3(n)}`, 'cs_agent', company.id, '客服坐席'));

  const offices = org.supplyOffices.length;
  const handlers = new Map<number, Actor[]>();
  const receiving = org.units.filter(
    (u) =>
      u.active &&
      (u.kind === 'supply_office' ||
        (u.kind === 'department' &&
          ['marketing', 'production', 'planning', 'metering'].includes(u.dept_kind!))),
  );
  for (const u of receiving) {
    const office = u.kind === 'supply_office';
    const role: Role = office ? 'field_crew' : 'dept_staff';
    const title = office ? `${u.name}抢修班` : `${u.name}工单处理员`;
    const base = DEMO_HANDLER_BY_UNIT_CODE[u.code] ?? `${office ? 'crew' : 'staff'}_${u.code.toLowerCase()}`;
    const size = Math.min(
      200,
      Math.max(1, Math.ceil((volume.open * expectedShare(u, offices)) / OPEN_ORDERS_PER_PERSON)),
    );
    const pool: Actor[] = [await maker.findOrCreate(base, role, u.id, title)];
    for (let n = 2; n <= size; n++)
      pool.push(await maker.findOrCreate(`${base}_${pad3(n)}`, role, u.id, title));
    handlers.set(u.id, pool);
  }
  return { agents, handlers };
}
