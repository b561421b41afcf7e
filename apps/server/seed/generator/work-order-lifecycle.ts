// The story of one generated order: who calls about what, through which channel, and how the centre and
// the receiving unit work it — as a list of timed steps that OrderSim then plays. Historical orders run to
// the end (closed after a return visit, closed by the agent, answered on the spot, or merged as a
// duplicate) before `now`; open orders stop at the stage their plan drew. Step gaps are realistic
// (crews in minutes, departments in working hours, visits within two working days) with a tail of late
// ones, so a few per cent of the clocks breach; a plan that would not fit before `now` is compressed.
import {
  escalationDepartment,
  limitsFor,
  type AreaClass,
  type ReturnVisitOutcome,
  type WorkOrderType,
} from '@gridcare/domain';
import { weighted, type Rng } from './prng';
import { personName } from './people';
import type { Caller } from './work-order-customers';
import type { OrgMap, UnitRow } from './work-order-org';
import { OrderSim } from './work-order-sim';
import type { Actor, Staff } from './work-order-staff';
import type { ClockMath } from './clock-instants';
import {
  CHANNEL_MIX,
  CLOSE_NOTES,
  CONTACT_NOTES,
  HANDLE_NOTES,
  PAUSE_REASONS,
  SEND_BACK_REASONS,
  TEXTS,
  TYPE_MIX,
  VISIT_NOTES,
  type SubCategoryText,
} from './work-order-texts';

const MIN = 60_000;
const HOUR = 60 * MIN;

export type OpenStage = 'accepted' | 'dispatched' | 'taken' | 'handled' | 'replied';

export interface OpenFate {
  type: WorkOrderType;
  /** A given sub-category (else drawn by weight). */
  sub?: string;
  stage: OpenStage;
  paused: boolean;
}

export interface LifecycleContext {
  rng: Rng;
  org: OrgMap;
  staff: Staff;
  math: ClockMath;
  now: number;
  offices: UnitRow[];
  pickCaller(): Promise<Caller | null>;
  /** The next order id and case number for an order accepted at `t`. */
  allocate(t: number): { id: number; caseNo: string };
  sweepDelay(): number;
}

/** An order that can be urged (催办) while it is being worked. */
interface UrgeTarget {
  id: number;
  caseNo: string;
  title: string;
  caller: Caller | null;
  orgUnitId: number;
  from: number;
  until: number;
}

const VISIT_OUTCOMES: readonly (readonly [ReturnVisitOutcome, number])[] = [
  ['satisfied', 78],
  ['basically_satisfied', 13],
  ['unsatisfied', 2.5],
  ['unreachable', 6.5],
];

const ON_SPOT_SHARE: Partial<Record<WorkOrderType, number>> = {
  consultation: 0.72,
  query: 0.75,
  suggestion: 0.35,
  praise: 0.4,
};

function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

/** A step of the plan: when, and what it does to the order. */
interface Step {
  at: number;
  run: (o: OrderSim, at: number) => void;
}

export class Lifecycle {
  private readonly urgeTargets: UrgeTarget[] = [];

  constructor(private readonly c: LifecycleContext) {}

  private handlerOf(unitId: number | null): Actor {
    const pool = (unitId !== null && this.c.staff.handlers.get(unitId)) || this.c.staff.agents;
    return this.c.rng.pick(pool);
  }

  private agent(): Actor {
    return this.c.rng.pick(this.c.staff.agents);
  }

  /** `minutes` of a department's working time after t (handlers work office hours). */
  private working(t: number, minutes: number): number {
    return this.c.math.afterWorkingMinutes(t, minutes);
  }

  /** Mostly `lo`–`hi`, with a tail of late ones (× 2–6). */
  private gap(lo: number, hi: number, lateShare = 0.05): number {
    const r = this.c.rng;
    const base = lo + r.next() * r.next() * (hi - lo);
    return r.chance(lateShare) ? base * (2 + r.next() * 4) : base;
  }

  private fill(text: string, caller: Caller | null, t: number): string {
    const r = this.c.rng;
    const month = new Date(t - 20 * 86_400_000).getUTCMonth() + 1;
    const local = new Date(t - r.int(5, 90) * MIN + 8 * HOUR);
    return text
      .replaceAll('{addr}', caller?.address ?? '客户所在小区')
      .replaceAll('{acct}', caller?.accountNo ?? '（未提供）')
      .replaceAll('{month}', `${month}月`)
      .replaceAll('{amount}', (r.int(6_000, 90_000) / 100).toFixed(2))
      .replaceAll('{time}', `${local.getUTCHours()}点${String(local.getUTCMinutes()).padStart(2, '0')}分`);
  }

  /** One slot of the day plan: an order (two when a duplicate is merged into it). */
  async build(t0: number, openFate: OpenFate | null, companions = true): Promise<OrderSim[]> {
    let fate = openFate;
    const r = this.c.rng;
    let type = fate?.type ?? weighted(r, TYPE_MIX);
    let urge: UrgeTarget | null = null;
    if (type === 'urge') {
      urge = this.findUrgeTarget(t0);
      if (!urge) type = 'consultation';
    }
    const anonymous = type === 'report' ? r.chance(0.7) : !urge && r.chance(0.07);
    const caller = urge ? urge.caller : anonymous ? null : await this.c.pickCaller();
    const order = this.newOrder(t0, type, caller, urge, fate?.sub);
    // An order that needs no return visit is closed once answered: it is never left open at 'replied'.
    if (fate?.stage === 'replied' && !order.o.returnVisitRequired) fate = { ...fate, stage: 'handled' };
    const out = [order];
    const onSpot = !fate && r.chance(ON_SPOT_SHARE[type] ?? 0);
    const centre = this.c.org.serviceCentreOf(order.o.orgUnitId);
    order.accept(centre, onSpot);
    if (onSpot) {
      order.answerOnSpot(this.fill(r.pick(this.textOf(order).replies), caller, t0));
    } else {
      const route = this.c.org.route({
        type,
        subCategory: order.o.subCategory,
        orgUnitId: order.o.orgUnitId,
        areaClass: order.o.areaClass,
        tier: order.o.customerTier,
      });
      if (route.unitId !== null) order.autoDispatch({ unitId: route.unitId, ruleId: route.ruleId });
      const steps = this.plan(order, fate, centre);
      const bound = fate ? this.c.now : this.c.now - MIN;
      this.fit(steps, t0, bound);
      for (const s of steps) s.run(order, s.at);
      if (!fate && companions && type === 'fault_repair' && r.chance(0.015)) {
        const dup = this.duplicateOf(order);
        if (dup) out.push(dup);
      }
      if (!fate && order.repliedAt && ['fault_repair', 'complaint', 'application'].includes(type))
        this.rememberForUrge(order, caller);
    }
    for (const o of out) o.finish(this.c.now);
    return out;
  }

  private textOf(o: OrderSim): SubCategoryText {
    return TEXTS[o.o.type].find((x) => x.sub === o.o.subCategory) ?? TEXTS[o.o.type][0];
  }

  private newOrder(
    t0: number,
    type: WorkOrderType,
    caller: Caller | null,
    urge: UrgeTarget | null,
    sub?: string,
  ): OrderSim {
    const r = this.c.rng;
    const text =
      TEXTS[type].find((x) => sub !== undefined && x.sub === sub) ??
      weighted(
        r,
        TEXTS[type].map((x) => [x, x.weight] as const),
      );
    const office = caller ? null : r.pick(this.c.offices);
    const orgUnitId = urge?.orgUnitId ?? caller?.orgUnitId ?? office!.id;
    const areaClass = caller
      ? (caller.areaClass ?? this.c.org.byId.get(caller.orgUnitId)?.area_class ?? null)
      : (office!.area_class ?? null);
    let channel =
      type === 'fault_repair'
        ? weighted(r, [
            ['phone', 90],
            ['wechat', 8],
            ['portal', 2],
          ] as const)
        : weighted(r, CHANNEL_MIX);
    if (channel === 'account_manager' && (!caller || caller.person)) channel = 'phone';
    const phone = caller?.phone && r.chance(0.85) ? caller.phone : mobile(r);
    const callerName = caller
      ? caller.person
        ? caller.name
        : personName(r, r.chance(0.6))
      : r.chance(0.5)
        ? personName(r, r.chance(0.6))
        : null;
    const { versionId, rules } = this.c.org.limitsAt(t0);
    const limits = limitsFor(
      { type, subCategory: text.sub, areaClass: areaClass as AreaClass | null },
      rules,
    );
    const title = urge ? `催办：${urge.title}` : r.pick(text.titles);
    const description = urge
      ? `客户来电催促工单 ${urge.caseNo} 的处理进度，要求尽快答复。`
      : this.fill(r.pick(text.descriptions), caller, t0);
    const { id, caseNo } = this.c.allocate(t0);
    return new OrderSim(
      id,
      caseNo,
      {
        type,
        subCategory: text.sub,
        channel,
        title,
        description,
        urgent: type === 'fault_repair' ? r.chance(0.2) : r.chance(0.02),
        customerId: caller?.id ?? null,
        premiseId: caller && type === 'fault_repair' ? caller.premiseId : null,
        accountNo: caller && channel !== 'counter' ? caller.accountNo : null,
        callerName,
        callerPhone: channel === 'phone' || channel === 'sms' ? phone : null,
        contactPhone: phone,
        orgUnitId,
        areaClass,
        customerTier: caller?.tier ?? null,
        timeLimitVersionId: versionId,
        limits,
        parentId: urge?.id ?? null,
        // Required exactly when the order's time-limit version has a return-visit limit for it.
        returnVisitRequired: limits.return_visit !== undefined,
      },
      t0,
      this.agent(),
      this.c.math,
      this.c.sweepDelay,
    );
  }

  // --- Plans ----------------------------------------------------------------------------------------------
  private plan(o: OrderSim, fate: OpenFate | null, centre: number): Step[] {
    const r = this.c.rng;
    const steps: Step[] = [];
    let t = o.acceptedAt;
    const at = (next: number, run: Step['run']) => {
      t = Math.floor(next); // whole milliseconds, as timestamptz stores them
      steps.push({ at: t, run });
    };
    const stage = fate?.stage;
    const fault = o.o.type === 'fault_repair';
    const unit = () => o.assignedUnitId;

    // Wrong routing: sent back and dispatched again (open orders at 'accepted' stop after the send-back).
    if (stage === 'accepted' || (!fate && !fault && r.chance(0.02))) {
      const from = unit();
      at(this.working(t, this.gap(20, 240)), (x, when) =>
        x.sendBack(when, this.handlerOf(from), centre, r.pick(SEND_BACK_REASONS)),
      );
      if (stage === 'accepted') return steps;
      const other =
        this.c.org.byId.get(from ?? -1)?.dept_kind === 'marketing'
          ? (this.c.org.nearestDepartment(o.o.orgUnitId, 'production') ?? from!)
          : (this.c.org.nearestDepartment(o.o.orgUnitId, 'marketing') ?? from!);
      at(this.working(t, this.gap(10, 120)), (x, when) =>
        x.dispatch(when, this.agent(), other, '退单后重新派发'),
      );
    }
    if (stage === 'dispatched') {
      if (fate!.paused)
        at(t + this.gap(5, 120) * MIN, (x, when) =>
          x.pause(when, this.handlerOf(unit()), r.pick(PAUSE_REASONS)),
        );
      return steps;
    }
    this.round(o, at, () => t, fate, centre);
    return steps;
  }

  /** take → (contact / arrive / restore) → handle → reply → visit or close; `fate` stops it early. */
  private round(
    o: OrderSim,
    at: (next: number, run: Step['run']) => void,
    now: () => number,
    fate: OpenFate | null,
    centre: number,
  ): void {
    const r = this.c.rng;
    const type = o.o.type;
    const fault = type === 'fault_repair';
    const stage = fate?.stage;
    let handler: Actor | null = null;
    at(fault ? now() + this.gap(2, 15, 0.02) * MIN : this.working(now(), this.gap(10, 240)), (x, when) => {
      handler = this.handlerOf(x.assignedUnitId);
      x.take(when, handler);
    });
    const by = () => handler!;
    const limitMinutes = (kind: 'arrival' | 'restoration') => {
      const l = o.o.limits[kind];
      return l ? (l.unit === 'calendar_hours' ? l.amount * 60 : l.amount) : 60;
    };
    if (fault) {
      // A crew is on site within its limit mostly: an open repair older than half an hour has arrived.
      const age = this.c.now - o.acceptedAt;
      const milestones = stage !== 'taken' ? 2 : age < 30 * MIN ? 0 : r.chance(0.9) ? 1 : 0;
      if (milestones >= 1)
        at(o.acceptedAt + this.gap(15, limitMinutes('arrival') * 0.85, 0.04) * MIN, (x, when) =>
          x.note(when, by(), '抢修人员已到达现场', { milestone: 'arrived', notify: true }),
        );
      if (milestones >= 2)
        at(now() + this.gap(20, limitMinutes('restoration') * 0.7, 0.03) * MIN, (x, when) =>
          x.note(when, by(), '故障已排除，恢复送电', { milestone: 'restored', notify: true }),
        );
    } else if (type === 'complaint' && (stage !== 'taken' || r.chance(0.6))) {
      at(this.working(now(), this.gap(30, 400, 0.06)), (x, when) =>
        x.note(when, by(), r.pick(CONTACT_NOTES), { contacted: true }),
      );
    }
    const pausable = !fault && (fate ? fate.paused : r.chance(0.03));
    if (pausable && (stage === 'taken' || !fate)) {
      at(this.working(now(), this.gap(20, 300)), (x, when) => x.pause(when, by(), r.pick(PAUSE_REASONS)));
      if (fate) return;
      at(now() + this.gap(6, 72) * HOUR, (x, when) => x.resume(when, by(), '客户已补充资料，恢复处理'));
    }
    if (stage === 'taken') return;
    const handleMinutes =
      type === 'fault_repair'
        ? 0
        : type === 'consultation' || type === 'query' || type === 'urge'
          ? this.gap(30, 300, 0.05)
          : type === 'complaint'
            ? this.gap(240, 1800, 0.08)
            : this.gap(240, 1500, 0.06);
    at(fault ? now() + r.int(2, 15) * MIN : this.working(now(), handleMinutes), (x, when) =>
      x.handle(when, by(), r.pick(HANDLE_NOTES)),
    );
    if (stage === 'handled') {
      if (fate!.paused)
        at(now() + this.gap(5, 120) * MIN, (x, when) => x.pause(when, by(), r.pick(PAUSE_REASONS)));
      return;
    }
    const reply = this.fill(r.pick(this.textOf(o).replies), null, o.acceptedAt);
    at(fault ? now() + r.int(1, 30) * MIN : this.working(now(), this.gap(5, 120)), (x, when) =>
      x.reply(when, by(), reply),
    );
    if (stage === 'replied') {
      if (r.chance(0.15))
        at(this.working(now(), this.gap(60, 400)), (x, when) =>
          x.returnVisit(when, this.agent(), 'unreachable', 'phone', r.pick(VISIT_NOTES.unreachable)),
        );
      return;
    }
    if (!o.o.returnVisitRequired) {
      at(this.working(now(), this.gap(5, 240)), (x, when) =>
        x.close(when, this.agent(), r.pick(CLOSE_NOTES)),
      );
      return;
    }
    this.visits(o, at, now, centre);
  }

  private visits(
    o: OrderSim,
    at: (next: number, run: Step['run']) => void,
    now: () => number,
    centre: number,
  ): void {
    const r = this.c.rng;
    let outcome = weighted(r, VISIT_OUTCOMES);
    if (o.reopenCount > 0 && outcome === 'unsatisfied') outcome = 'satisfied';
    at(this.working(now(), this.gap(30, 600, 0.05)), (x, when) => {
      const agent = this.agent();
      const first = outcome;
      let result = x.returnVisit(when, agent, first, 'phone', r.pick(VISIT_NOTES[first]));
      // Unreachable: tried again on the following working days (at most three days, then it is given up).
      let tries = when;
      for (let n = 0; result === 'retry'; n++) {
        let next = this.working(tries, 480 + r.int(0, 240));
        if (next >= this.c.now - MIN) next = tries + Math.floor((this.c.now - MIN - tries) / 2);
        tries = next;
        const again: ReturnVisitOutcome =
          n >= 3 || r.chance(0.6) ? weighted(r, VISIT_OUTCOMES.slice(0, 2)) : 'unreachable';
        result = x.returnVisit(
          tries,
          agent,
          again,
          r.chance(0.8) ? 'phone' : 'sms',
          r.pick(VISIT_NOTES[again]),
        );
      }
      if (result === 'reopened') this.reopenRound(x, tries, agent, centre);
    });
  }

  /** Unsatisfied: back to the leading department (dispatchAfterReopen) and worked once more, right away. */
  private reopenRound(o: OrderSim, t: number, agent: Actor, centre: number): void {
    const target =
      (o.o.type === 'complaint'
        ? this.c.org.nearestDepartment(o.o.orgUnitId, escalationDepartment(o.o.subCategory))
        : null) ??
      this.c.org.route({
        type: o.o.type,
        subCategory: o.o.subCategory,
        orgUnitId: o.o.orgUnitId,
        areaClass: o.o.areaClass,
        tier: o.o.customerTier,
      }).unitId;
    if (target === null) return;
    o.dispatch(t, agent, target, '不满意重开，升级处理');
    const steps: Step[] = [];
    let cursor = t;
    const at = (next: number, run: Step['run']) => {
      cursor = Math.floor(next);
      steps.push({ at: cursor, run });
    };
    this.round(o, at, () => cursor, null, centre);
    this.fit(steps, t, this.c.now - MIN);
    for (const s of steps) s.run(o, s.at);
  }

  /** Compresses a plan that would end after `bound` into the time between `from` and `bound`. */
  private fit(steps: Step[], from: number, bound: number): void {
    let last = from;
    for (const s of steps) {
      s.at = Math.max(s.at, last); // steps never go back in time
      last = s.at;
    }
    if (last < bound || steps.length === 0) return;
    const room = Math.max(0, bound - from) * (0.5 + 0.48 * this.c.rng.next());
    const scale = room / Math.max(1, last - from);
    for (const s of steps) s.at = from + Math.floor((s.at - from) * scale);
  }

  // --- Companions -----------------------------------------------------------------------------------------
  /** A second call about the same fault, merged into the first by the agent (合并). */
  private duplicateOf(first: OrderSim): OrderSim | null {
    const r = this.c.rng;
    const restored = first.handledAt ?? first.acceptedAt + HOUR;
    const t0 = first.acceptedAt + r.int(3, 25) * MIN;
    const merged = t0 + r.int(2, 15) * MIN;
    if (merged >= restored || merged >= this.c.now) return null;
    const { id, caseNo } = this.c.allocate(t0);
    const dup = new OrderSim(
      id,
      caseNo,
      { ...first.o, title: `重复报修：${first.o.title}`, urgent: false },
      t0,
      this.agent(),
      this.c.math,
      this.c.sweepDelay,
    );
    dup.accept(this.c.org.serviceCentreOf(first.o.orgUnitId), false);
    const route = this.c.org.route({
      type: first.o.type,
      subCategory: first.o.subCategory,
      orgUnitId: first.o.orgUnitId,
      areaClass: first.o.areaClass,
      tier: first.o.customerTier,
    });
    if (route.unitId !== null) dup.autoDispatch({ unitId: route.unitId, ruleId: route.ruleId });
    dup.merge(merged, dup.createdBy, { id: first.id, caseNo: first.caseNo });
    first.mergedFrom(merged, dup.createdBy, caseNo);
    return dup;
  }

  private rememberForUrge(o: OrderSim, caller: Caller | null): void {
    this.urgeTargets.push({
      id: o.id,
      caseNo: o.caseNo,
      title: o.o.title,
      caller,
      orgUnitId: o.o.orgUnitId,
      from: o.acceptedAt + HOUR,
      until: o.repliedAt!,
    });
    if (this.urgeTargets.length > 400) this.urgeTargets.splice(0, 100);
  }

  private findUrgeTarget(t: number): UrgeTarget | null {
    const open = this.urgeTargets.filter((u) => u.from < t && t < u.until);
    return open.length ? this.c.rng.pick(open) : null;
  }
}
