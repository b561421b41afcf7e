// Basic charge (基本电费) of the two-part tariff (domain.md §9 and the billing effects of §7).
//
// Rules (供电营业规则; domain.md §9, §7):
// - monthly; in a month with a connection, capacity change, swap, termination or an effective suspension
//   or reduction, each stretch of constant chargeable capacity pays days × 1/30 of the monthly charge,
//   a partial day counting as a whole day (connection day and last day both count);
// - fault, repair and curtailment outages do not reduce it (they are not inputs at all);
// - sealed cold-standby transformers pay none; hot-standby or unsealed ones pay; capacitors and phase
//   modifiers pay none; an interlocked group pays on its largest capacity that can run at once;
// - suspension/reduction: the suspended transformers stop paying from the sealing date (inclusive) to
//   the restoration date (exclusive); a suspension shorter than 15 days pays anyway; within 2 years after
//   a connection/increase the reduced part still pays 50 %; demand-billed accounts suspend everything;
// - by demand: contract demand not below 40 % of capacity; actual maximum demand above 105 % of the
//   contract pays the excess (above 105 %) at double price.
import type { CategoryPrices } from './compiled-tariff';
import { BillingInputError } from './errors';
import { lineLabelKey } from './lines';
import {
  PRICE_SCALE,
  divRound,
  formatCenti,
  formatPrice,
  formatScaled,
  mulDivRound,
  mulMulDivRound,
  optionalCenti,
  quantityToCenti,
} from './money';
import type { BillInput, BillTransformer, CapacityChange, PricedLine } from './types';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (validated: a real calendar date). */
export function dayNumber(iso: string, path: string): number {
  const m = DATE_RE.exec(iso);
  if (m) {
    const y = +m[1]!;
    const mo = +m[2]!;
    const d = +m[3]!;
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return t / DAY_MS;
    }
  }
  throw new BillingInputError('billing.date_invalid', path, `${path}: 日期格式应为YYYY-MM-DD`);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Minimum length of a suspension that reduces the basic charge (domain.md §7). */
export const MIN_SUSPENSION_DAYS = 15;

interface Unit {
  t: BillTransformer;
  cap: number; // hundredths of kVA
  from: number;
  to: number;
  suspensions: Array<{ from: number; to: number; weight: number }>;
}

interface Context {
  start: number;
  end: number;
  notes: string[];
  /** Suspensions that count, whole-account (demand) view. */
  effective: Array<{ c: CapacityChange; from: number; to: number; weight: number }>;
  accountFrom: number;
  accountTo: number;
}

function prepare(input: BillInput): Context {
  const start = dayNumber(input.periodStart, 'periodStart');
  const end = dayNumber(input.periodEnd, 'periodEnd');
  if (end < start) {
    throw new BillingInputError('billing.date_invalid', 'periodEnd', '计费期间结束日早于开始日');
  }
  const notes: string[] = [];
  const accountFrom = input.connectedOn
    ? Math.max(start, dayNumber(input.connectedOn, 'connectedOn'))
    : start;
  const accountTo = input.terminatedOn ? Math.min(end, dayNumber(input.terminatedOn, 'terminatedOn')) : end;
  const effective: Context['effective'] = [];
  (input.capacityChanges ?? []).forEach((c, i) => {
    const from = dayNumber(c.sealedOn, `capacityChanges.${i}.sealedOn`);
    const restored = c.restoredOn ? dayNumber(c.restoredOn, `capacityChanges.${i}.restoredOn`) : Infinity;
    if (restored < from) {
      throw new BillingInputError(
        'billing.date_invalid',
        `capacityChanges.${i}.restoredOn`,
        '恢复日早于加封日',
      );
    }
    const name = c.kind === 'suspension' ? '暂停' : '减容';
    if (c.kind === 'suspension' && restored - from < MIN_SUSPENSION_DAYS) {
      notes.push(`${name}${restored - from}天不足${MIN_SUSPENSION_DAYS}天，照收基本电费`);
      return;
    }
    const to = restored - 1;
    if (to < start || from > end) return;
    const weight = c.halfPay ? 1 : 0;
    notes.push(
      `${isoOf(from)}起${name}${c.restoredOn ? `至${isoOf(to)}` : ''}${c.halfPay ? '（投运/增容后2年内，按50%计收）' : ''}`,
    );
    effective.push({ c, from, to, weight });
  });
  return { start, end, notes, effective, accountFrom, accountTo };
}

function units(input: BillInput, ctx: Context, withSuspensions: boolean): Unit[] {
  const out: Unit[] = [];
  (input.transformers ?? []).forEach((t, i) => {
    const cap = quantityToCenti(t.capacityKva, `transformers.${i}.capacityKva`);
    if (t.kind === 'capacitor') {
      if (withSuspensions) ctx.notes.push(`${t.id}为电容器/调相机，不计基本电费`);
      return;
    }
    if (t.state === 'cold_standby' && t.sealed) {
      if (withSuspensions) ctx.notes.push(`冷备用已封存${t.id}（${formatCenti(cap)} kVA）不计`);
      return;
    }
    if (withSuspensions && t.state !== 'running') {
      ctx.notes.push(`${t.state === 'hot_standby' ? '热备用' : '冷备用未封存'}${t.id}照收`);
    }
    const from = Math.max(
      ctx.accountFrom,
      t.inServiceFrom ? dayNumber(t.inServiceFrom, `transformers.${i}.inServiceFrom`) : ctx.start,
    );
    const to = Math.min(
      ctx.accountTo,
      t.inServiceTo ? dayNumber(t.inServiceTo, `transformers.${i}.inServiceTo`) : ctx.end,
    );
    const suspensions = withSuspensions ? ctx.effective.filter((e) => e.c.transformerIds.includes(t.id)) : [];
    out.push({ t, cap, from, to, suspensions });
  });
  return out;
}

/** Chargeable capacity on `day` in half-hundredths of kVA (so a 50 % part stays an integer). */
function capacityOn(list: Unit[], day: number): number {
  let sum = 0;
  let groups: Map<string, number> | null = null;
  for (const u of list) {
    if (day < u.from || day > u.to) continue;
    let w = 2;
    for (const s of u.suspensions) if (day >= s.from && day <= s.to) w = Math.min(w, s.weight);
    const v = u.cap * w;
    const g = u.t.interlockGroup;
    if (g) {
      groups ??= new Map();
      groups.set(g, Math.max(groups.get(g) ?? 0, v));
    } else sum += v;
  }
  if (groups) for (const v of groups.values()) sum += v;
  return sum;
}

interface Segment {
  from: number;
  to: number;
  value: number;
}

function segments(ctx: Context, valueOn: (day: number) => number): Segment[] {
  const out: Segment[] = [];
  for (let d = ctx.start; d <= ctx.end; d++) {
    const v = valueOn(d);
    const last = out[out.length - 1];
    if (last && last.value === v) last.to = d;
    else out.push({ from: d, to: d, value: v });
  }
  return out;
}

function interlockNotes(list: Unit[], notes: string[]): void {
  const seen = new Set<string>();
  for (const u of list) {
    const g = u.t.interlockGroup;
    if (!g || seen.has(g)) continue;
    seen.add(g);
    const max = Math.max(...list.filter((x) => x.t.interlockGroup === g).map((x) => x.cap));
    notes.push(`互锁组${g}按可同时运行的最大容量${formatCenti(max)} kVA计`);
  }
}

/** Half-hundredths (kVA or kW) as a decimal string: 2 decimals, or 3 when a 50 % part makes it odd. */
function formatHalfCenti(v: number): string {
  return v % 2 === 0 ? formatCenti(v / 2) : formatScaled(v * 5, 3);
}

function basicLine(
  code: 'basic_capacity' | 'basic_demand' | 'basic_demand_excess',
  quantity: string,
  unit: 'kVA' | 'kW',
  price: number,
  amountFen: number,
  rule: string,
  detail: PricedLine['detail'],
): PricedLine {
  return {
    code,
    labelKey: lineLabelKey(code),
    quantity,
    unit,
    price: formatPrice(price),
    amountFen,
    rule,
    detail,
  };
}

function withNotes(rule: string, notes: string[]): string {
  return notes.length ? `${rule}；${notes.join('；')}` : rule;
}

function requirePrice(p: number | null, path: string): number {
  if (p === null) {
    throw new BillingInputError('billing.price_missing', path, '电价版本缺少基本电价');
  }
  return p;
}

/** Basic charge lines (none when the method is 'none' or the settlement does not carry it). */
export function basicChargeLines(input: BillInput, prices: CategoryPrices, category: string): PricedLine[] {
  if (input.basicFeeMethod === 'none' || input.includeBasicCharge === false) return [];
  const ctx = prepare(input);
  return input.basicFeeMethod === 'capacity'
    ? capacityLines(input, ctx, requirePrice(prices.basicPerKva, `categories.${category}.basic.perKvaMonth`))
    : demandLines(input, ctx, requirePrice(prices.basicPerKw, `categories.${category}.basic.perKwMonth`));
}

function capacityLines(input: BillInput, ctx: Context, price: number): PricedLine[] {
  const list = units(input, ctx, true);
  interlockNotes(list, ctx.notes);
  const segs = segments(ctx, (d) => capacityOn(list, d));
  if (segs.length === 1 && ctx.accountFrom === ctx.start && ctx.accountTo === ctx.end) {
    const k = segs[0]!.value;
    return [
      basicLine(
        'basic_capacity',
        formatHalfCenti(k),
        'kVA',
        price,
        mulDivRound(k, price, 2 * PRICE_SCALE),
        withNotes(
          `按容量计收：计费容量${formatHalfCenti(k)} kVA × ${formatPrice(price)}元/kVA·月`,
          ctx.notes,
        ),
        { days: ctx.end - ctx.start + 1, fraction: '1' },
      ),
    ];
  }
  return prorated(segs, ctx, price, 'basic_capacity', 'kVA', '计费容量');
}

function prorated(
  segs: Segment[],
  ctx: Context,
  price: number,
  code: 'basic_capacity' | 'basic_demand',
  unit: 'kVA' | 'kW',
  what: string,
): PricedLine[] {
  const lines: PricedLine[] = [];
  for (const s of segs) {
    if (s.value === 0) continue;
    const days = s.to - s.from + 1;
    lines.push(
      basicLine(
        code,
        formatHalfCenti(s.value),
        unit,
        price,
        mulMulDivRound(s.value, price, days, 2 * 30 * PRICE_SCALE),
        `${isoOf(s.from)}至${isoOf(s.to)}共${days}天，${what}${formatHalfCenti(s.value)} ${unit} × ${formatPrice(price)}元/${unit}·月 × ${days}/30`,
        { from: isoOf(s.from), to: isoOf(s.to), days, fraction: `${days}/30` },
      ),
    );
  }
  if (lines.length === 0) {
    lines.push(basicLine(code, '0.00', unit, price, 0, `${what}为0`, { days: 0, fraction: '0/30' }));
  }
  lines[0]!.rule = withNotes(`${lines[0]!.rule}（新装、变更或终止当月按实用天数×1/30计收）`, ctx.notes);
  return lines;
}

/** Demand billing: 40 % floor, 105 % double-price excess; demand accounts suspend all capacity. */
function demandLines(input: BillInput, ctx: Context, price: number): PricedLine[] {
  const list = units(input, ctx, false);
  let capacity = 0;
  for (let d = ctx.start; d <= ctx.end; d++) capacity = Math.max(capacity, capacityOn(list, d));
  capacity /= 2; // hundredths of kVA
  const maxDemand = optionalCenti(input.maxDemandKw, 'maxDemandKw');
  let billed: number;
  let rule: string;
  let excess = 0; // ten-thousandths of kW above 105 % of contract
  if (input.basicFeeMethod === 'contract_demand') {
    const contract = optionalCenti(input.contractDemandKw, 'contractDemandKw');
    const floor = divRound(capacity * 4, 10);
    billed = Math.max(contract, floor);
    rule = `按合同最大需量计收：核定需量${formatCenti(billed)} kW（合同${formatCenti(contract)} kW，不低于容量${formatCenti(capacity)} kVA的40%即${formatCenti(floor)} kW）`;
    excess = Math.max(0, maxDemand * 100 - billed * 105);
  } else {
    billed = maxDemand;
    rule = `按实际最大需量计收：${formatCenti(billed)} kW`;
  }
  rule += ` × ${formatPrice(price)}元/kW·月`;
  // Whole-account day weights: 2 = pays, 1 = half (reduced within 2 years), 0 = suspended.
  const weightOn = (d: number): number => {
    if (d < ctx.accountFrom || d > ctx.accountTo) return 0;
    let w = 2;
    for (const e of ctx.effective) if (d >= e.from && d <= e.to) w = Math.min(w, e.weight);
    return w;
  };
  const segs = segments(ctx, weightOn);
  const full = segs.length === 1 && segs[0]!.value === 2;
  const halfDays = full ? 60 : segs.reduce((n, s) => n + s.value * (s.to - s.from + 1), 0);
  const fraction = full ? '1' : `${halfDays / 2}/30`;
  const prorate = full ? '' : `，按实用天数折算${fraction}`;
  const lines: PricedLine[] = [
    basicLine(
      'basic_demand',
      formatCenti(billed),
      'kW',
      price,
      mulMulDivRound(billed, price, halfDays, 60 * PRICE_SCALE),
      withNotes(rule + prorate, ctx.notes),
      { fraction, maxDemandKw: formatCenti(maxDemand) },
    ),
  ];
  if (excess > 0) {
    lines.push(
      basicLine(
        'basic_demand_excess',
        formatScaled(excess, 4),
        'kW',
        price * 2,
        // excess/10^4 kW × 2·price/10^6 yuan × 100 fen × halfDays/60
        mulMulDivRound(excess, price * 2, halfDays, (60 * 10_000 * PRICE_SCALE) / 100),
        `实际最大需量${formatCenti(maxDemand)} kW超过核定需量105%（${formatScaled(billed * 105, 4)} kW），超出部分按两倍基本电价计收${prorate}`,
        { fraction, maxDemandKw: formatCenti(maxDemand), limitKw: formatScaled(billed * 105, 4) },
      ),
    );
  }
  return lines;
}
