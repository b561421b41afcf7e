// One generated order, played through the same steps the service takes (workorders.service.ts applyAction,
// addNote, recordReturnVisit; workorder-clocks.ts; sla-sweep.ts): each step changes the status and
// timestamps, starts and stops the SLA clocks, writes the event log and the customer timeline and bumps
// the version exactly as the API would. The per-minute SLA sweep is replayed in between: every warning
// instant the sweep would have seen before a clock stopped raises the clock's level and writes its
// event, and every breach gets its sla_breaches row. What comes out is rows the service can carry on
// from: same statuses, same clocks, same versions.
import {
  clockInstants,
  decideAfterVisit,
  nextCheckAt,
  satisfactionScore,
  type ReturnVisitOutcome,
  type PauseInterval,
  type TimeLimit,
  type TimeLimitKind,
  type WarningLevel,
  type WorkOrderStatus,
  type WorkOrderType,
  type WorkingCalendar,
} from '@gridcare/domain';
import type { ClockMath, Instants } from './clock-instants';
import type { Actor } from './work-order-staff';

export interface SimEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: Actor | null;
  note: string | null;
  fromUnit: number | null;
  toUnit: number | null;
  internal: boolean;
  at: number;
}

export interface SimClock {
  kind: TimeLimitKind;
  limit: TimeLimit;
  startedAt: number;
  stoppedAt: number | null;
  /** Instants since `from` (a pause or resume recomputes them). */
  from: number;
  instants: Instants;
  level: WarningLevel;
  breachedAt: number | null;
  nextCheckAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface SimBreach {
  kind: TimeLimitKind;
  unitId: number | null;
  dueAt: number;
}

export interface SimVisit {
  outcome: ReturnVisitOutcome;
  method: string;
  note: string | null;
  score: number | null;
  by: Actor;
  at: number;
}

export interface SimPause {
  from: number;
  to: number | null;
  reason: string;
}

export interface SimTimeline {
  title: string;
  detail: string;
  actor: Actor | null;
  at: number;
}

export interface OrderInit {
  type: WorkOrderType;
  subCategory: string | null;
  channel: string;
  title: string;
  description: string;
  urgent: boolean;
  customerId: number | null;
  premiseId: number | null;
  accountNo: string | null;
  callerName: string | null;
  callerPhone: string | null;
  contactPhone: string | null;
  orgUnitId: number;
  areaClass: string | null;
  customerTier: string | null;
  timeLimitVersionId: number;
  limits: Partial<Record<TimeLimitKind, TimeLimit>>;
  parentId: number | null;
  returnVisitRequired: boolean;
}

export const KIND_ZH: Record<TimeLimitKind, string> = {
  dispatch: '派单',
  first_contact: '首次联系',
  reply: '答复',
  arrival: '到达现场',
  restoration: '恢复送电',
  return_visit: '回访',
  meter_test: '校验结果',
};

const TYPE_ZH: Record<WorkOrderType, string> = {
  consultation: '咨询',
  query: '查询',
  fault_repair: '故障报修',
  complaint: '投诉',
  report: '举报',
  suggestion: '意见建议',
  praise: '表扬',
  application: '业务申请',
  urge: '催办',
};

const TIMELINE_TITLES: Partial<Record<string, string>> = {
  reply: '工单已答复',
  close: '工单已归档',
  return_visit: '工单回访后归档',
  reopen: '工单重新处理',
  merge: '工单合并',
};

/** Clocks that end when the customer has the answer (workorders.service.ts ANSWERED_KINDS). */
const ANSWERED_KINDS: readonly TimeLimitKind[] = [
  'dispatch',
  'first_contact',
  'reply',
  'arrival',
  'restoration',
  'meter_test',
];

const localTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour12: false,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The sweep's rendering of a deadline (sla-sweep.ts localTime). */
export const localTime = (ms: number) => localTimeFormat.format(new Date(ms));

function levelAt(i: Instants, t: number): WarningLevel {
  if (i.dueAt !== null && i.dueAt <= t) return 100;
  if (i.warn80At !== null && i.warn80At <= t) return 80;
  if (i.warn50At !== null && i.warn50At <= t) return 50;
  return 0;
}

function instantOf(i: Instants, level: WarningLevel): number | null {
  return level === 50 ? i.warn50At : level === 80 ? i.warn80At : i.dueAt;
}

const toInstants = (c: { warn50At: Date | null; warn80At: Date | null; dueAt: Date | null }): Instants => ({
  warn50At: c.warn50At?.getTime() ?? null,
  warn80At: c.warn80At?.getTime() ?? null,
  dueAt: c.dueAt?.getTime() ?? null,
});

export class OrderSim {
  status: WorkOrderStatus = 'accepted';
  paused = false;
  assignedUnitId: number | null = null;
  handler: Actor | null = null;
  routingRuleId: number | null = null;
  replyText: string | null = null;
  firstContactResolved = false;
  satisfaction: number | null = null;
  reopenCount = 0;
  mergedIntoId: number | null = null;
  dispatchedAt: number | null = null;
  takenAt: number | null = null;
  handledAt: number | null = null;
  repliedAt: number | null = null;
  closedAt: number | null = null;
  version = 1;
  updatedAt: number;
  readonly events: SimEvent[] = [];
  readonly clocks = new Map<TimeLimitKind, SimClock>();
  readonly pauses: SimPause[] = [];
  readonly visits: SimVisit[] = [];
  readonly breaches: SimBreach[] = [];
  readonly timeline: SimTimeline[] = [];
  private readonly breachRecorded = new Set<TimeLimitKind>();

  constructor(
    readonly id: number,
    readonly caseNo: string,
    readonly o: OrderInit,
    readonly acceptedAt: number,
    readonly createdBy: Actor,
    private readonly math: ClockMath,
    /** Sweep ticks: when after an instant the per-minute sweep saw it (ms). */
    private readonly sweepDelay: () => number,
  ) {
    this.updatedAt = acceptedAt;
  }

  private get cal(): WorkingCalendar {
    return this.math.cal;
  }

  private pauseIntervals(): PauseInterval[] {
    return this.pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));
  }

  private event(e: Partial<SimEvent> & { action: string; at: number }): void {
    this.events.push({
      fromStatus: null,
      toStatus: null,
      actor: null,
      note: null,
      fromUnit: null,
      toUnit: null,
      internal: false,
      ...e,
    });
  }

  private touch(at: number, bump = true): void {
    if (bump) this.version++;
    this.updatedAt = Math.max(this.updatedAt, at);
  }

  private addTimeline(title: string, detail: object, actor: Actor | null, at: number): void {
    if (this.o.customerId) this.timeline.push({ title, detail: JSON.stringify(detail), actor, at });
  }

  // --- Clocks (workorder-clocks.ts) ---------------------------------------------------------------------
  startClock(kind: TimeLimitKind, at: number): void {
    const limit = this.o.limits[kind];
    if (!limit) return;
    // A clock started now is not affected by earlier pauses; one started while paused waits for the resume.
    const pauses = this.pauseIntervals().filter((p) => p.to === null || p.to.getTime() > at);
    const instants = pauses.length
      ? toInstants(clockInstants(new Date(at), limit, this.cal, pauses))
      : this.math.instants(at, limit);
    const existing = this.clocks.get(kind);
    this.clocks.set(kind, {
      kind,
      limit,
      startedAt: at,
      stoppedAt: null,
      from: at,
      instants,
      level: 0,
      breachedAt: null,
      nextCheckAt: null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    });
  }

  /** The sweep passes that happened before `until` on a running clock. */
  private sweepUntil(c: SimClock, until: number): void {
    if (c.stoppedAt !== null) return;
    for (;;) {
      const next: WarningLevel | null = c.level < 50 ? 50 : c.level < 80 ? 80 : c.level < 100 ? 100 : null;
      if (next === null) return;
      const instant = instantOf(c.instants, next);
      if (instant === null) return;
      const seen = Math.max(instant, c.from) + this.sweepDelay();
      if (seen >= until) return;
      const level = levelAt(c.instants, seen);
      const breached = level === 100;
      c.level = level;
      c.updatedAt = seen;
      if (breached) {
        c.breachedAt ??= c.instants.dueAt;
        this.recordBreach(c);
      }
      this.event({
        action: breached ? 'sla_breach' : 'sla_warning',
        note: `${KIND_ZH[c.kind]}时限${breached ? '已超时' : `已用 ${level}%`}（期限 ${localTime(c.instants.dueAt!)}）`,
        internal: true,
        at: seen,
      });
    }
  }

  private recordBreach(c: SimClock): void {
    if (this.breachRecorded.has(c.kind)) return; // one row per clock (UNIQUE clock_id)
    this.breachRecorded.add(c.kind);
    this.breaches.push({ kind: c.kind, unitId: this.assignedUnitId, dueAt: c.instants.dueAt! });
  }

  stopClocks(kinds: readonly TimeLimitKind[] | 'all', at: number): void {
    for (const c of this.clocks.values()) {
      if (c.stoppedAt !== null || (kinds !== 'all' && !kinds.includes(c.kind))) continue;
      this.sweepUntil(c, at);
      const late = c.instants.dueAt !== null && c.instants.dueAt < at;
      if (late) {
        this.recordBreach(c);
        c.breachedAt ??= c.instants.dueAt;
      }
      c.stoppedAt = at;
      c.updatedAt = at;
    }
  }

  /** After a pause starts or ends: every running clock's instants with the pauses so far. */
  private recomputeClocks(at: number): void {
    const pauses = this.pauseIntervals();
    for (const c of this.clocks.values()) {
      if (c.stoppedAt !== null) continue;
      this.sweepUntil(c, at);
      c.instants = toInstants(clockInstants(new Date(c.startedAt), c.limit, this.cal, pauses));
      c.from = at;
      c.updatedAt = at;
    }
  }

  /** Replays the sweep up to `now` and stores what the domain says for every running clock. */
  finish(now: number): void {
    const pauses = this.pauseIntervals();
    for (const c of this.clocks.values()) {
      if (c.stoppedAt !== null) continue;
      this.sweepUntil(c, now);
      // The running clocks are the ones the service and the sweep act on next: their instants come from
      // the domain function itself, and must be the ones the replay above used.
      const exact = toInstants(clockInstants(new Date(c.startedAt), c.limit, this.cal, pauses));
      if (
        exact.warn50At !== c.instants.warn50At ||
        exact.warn80At !== c.instants.warn80At ||
        exact.dueAt !== c.instants.dueAt
      )
        throw new Error(
          `clock instants of generated order ${this.caseNo} (${c.kind}) differ from the domain's`,
        );
      const next = nextCheckAt(
        {
          warn50At: exact.warn50At === null ? null : new Date(exact.warn50At),
          warn80At: exact.warn80At === null ? null : new Date(exact.warn80At),
          dueAt: exact.dueAt === null ? null : new Date(exact.dueAt),
        },
        c.level,
      );
      c.nextCheckAt = next ? next.getTime() : null;
    }
    // Events in the order they happened (the sweep's were replayed per clock).
    this.events.sort((a, b) => a.at - b.at);
  }

  // --- Intake (createWorkOrder) ---------------------------------------------------------------------------
  accept(serviceCentreId: number, answeredOnSpot: boolean): void {
    const t = this.acceptedAt;
    this.assignedUnitId = serviceCentreId;
    this.event({ action: 'accept', toStatus: 'accepted', actor: this.createdBy, note: this.o.title, at: t });
    const kinds: TimeLimitKind[] = ['first_contact', 'reply', 'arrival', 'meter_test'];
    if (!answeredOnSpot) kinds.unshift('dispatch');
    for (const kind of kinds) this.startClock(kind, t);
    this.addTimeline(
      `受理${TYPE_ZH[this.o.type]}工单 ${this.caseNo}：${this.o.title}`,
      { caseNo: this.caseNo, type: this.o.type, channel: this.o.channel },
      this.createdBy,
      t,
    );
  }

  /** First-contact resolution: replied and (unless a visit is due) closed in the same call. */
  answerOnSpot(replyText: string): void {
    const t = this.acceptedAt;
    this.reply(t, this.createdBy, replyText, '当场答复');
    this.firstContactResolved = true;
    this.touch(t);
    if (!this.o.returnVisitRequired) this.close(t, this.createdBy, '当场办结');
  }

  /**
   * The routing rule's dispatch at intake: written with the order in the same statement (insertIntake),
   * so the row starts dispatched at version 1 with its dispatch clock already stopped.
   */
  autoDispatch(route: { unitId: number; ruleId: number | null }): void {
    const t = this.acceptedAt;
    const fromUnit = this.assignedUnitId;
    this.routingRuleId = route.ruleId;
    this.assignedUnitId = route.unitId;
    this.dispatchedAt = t;
    this.stopClocks(['dispatch'], t);
    this.status = 'dispatched';
    this.event({
      action: 'dispatch',
      fromStatus: 'accepted',
      toStatus: 'dispatched',
      actor: this.createdBy,
      note: '按派单规则自动派发',
      fromUnit,
      toUnit: route.unitId,
      at: t,
    });
  }

  // --- Actions (applyAction) ------------------------------------------------------------------------------
  private transition(
    action: string,
    to: WorkOrderStatus,
    at: number,
    actor: Actor | null,
    extra: Partial<SimEvent> = {},
  ): void {
    const from = this.status;
    this.status = to;
    this.touch(at);
    this.event({ action, fromStatus: from, toStatus: to, actor, at, ...extra });
    const title = TIMELINE_TITLES[action];
    if (title)
      this.addTimeline(
        `${title} ${this.caseNo}：${this.o.title}`,
        { caseNo: this.caseNo, action },
        actor,
        at,
      );
  }

  dispatch(at: number, actor: Actor, target: number, note: string): void {
    const fromUnit = this.assignedUnitId;
    this.assignedUnitId = target;
    this.handler = null;
    this.dispatchedAt = at;
    this.stopClocks(['dispatch'], at);
    this.transition('dispatch', 'dispatched', at, actor, { note, fromUnit, toUnit: target });
  }

  take(at: number, handler: Actor): void {
    this.handler = handler;
    this.takenAt = at;
    this.transition('take', 'taken', at, handler);
  }

  sendBack(at: number, actor: Actor, centre: number, reason: string): void {
    const fromUnit = this.assignedUnitId;
    this.assignedUnitId = centre;
    this.handler = null;
    this.startClock('dispatch', at);
    this.transition('send_back', 'accepted', at, actor, {
      note: reason,
      fromUnit,
      toUnit: centre,
      internal: true,
    });
  }

  transfer(at: number, actor: Actor, target: number, reason: string): void {
    const fromUnit = this.assignedUnitId;
    this.assignedUnitId = target;
    this.handler = null;
    this.transition('transfer', 'dispatched', at, actor, {
      note: reason,
      fromUnit,
      toUnit: target,
      internal: true,
    });
  }

  handle(at: number, actor: Actor, note: string): void {
    this.handledAt = at;
    if (this.o.type === 'fault_repair') this.stopClocks(['arrival', 'restoration'], at);
    this.transition('handle', 'handled', at, actor, { note });
  }

  reply(at: number, actor: Actor, replyText: string, note: string | null = null): void {
    this.replyText = replyText;
    this.repliedAt = at;
    this.stopClocks(ANSWERED_KINDS, at);
    if (this.o.returnVisitRequired) this.startClock('return_visit', at);
    this.transition('reply', 'replied', at, actor, { note });
  }

  pause(at: number, actor: Actor, reason: string): void {
    this.pauses.push({ from: at, to: null, reason });
    this.paused = true;
    this.transition('pause', this.status, at, actor, { note: reason });
    this.recomputeClocks(at);
  }

  resume(at: number, actor: Actor, note: string): void {
    const open = this.pauses.find((p) => p.to === null);
    if (open) open.to = at;
    this.paused = false;
    this.transition('resume', this.status, at, actor, { note });
    this.recomputeClocks(at);
  }

  close(at: number, actor: Actor, note: string, action: 'close' | 'return_visit' = 'close'): void {
    this.closedAt = at;
    this.stopClocks('all', at);
    this.transition(action, 'closed', at, actor, { note });
  }

  reopen(at: number, actor: Actor, note: string): void {
    this.reopenCount++;
    this.closedAt = null;
    this.repliedAt = null;
    this.handler = null;
    this.stopClocks('all', at);
    for (const kind of ['first_contact', 'reply'] as const) this.startClock(kind, at);
    this.transition('reopen', 'accepted', at, actor, { note });
  }

  merge(at: number, actor: Actor, into: { id: number; caseNo: string }): void {
    this.mergedIntoId = into.id;
    this.closedAt = at;
    this.stopClocks('all', at);
    this.transition('merge', 'merged', at, actor, { note: `合并到工单 ${into.caseNo}` });
  }

  /** The surviving order's side of a merge. */
  mergedFrom(at: number, actor: Actor, other: string): void {
    this.event({ action: 'merged_from', actor, note: `合并重复工单 ${other}`, at });
  }

  // --- Notes (addNote) ------------------------------------------------------------------------------------
  note(
    at: number,
    actor: Actor,
    note: string,
    opts: { contacted?: boolean; milestone?: 'arrived' | 'restored'; notify?: boolean } = {},
  ): void {
    if (opts.contacted) this.stopClocks(['first_contact'], at);
    if (opts.milestone === 'arrived') {
      this.stopClocks(['arrival'], at);
      this.startClock('restoration', at);
    }
    if (opts.milestone === 'restored') this.stopClocks(['restoration'], at);
    this.event({
      action: opts.milestone ?? (opts.contacted ? 'contacted' : 'note'),
      actor,
      note,
      internal: !opts.notify,
      at,
    });
    this.touch(at, false);
  }

  // --- Return visits (recordReturnVisit) ------------------------------------------------------------------
  /** One attempt; answers what happened next (the caller dispatches a reopened order). */
  returnVisit(
    at: number,
    by: Actor,
    outcome: ReturnVisitOutcome,
    method: string,
    note: string,
  ): 'closed' | 'retry' | 'reopened' {
    // Only the attempts of the current round count (a reopened order gets three new tries).
    const roundStart = this.repliedAt ?? 0;
    const previous = this.visits.filter((v) => v.at >= roundStart).map((v) => this.math.localDate(v.at));
    const score = satisfactionScore(outcome);
    this.visits.push({ outcome, method, note, score, by, at });
    if (outcome === 'satisfied' || outcome === 'basically_satisfied') {
      this.satisfaction = score;
      this.touch(at);
      this.close(at, by, note, 'return_visit');
      return 'closed';
    }
    if (outcome === 'unsatisfied') {
      this.satisfaction = score;
      this.touch(at);
      this.reopen(at, by, note);
      return 'reopened';
    }
    const decision = decideAfterVisit(outcome, previous, new Date(at), this.cal.timeZone);
    if (decision.kind === 'retry') {
      this.event({
        action: 'return_visit_unreachable',
        actor: by,
        note: `联系不上，${decision.notBeforeLocalDate} 起再次回访`,
        internal: true,
        at,
      });
      this.touch(at);
      return 'retry';
    }
    this.close(at, by, '三次回访均联系不上，归档', 'return_visit');
    return 'closed';
  }
}
