// Account-manager work for managed customers (domain.md §3): assignment, ledger, visit plans and
// visits (last month mostly done, some overdue; this month planned), and their timeline events.
import { businessDate, visitDueDate, visitIntervalMonths, type ImportanceTier } from '@gridcare/domain';
import { createRng, type Rng } from './prng';
import { NULL, type ChunkRows } from './tables';
import { DAYS, DAY_COUNT, daysInPeriod, pad2, shiftPeriod } from './dates';
import type { OfficeUnit } from './topology';

export interface ManagerRef {
  id: number;
  name: string;
}

/** Who manages a new customer: the office's manager, the demo managers for a few, nobody for ~2%. */
export class ManagerPicker {
  private readonly demoCount = new Map<number, number>();
  constructor(
    private readonly officeManagers: Map<number, ManagerRef>,
    /** branch id → demo manager, with the probability of picking them and a cap. */
    private readonly demoManagers: Map<number, { ref: ManagerRef; p: number; cap: number }>,
    private readonly unassignedRate = 0.02,
  ) {}

  pick(office: OfficeUnit, rng: Rng): ManagerRef | null {
    const r = rng.next();
    if (r < this.unassignedRate) return null;
    const demo = this.demoManagers.get(office.branchId);
    if (demo) {
      const n = this.demoCount.get(office.branchId) ?? 0;
      if (n < demo.cap && (r - this.unassignedRate) / (1 - this.unassignedRate) < demo.p) {
        this.demoCount.set(office.branchId, n + 1);
        return demo.ref;
      }
    }
    return this.officeManagers.get(office.id)!;
  }
}

export interface ManagedCursor {
  assignment: number;
  ledger: number;
  plan: number;
  visit: number;
  timeline: number;
}

export interface ManagedCustomer {
  customerId: number;
  orgId: number;
  manager: ManagerRef;
  createdAt: string;
  name: string;
  contactName: string;
  tier: ImportanceTier;
  vip: boolean;
  hv: boolean;
  personMale: boolean;
}

const FINDINGS = [
  '客户用电设备运行正常，无安全隐患',
  '配电房卫生良好，消防器材齐全',
  '发现电缆沟积水，已提醒客户整改',
  '客户反映电压偶有波动，已记录并转运检部门核查',
  '变压器负载率偏高，建议错峰生产',
  '客户对供电服务表示满意',
];
const NEEDS = [
  '计划明年扩建生产线，需增容约500kVA',
  '希望了解分时电价政策',
  '咨询电费发票电子化办理',
  '申请安装充电桩',
];
const FOLLOW_UPS = ['转运检部门核查电压质量', '提供增容报装流程资料', '下月复查整改情况'];

export class ManagedRows {
  private readonly rng: Rng;
  private readonly thisPeriod: string;
  private readonly today: string;

  constructor(
    seed: number,
    private readonly cursor: ManagedCursor,
    private readonly assignedBy: number,
    now: Date,
  ) {
    // A separate stream, so dates relative to today never shift the customers generated after.
    this.rng = createRng(seed ^ 0x5eed);
    this.today = businessDate(now);
    this.thisPeriod = this.today.slice(0, 7);
  }

  add(out: ChunkRows, c: ManagedCustomer): void {
    const rng = this.rng;
    const k = this.cursor;
    const m = c.manager;
    const assignedAt = `${DAYS[rng.int(DAY_COUNT - 700, DAY_COUNT - 40)]} 10:00:00+08`;
    out.manager_assignments.push(
      `${k.assignment++}\t${c.customerId}\t${c.orgId}\t${m.id}\t${assignedAt}\t${this.assignedBy}\t初始分配`,
    );
    out.timeline_events.push(
      `${k.timeline++}\t${c.customerId}\t${c.orgId}\t${c.createdAt}\tcustomer_created\t客户建档\t${NULL}\t${NULL}\t${NULL}\tcustomer\t${c.customerId}`,
    );
    out.timeline_events.push(
      `${k.timeline++}\t${c.customerId}\t${c.orgId}\t${assignedAt}\tmanager_assigned\t分配客户经理：${m.name}\t{"managerId":${m.id}}\t${this.assignedBy}\t系统管理员\tuser\t${m.id}`,
    );

    const year = Number(this.today.slice(0, 4));
    const ledger: [string, string, string][] = c.hv
      ? [
          [
            'production',
            '生产经营情况',
            `${rng.pick(['生产经营稳定', '订单充足，计划扩产', '季节性生产，淡季负荷下降约30%'])}，月均用电量约${rng.int(5, 400)}万千瓦时`,
          ],
          ['key_people', '关键人员', `法定代表人${c.contactName}；电气负责人持证上岗`],
          ['equipment', '设备情况', `受电变压器运行正常，预防性试验于${year - rng.int(0, 1)}年完成`],
          ['demand_outlook', '用电需求展望', `预计${year + 1}年新增负荷约${rng.int(1, 20) * 50}千瓦`],
        ]
      : [
          [
            'key_people',
            '关键人员',
            `联系人${c.contactName}，${c.personMale ? '先生' : '女士'}，习惯电话联系`,
          ],
          ['promise', '服务承诺', '计划停电前7天通知，并协助开展安全用电检查'],
        ];
    for (const [category, title, content] of ledger) {
      if (!rng.chance(0.7)) continue;
      out.ledger_entries.push(
        `${k.ledger++}\t${c.customerId}\t${c.orgId}\t${category}\t${title}\t${content}\t${m.id}\t${assignedAt}`,
      );
    }

    // Plans follow the visit interval: a customer visited every n months has a plan in one month of n.
    const interval = visitIntervalMonths({ importanceTier: c.tier, vip: c.vip, highVoltage: c.hv });
    const phase = c.customerId % interval;
    const todayDay = Number(this.today.slice(8, 10));
    for (let back = interval === 3 ? 2 : 1; back >= 0; back--) {
      if (interval > 1 && (back + phase) % interval !== 0) continue;
      const period = shiftPeriod(this.thisPeriod, -back);
      const current = back === 0;
      const done = current ? todayDay > 1 && rng.chance(0.3) : rng.chance(back === 1 ? 0.8 : 0.95);
      const planId = k.plan++;
      let visitId: number | null = null;
      if (done) {
        visitId = k.visit++;
        const day = rng.int(1, current ? todayDay - 1 : daysInPeriod(period));
        const visitedAt = `${period}-${pad2(day)} ${pad2(rng.int(9, 16))}:${pad2(rng.int(0, 59))}:00+08`;
        const needs = rng.chance(0.4) ? rng.pick(NEEDS) : NULL;
        out.visits.push(
          `${visitId}\t${c.customerId}\t${c.orgId}\t${m.id}\t${planId}\t${visitedAt}\t${c.contactName}\t${rng.pick(FINDINGS)}\t${needs}\t${needs !== NULL ? rng.pick(FOLLOW_UPS) : NULL}`,
        );
        out.timeline_events.push(
          `${k.timeline++}\t${c.customerId}\t${c.orgId}\t${visitedAt}\tvisit_recorded\t客户经理走访\t${NULL}\t${m.id}\t${m.name}\tvisit\t${visitId}`,
        );
      }
      out.visit_plans.push(
        `${planId}\t${c.customerId}\t${c.orgId}\t${m.id}\t${period}\t${visitDueDate(period)}\t${done ? 'done' : 'planned'}\t${visitId ?? NULL}`,
      );
    }
  }
}
