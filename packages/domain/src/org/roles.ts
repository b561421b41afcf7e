// Roles of domain.md §1. A user may hold several, each scoped to an org unit and its descendants.
export const ROLES = [
  'admin',
  'supervisor',
  'cs_agent',
  'account_manager',
  'dept_staff',
  'field_crew',
  'inspector',
  'meter_reader',
  'billing_clerk',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'customer:read',
  'customer:write',
  'customer:import',
  'pii:view',
  'manager:assign',
  'manager:work',
  'org:admin',
  'user:admin',
  'audit:read',
  // Service centre (work orders, return visits, notices, notifications, reports).
  'workorder:create',
  'workorder:handle',
  'workorder:supervise',
  'notice:publish',
  'notification:admin',
  'report:read',
  // Admin-editable configuration: time limits, routing rules, calendar, norms, templates.
  'config:admin',
  // Metering and billing (meter-to-cash, domain.md §8–§10).
  'billing:read',
  'reading:write',
  'billing:run',
  'billing:approve',
  'tariff:admin',
  'payment:post',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Who may do what. PII is unmasked only for roles that must call or identify customers
// in person; agents see masked numbers and confirm them with the caller instead.
const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  supervisor: [
    'customer:read',
    'customer:write',
    'customer:import',
    'pii:view',
    'manager:assign',
    'manager:work',
    'audit:read',
    'workorder:create',
    'workorder:handle',
    'workorder:supervise',
    'notice:publish',
    'notification:admin',
    'report:read',
    'billing:read',
    'billing:approve',
  ],
  // Agents receive requests, answer on the spot and make the return visits.
  cs_agent: ['customer:read', 'workorder:create', 'workorder:handle', 'billing:read'],
  account_manager: [
    'customer:read',
    'customer:write',
    'pii:view',
    'manager:work',
    'workorder:create',
    'billing:read',
    'payment:post',
  ],
  // Department handlers take, handle and reply to dispatched orders and publish notices to the centre.
  dept_staff: ['customer:read', 'workorder:handle', 'notice:publish'],
  field_crew: ['customer:read', 'pii:view', 'workorder:handle'],
  inspector: ['customer:read'],
  meter_reader: ['customer:read', 'billing:read', 'reading:write'],
  // Billing clerks (核算收费员) read and check meters' readings, run bills, draft re-bills and post payments.
  billing_clerk: [
    'customer:read',
    'customer:write',
    'workorder:create',
    'billing:read',
    'reading:write',
    'billing:run',
    'payment:post',
  ],
  auditor: ['customer:read', 'audit:read', 'report:read', 'billing:read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const r of roles) for (const p of GRANTS[r] ?? []) set.add(p);
  return set;
}

export const ORG_UNIT_KINDS = ['company', 'branch', 'supply_office', 'business_hall', 'department'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const DEPARTMENT_KINDS = [
  'marketing',
  'service_centre',
  'planning',
  'production',
  'dispatch',
  'metering',
  'finance',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const AREA_CLASSES = ['urban', 'rural', 'remote'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

// Which kinds of unit may sit under which: company → branch → supply office / business hall; departments anywhere.
const ALLOWED_CHILDREN: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  company: ['branch', 'department', 'business_hall', 'supply_office'],
  branch: ['supply_office', 'business_hall', 'department'],
  supply_office: ['department'],
  business_hall: [],
  department: [],
};

export function canContain(parent: OrgUnitKind, child: OrgUnitKind): boolean {
  return ALLOWED_CHILDREN[parent].includes(child);
}
