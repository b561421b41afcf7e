// Tariff engine benchmark: priceBill (packages/domain/src/billing) on N synthetic bills of each kind,
// one core, bills per second. Targets: ≥ 100,000 residential bills/s and ≥ 30,000 two-part
// TOU + power-factor bills/s. Baseline, same run: a naive float implementation doing the same
// arithmetic (parseFloat, ×, Math.round per line, the same line objects and rule texts) — the speed
// exact money costs against the wrong-but-obvious way. It also counts the bills where the float
// baseline's total differs from the exact one by at least a fen.
// Usage: node --import tsx bench/src/tariff-engine.bench.ts [--bills 200000] [--rounds 3]
import { DEFAULT_DEMO_TARIFF, priceBill } from '../../packages/domain/src/billing';
import type { BillInput, TariffVersion } from '../../packages/domain/src/billing';
import { arg, table } from './lib/stats';

type Kind = 'residential' | 'commercial' | 'commercial_tou' | 'two_part_tou_pf' | 'two_part_prorated';

export interface TariffEngineRow {
  kind: Kind;
  bills: number;
  exactPerSecond: number;
  floatPerSecond: number;
  /** exact ÷ float: how fast the exact engine runs relative to the float baseline (1 = same). */
  ratio: number;
  floatMismatches: number;
}

// Deterministic synthetic inputs (mulberry32), quantities as decimal strings like pg numeric columns.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const kwh = (r: () => number, max: number) => (Math.floor(r() * max * 100) / 100).toFixed(2);

const PERIOD = { period: '2026-08', periodStart: '2026-08-01', periodEnd: '2026-08-31' } as const;

export function syntheticBills(kind: Kind, n: number): BillInput[] {
  const r = rng(42 + kind.length);
  const out: BillInput[] = [];
  for (let i = 0; i < n; i++) {
    if (kind === 'residential') {
      const month = 1 + Math.floor(r() * 12);
      out.push({
        ...PERIOD,
        tariffCategory: 'residential',
        voltageLevel: '220V',
        energy: { totalKwh: kwh(r, 600) },
        basicFeeMethod: 'none',
        pfStandard: 'none',
        residential: {
          cycle: r() < 0.8 ? 'annual' : 'monthly',
          monthsOfServiceInCycle: 12,
          householdSize: 1 + Math.floor(r() * 6),
          lowIncome: r() < 0.05,
          kwhBilledInCycle: kwh(r, 260 * month),
        },
      });
    } else if (kind === 'commercial' || kind === 'commercial_tou') {
      const total = 500 + r() * 20_000;
      const tou = kind === 'commercial_tou';
      out.push({
        ...PERIOD,
        tariffCategory: 'commercial',
        voltageLevel: r() < 0.5 ? '380V' : '10kV',
        energy: tou
          ? {
              totalKwh: total.toFixed(2),
              criticalPeakKwh: (total * 0.05).toFixed(2),
              peakKwh: (total * 0.3).toFixed(2),
              valleyKwh: (total * 0.25).toFixed(2),
            }
          : { totalKwh: total.toFixed(2) },
        basicFeeMethod: 'none',
        pfStandard: 'none',
      });
    } else {
      const total = 50_000 + r() * 2_000_000;
      const prorated = kind === 'two_part_prorated';
      out.push({
        ...PERIOD,
        tariffCategory: 'large_industry',
        voltageLevel: '10kV',
        energy: {
          totalKwh: total.toFixed(2),
          criticalPeakKwh: (total * 0.04).toFixed(2),
          peakKwh: (total * 0.32).toFixed(2),
          valleyKwh: (total * 0.28).toFixed(2),
        },
        reactiveKvarh: (total * (0.2 + r() * 0.6)).toFixed(2),
        basicFeeMethod: 'capacity',
        pfStandard: '0.90',
        transformers: [
          { id: 'T1', capacityKva: '1250', state: 'running', sealed: false },
          { id: 'T2', capacityKva: '630', state: 'cold_standby', sealed: r() < 0.5 },
        ],
        capacityChanges: prorated
          ? [{ kind: 'suspension', transformerIds: ['T2'], sealedOn: '2026-08-11', restoredOn: null }]
          : [],
      });
    }
  }
  return out;
}

// ---- Naive float baseline: the same arithmetic in binary floats --------------------------------------
interface FloatLine {
  code: string;
  quantity: string;
  price: string;
  amountFen: number;
  rule: string;
}
const num = (v: string | number | null | undefined) => (v === null || v === undefined ? 0 : Number(v));
const fen = (yuan: number) => Math.round(yuan * 100);

function floatLine(code: string, q: number, p: number, rule: string): FloatLine {
  return { code, quantity: q.toFixed(2), price: String(p), amountFen: fen(q * p), rule };
}

function floatSurcharges(t: TariffVersion, cat: BillInput['tariffCategory'], q: number, lines: FloatLine[]) {
  for (const s of t.surcharges) {
    const rate = s.rates[cat];
    if (rate) lines.push(floatLine('surcharge', q, Number(rate), `${s.name}：每kWh ${rate}元`));
  }
}

export function floatPriceBill(input: BillInput, t: TariffVersion): { lines: FloatLine[]; totalFen: number } {
  const lines: FloatLine[] = [];
  const cat = input.tariffCategory;
  const ct = t.categories[cat];
  const flat = Number(ct.energy[input.voltageLevel] ?? ct.energy.default);
  const total = num(input.energy.totalKwh);
  if (cat === 'residential') {
    const f = input.residential!;
    const rt = t.residentialTiers;
    const big = rt.largeHousehold && f.householdSize >= rt.largeHousehold.minPersons;
    const m = big ? rt.largeHousehold!.monthlyThresholdsKwh : rt.monthlyThresholdsKwh;
    const months = f.cycle === 'annual' ? f.monthsOfServiceInCycle : 1;
    const already = f.cycle === 'annual' ? num(f.kwhBilledInCycle) : 0;
    const t1 = m[0] * months;
    const t2 = m[1] * months;
    const q1 = Math.min(Math.max(t1 - already, 0), total);
    const q2 = Math.min(Math.max(t2 - Math.max(already, t1), 0), total - q1);
    const q3 = total - q1 - q2;
    const qs = [q1, q2, q3];
    for (let i = 0; i < 3; i++) {
      if (qs[i]! > 0 || (i === 0 && total === 0)) {
        lines.push(floatLine(`energy_tier_${i + 1}`, qs[i]!, Number(rt.prices[i]), `第${i + 1}档`));
      }
    }
    if (f.lowIncome) {
      const free = Math.min(total, rt.lowIncomeFreeKwhPerMonth);
      lines.push({
        ...floatLine('low_income_free', free, Number(rt.prices[0]), '低保'),
        amountFen: -fen(free * Number(rt.prices[0])),
      });
    }
  } else if (ct.tou && input.energy.peakKwh != null) {
    const cp = num(input.energy.criticalPeakKwh);
    const pk = num(input.energy.peakKwh);
    const vl = num(input.energy.valleyKwh);
    const price = (tp: { kind: string; value: string }) =>
      tp.kind === 'ratio' ? flat * Number(tp.value) : Number(tp.value);
    if (cp > 0) lines.push(floatLine('energy_critical_peak', cp, price(ct.tou.critical_peak!), '尖峰'));
    lines.push(floatLine('energy_peak', pk, price(ct.tou.peak), '高峰'));
    lines.push(floatLine('energy_flat', total - cp - pk - vl, price(ct.tou.flat), '平段'));
    lines.push(floatLine('energy_valley', vl, price(ct.tou.valley), '低谷'));
  } else {
    lines.push(floatLine('energy', total, flat, '电度电价'));
  }
  if (input.basicFeeMethod === 'capacity') {
    const perKva = Number(ct.basic!.perKvaMonth);
    let kva = 0;
    let suspended = 0;
    for (const tr of input.transformers ?? []) {
      if (tr.state === 'cold_standby' && tr.sealed) continue;
      kva += num(tr.capacityKva);
      if (input.capacityChanges?.some((c) => c.transformerIds.includes(tr.id)))
        suspended += num(tr.capacityKva);
    }
    if (suspended > 0) {
      lines.push(floatLine('basic_capacity', kva, perKva * (10 / 30), '10天'));
      lines.push(floatLine('basic_capacity', kva - suspended, perKva * (21 / 30), '21天'));
    } else lines.push(floatLine('basic_capacity', kva, perKva, '按容量'));
  }
  if (input.pfStandard !== 'none') {
    const q = num(input.reactiveKvarh);
    const cos = Math.round((total / Math.sqrt(total * total + q * q)) * 100) / 100;
    const c = Math.round(cos * 100);
    const rate =
      c >= 95
        ? -0.75
        : c >= 90
          ? -0.15 * (c - 90)
          : c >= 70
            ? 0.5 * (90 - c)
            : c >= 65
              ? 10 + (70 - c)
              : 15 + 2 * (65 - c);
    let base = 0;
    for (const l of lines) base += l.amountFen / 100;
    lines.push({
      code: 'power_factor',
      quantity: base.toFixed(2),
      price: String(rate / 100),
      amountFen: fen((base * rate) / 100),
      rule: `功率因数${cos}`,
    });
  }
  floatSurcharges(t, cat, total, lines);
  let totalFen = 0;
  for (const l of lines) totalFen += l.amountFen;
  return { lines, totalFen };
}

// ---- Timing ---------------------------------------------------------------------------------------------
function perSecond(
  bills: BillInput[],
  price: (b: BillInput) => { totalFen: number },
  rounds: number,
): number {
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const b of bills) sink += price(b).totalFen;
    best = Math.min(best, performance.now() - t0);
  }
  if (sink === 0.5) console.log(''); // keep the work observable
  return Math.round(bills.length / (best / 1000));
}

export function benchTariffEngine(opts: { bills: number; rounds: number }): TariffEngineRow[] {
  const kinds: Kind[] = [
    'residential',
    'commercial',
    'commercial_tou',
    'two_part_tou_pf',
    'two_part_prorated',
  ];
  const tariff = DEFAULT_DEMO_TARIFF;
  const rows: TariffEngineRow[] = [];
  for (const kind of kinds) {
    const bills = syntheticBills(kind, opts.bills);
    // Warm up both paths (JIT) on a slice before timing.
    const warm = bills.slice(0, Math.min(20_000, bills.length));
    for (const b of warm) priceBill(b, tariff);
    for (const b of warm) floatPriceBill(b, tariff);
    let mismatches = 0;
    for (const b of bills)
      if (priceBill(b, tariff).totalFen !== floatPriceBill(b, tariff).totalFen) mismatches++;
    const exactPerSecond = perSecond(bills, (b) => priceBill(b, tariff), opts.rounds);
    const floatPerSecond = perSecond(bills, (b) => floatPriceBill(b, tariff), opts.rounds);
    rows.push({
      kind,
      bills: bills.length,
      exactPerSecond,
      floatPerSecond,
      ratio: exactPerSecond / floatPerSecond,
      floatMismatches: mismatches,
    });
  }
  return rows;
}

export function printTariffEngine(rows: TariffEngineRow[]): void {
  console.log(
    '\nTariff engine — priceBill on one core (best of rounds); baseline: naive float pricing, same run',
  );
  console.log(
    table(
      ['kind', 'bills', 'exact bills/s', 'float bills/s', 'exact ÷ float', 'float totals off by ≥ 1 fen'],
      rows.map((r) => [
        r.kind,
        r.bills,
        r.exactPerSecond.toLocaleString('en-US'),
        r.floatPerSecond.toLocaleString('en-US'),
        r.ratio.toFixed(2),
        `${r.floatMismatches} (${((100 * r.floatMismatches) / r.bills).toFixed(3)} %)`,
      ]),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = benchTariffEngine({
    bills: Number(arg('bills', '200000')),
    rounds: Number(arg('rounds', '3')),
  });
  printTariffEngine(rows);
}
