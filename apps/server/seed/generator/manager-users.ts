// Account managers (客户经理): one per supply office (mgr_<office code>), plus the demo logins
// 'manager' and 'manager2', each with a manager card profile (domain.md §3).
import type { Db } from '../../src/platform/db/db';
import { hashPassword } from '../../src/platform/auth/passwords';
import { createUser, DEMO_PASSWORD, type OrgSeed } from '../org-seed';
import { personName } from './people';
import type { Rng } from './prng';
import type { OfficeUnit } from './topology';
import type { ManagerRef } from './managed-customers';

export interface Managers {
  byOffice: Map<number, ManagerRef>;
  /** branch id → demo manager login */
  demo: Map<number, ManagerRef>;
}

async function upsertProfile(
  db: Db,
  userId: number,
  phone: string,
  scope: string,
  title: string,
): Promise<void> {
  await db.query(
    `INSERT INTO manager_profiles(user_id, phone_24h, service_scope, title) VALUES ($1,$2,$3,$4)
     ON CONFLICT (user_id) DO NOTHING`,
    [userId, phone, scope, title],
  );
}

export async function createManagers(
  db: Db,
  org: OrgSeed,
  offices: OfficeUnit[],
  rng: Rng,
): Promise<Managers> {
  let passwordHash: string | null = null;
  const byOffice = new Map<number, ManagerRef>();
  let n = 0;
  for (const office of offices) {
    n++;
    const username = `mgr_${office.code.toLowerCase()}`;
    const name = personName(rng, rng.chance(0.6));
    const phone = `1387910${String(n).padStart(4, '0')}`;
    const existing = await db.query<{ id: number; display_name: string }>(
      'SELECT id, display_name FROM users WHERE username = $1',
      [username],
    );
    let id = existing.rows[0]?.id;
    if (!id) {
      passwordHash ??= await hashPassword(DEMO_PASSWORD);
      id = await createUser(db, {
        username,
        displayName: name,
        passwordHash,
        phone,
        roles: [{ role: 'account_manager', orgUnitId: office.id }],
      });
    }
    await upsertProfile(
      db,
      id,
      phone,
      `${office.name}辖区高压、重要、重点及VIP客户`,
      n % 3 === 1 ? '高级客户经理' : '客户经理',
    );
    byOffice.set(office.id, { id, name: existing.rows[0]?.display_name ?? name });
  }

  const demo = new Map<number, ManagerRef>();
  for (const [username, branchId] of [
    ['manager', org.branchIds[0]],
    ['manager2', org.branchIds[1]],
  ] as const) {
    const userId = org.userIds[username];
    if (!userId || !branchId) continue;
    const u = await db.query<{ display_name: string; phone: string | null; branch: string }>(
      `SELECT u.display_name, u.phone, o.name AS branch FROM users u, org_units o WHERE u.id = $1 AND o.id = $2`,
      [userId, branchId],
    );
    const row = u.rows[0];
    await upsertProfile(db, userId, row.phone ?? '13900000000', `${row.branch}辖区重点客户`, '客户经理');
    demo.set(branchId, { id: userId, name: row.display_name });
  }
  return { byOffice, demo };
}
