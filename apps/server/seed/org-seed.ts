// The demo company's organisation tree and staff logins. Deterministic: same input, same rows.
import type { Db } from '../src/platform/db/db';
import { hashPassword } from '../src/platform/auth/passwords';
import type { Role } from '@gridcare/domain';

export interface OrgSeed {
  companyId: number;
  branchIds: number[];
  officeIds: number[];
  /** supply office id → its branch id */
  officeBranch: Map<number, number>;
  userIds: Record<string, number>;
}

export const DEMO_PASSWORD = 'GridCare@2026';

const BRANCHES = [
  {
    code: 'B01',
    name: '东湖区供电分公司',
    en: 'Donghu District Branch',
    offices: ['城东供电所', '城北供电所', '湖滨供电所'],
    area: 'urban',
  },
  {
    code: 'B02',
    name: '西山区供电分公司',
    en: 'Xishan District Branch',
    offices: ['西山供电所', '梅岭供电所'],
    area: 'rural',
  },
  {
    code: 'B03',
    name: '南岭县供电公司',
    en: 'Nanling County Branch',
    offices: ['南岭供电所', '石门供电所', '云峰供电所'],
    area: 'remote',
  },
] as const;

const DEPARTMENTS = [
  { code: 'D-MKT', name: '营销部', en: 'Marketing', dept: 'marketing' },
  { code: 'D-CSC', name: '客户服务中心', en: 'Customer Service Centre', dept: 'service_centre' },
  { code: 'D-PLN', name: '发展策划部', en: 'Planning', dept: 'planning' },
  { code: 'D-OPS', name: '运维检修部', en: 'Production', dept: 'production' },
  { code: 'D-DSP', name: '调度控制中心', en: 'Dispatch', dept: 'dispatch' },
  { code: 'D-MTR', name: '计量中心', en: 'Metering Centre', dept: 'metering' },
  { code: 'D-FIN', name: '财务部', en: 'Finance', dept: 'finance' },
] as const;

async function insertUnit(
  db: Db,
  u: {
    parentId: number | null;
    parentPath: string;
    code: string;
    name: string;
    nameEn: string;
    kind: string;
    dept?: string;
    area?: string;
  },
): Promise<{ id: number; path: string }> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO org_units(parent_id, code, name, name_en, kind, dept_kind, area_class)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [u.parentId, u.code, u.name, u.nameEn, u.kind, u.dept ?? null, u.area ?? null],
  );
  const id = r.rows[0].id;
  const path = `${u.parentPath}${id}/`;
  await db.query(`UPDATE org_units SET path = $2 WHERE id = $1`, [id, path]);
  return { id, path };
}

export async function createUser(
  db: Db,
  u: {
    username: string;
    displayName: string;
    password?: string;
    phone?: string;
    email?: string;
    roles: { role: Role; orgUnitId: number }[];
    passwordHash?: string;
  },
): Promise<number> {
  const passwordHash = u.passwordHash ?? (await hashPassword(u.password ?? DEMO_PASSWORD));
  const r = await db.query<{ id: number }>(
    `INSERT INTO users(username, display_name, password_hash, phone, email) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [u.username, u.displayName, passwordHash, u.phone ?? null, u.email ?? null],
  );
  const id = r.rows[0].id;
  for (const role of u.roles) {
    await db.query(`INSERT INTO user_roles(user_id, role, org_unit_id) VALUES ($1,$2,$3)`, [
      id,
      role.role,
      role.orgUnitId,
    ]);
  }
  return id;
}

export const DEMO_LOGINS = [
  { username: 'admin', role: 'admin', scope: 'company', zh: '系统管理员' },
  { username: 'supervisor', role: 'supervisor', scope: 'company', zh: '客服班长（全市）' },
  { username: 'agent', role: 'cs_agent', scope: 'company', zh: '客服坐席' },
  { username: 'manager', role: 'account_manager', scope: 'branch1', zh: '客户经理（东湖区）' },
  { username: 'manager2', role: 'account_manager', scope: 'branch2', zh: '客户经理（西山区）' },
  { username: 'east', role: 'supervisor', scope: 'branch1', zh: '东湖区营销主管' },
  { username: 'west', role: 'supervisor', scope: 'branch2', zh: '西山区营销主管' },
  { username: 'auditor', role: 'auditor', scope: 'company', zh: '审计员' },
  // Department handlers and a repair crew: they receive the work orders the service centre dispatches.
  { username: 'marketing', role: 'dept_staff', scope: 'D-MKT', zh: '营销部工单处理员' },
  { username: 'ops', role: 'dept_staff', scope: 'D-OPS', zh: '运维检修部工单处理员' },
  { username: 'planning', role: 'dept_staff', scope: 'D-PLN', zh: '发展策划部工单处理员' },
  { username: 'crew', role: 'field_crew', scope: 'office1', zh: '供电所抢修班（东湖区第一供电所）' },
  // Meter-to-cash: a billing clerk and a meter reader for the whole company.
  { username: 'billing', role: 'billing_clerk', scope: 'company', zh: '核算收费员' },
  { username: 'reader', role: 'meter_reader', scope: 'company', zh: '抄表员' },
] as const;

export async function seedOrganisation(db: Db): Promise<OrgSeed> {
  const company = await insertUnit(db, {
    parentId: null,
    parentPath: '/',
    code: 'C01',
    name: '国网示例市供电公司',
    nameEn: 'Demo City Power Supply Company',
    kind: 'company',
  });
  const departmentIds: Record<string, number> = {};
  for (const d of DEPARTMENTS) {
    departmentIds[d.code] = (
      await insertUnit(db, {
        parentId: company.id,
        parentPath: company.path,
        code: d.code,
        name: d.name,
        nameEn: d.en,
        kind: 'department',
        dept: d.dept,
      })
    ).id;
  }
  const branchIds: number[] = [];
  const officeIds: number[] = [];
  const officeBranch = new Map<number, number>();
  for (const b of BRANCHES) {
    const branch = await insertUnit(db, {
      parentId: company.id,
      parentPath: company.path,
      code: b.code,
      name: b.name,
      nameEn: b.en,
      kind: 'branch',
    });
    branchIds.push(branch.id);
    await insertUnit(db, {
      parentId: branch.id,
      parentPath: branch.path,
      code: `${b.code}-H1`,
      name: b.name.replace(/供电.*$/, '') + '营业厅',
      nameEn: `${b.en} Business Hall`,
      kind: 'business_hall',
    });
    let i = 1;
    for (const o of b.offices) {
      const office = await insertUnit(db, {
        parentId: branch.id,
        parentPath: branch.path,
        code: `${b.code}-S${i}`,
        name: o,
        nameEn: `${b.en} Supply Office ${i}`,
        kind: 'supply_office',
        area: b.area,
      });
      officeIds.push(office.id);
      officeBranch.set(office.id, branch.id);
      i++;
    }
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const scopeId: Record<(typeof DEMO_LOGINS)[number]['scope'], number> = {
    company: company.id,
    branch1: branchIds[0],
    branch2: branchIds[1],
    office1: officeIds[0],
    'D-MKT': departmentIds['D-MKT'],
    'D-OPS': departmentIds['D-OPS'],
    'D-PLN': departmentIds['D-PLN'],
  };
  const userIds: Record<string, number> = {};
  let n = 0;
  for (const l of DEMO_LOGINS) {
    n++;
    userIds[l.username] = await createUser(db, {
      username: l.username,
      displayName: l.zh,
      passwordHash,
      phone: `1390000${String(n).padStart(4, '0')}`,
      roles: [{ role: l.role, orgUnitId: scopeId[l.scope] }],
    });
  }
  return { companyId: company.id, branchIds, officeIds, officeBranch, userIds };
}
