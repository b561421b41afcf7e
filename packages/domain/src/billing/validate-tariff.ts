// Semantic checks of a tariff version that a schema can't express (the zod schema in
// packages/contracts checks shapes): prices are decimals with ≤ 6 decimals, tier thresholds ascend,
// the TOU day of every season covers 24 h without gap or overlap, seasons cover each month once, a
// critical-peak period has a price, the two-part category has basic prices, surcharge codes are unique.
import { VOLTAGE_LEVELS } from '../customers/classification';
import { parseScaledDecimal } from './money';
import { TARIFF_CATEGORY_LIST, TOU_PERIODS } from './types';
import type { TariffIssue, TariffVersion, TouPeriod, TouPrice } from './types';

type Path = (string | number)[];

class Issues {
  readonly list: TariffIssue[] = [];
  add(path: Path, code: string, message: string, messageEn: string): void {
    this.list.push({ path, code, message, messageEn });
  }
}

const HHMM_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(hhmm: string): number | null {
  const m = HHMM_RE.exec(hhmm);
  if (!m) return null;
  const v = +m[1]! * 60 + +m[2]!;
  return v <= 1440 ? v : null;
}

function price(issues: Issues, path: Path, text: unknown): number | null {
  const n = typeof text === 'string' ? parseScaledDecimal(text, 6) : null;
  if (n === null || n < 0) {
    issues.add(
      path,
      'tariff.price_format',
      '价格应为不小于0、最多6位小数的数',
      'Price must be a decimal ≥ 0 with at most 6 decimals',
    );
    return null;
  }
  return n;
}

function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

function checkThresholds(issues: Issues, path: Path, t: unknown): void {
  const ok =
    Array.isArray(t) &&
    t.length === 2 &&
    t.every((x) => Number.isInteger(x) && x > 0) &&
    (t[0] as number) < (t[1] as number);
  if (!ok) {
    issues.add(
      path,
      'tariff.tier_thresholds',
      '阶梯分档电量应为两个递增的正整数（kWh/月）',
      'Tier thresholds must be two ascending positive whole kWh per month',
    );
  }
}

function checkResidential(issues: Issues, t: TariffVersion): void {
  const rt = t.residentialTiers;
  checkThresholds(issues, ['residentialTiers', 'monthlyThresholdsKwh'], rt.monthlyThresholdsKwh);
  const p = rt.prices.map((x, i) => price(issues, ['residentialTiers', 'prices', i], x));
  if (p[0] !== null && p[1] !== null && p[2] !== null && !(p[0]! < p[1]! && p[1]! < p[2]!)) {
    issues.add(
      ['residentialTiers', 'prices'],
      'tariff.tier_prices',
      '阶梯电价应逐档递增',
      'Tier prices must rise from tier to tier',
    );
  }
  if (rt.largeHousehold) {
    checkThresholds(
      issues,
      ['residentialTiers', 'largeHousehold', 'monthlyThresholdsKwh'],
      rt.largeHousehold.monthlyThresholdsKwh,
    );
    if (!Number.isInteger(rt.largeHousehold.minPersons) || rt.largeHousehold.minPersons < 2) {
      issues.add(
        ['residentialTiers', 'largeHousehold', 'minPersons'],
        'tariff.min_persons',
        '多人口户人数应为不小于2的整数',
        'Large household size must be a whole number ≥ 2',
      );
    }
  }
  if (!Number.isInteger(rt.lowIncomeFreeKwhPerMonth) || rt.lowIncomeFreeKwhPerMonth < 0) {
    issues.add(
      ['residentialTiers', 'lowIncomeFreeKwhPerMonth'],
      'tariff.free_kwh',
      '低保户免费电量应为不小于0的整数',
      'Low-income free kWh must be a whole number ≥ 0',
    );
  }
}

function checkCategories(issues: Issues, t: TariffVersion, usesCriticalPeak: boolean): void {
  for (const cat of TARIFF_CATEGORY_LIST) {
    const ct = t.categories[cat];
    if (!ct) {
      issues.add(
        ['categories', cat],
        'tariff.category_missing',
        '缺少该用电类别的电价',
        'Category prices are missing',
      );
      continue;
    }
    for (const [level, text] of Object.entries(ct.energy)) {
      if (level !== 'default' && !(VOLTAGE_LEVELS as readonly string[]).includes(level)) {
        issues.add(
          ['categories', cat, 'energy', level],
          'tariff.voltage_level',
          '未知的电压等级',
          'Unknown voltage level',
        );
      }
      price(issues, ['categories', cat, 'energy', level], text);
    }
    if (ct.tou) {
      const values: Partial<Record<TouPeriod, TouPrice>> = {};
      for (const period of TOU_PERIODS) {
        const tp = ct.tou[period];
        if (!tp) continue;
        values[period] = tp;
        price(issues, ['categories', cat, 'tou', period, 'value'], tp.value);
      }
      if (usesCriticalPeak && !ct.tou.critical_peak) {
        issues.add(
          ['categories', cat, 'tou', 'critical_peak'],
          'tariff.critical_peak_price',
          '分时季节含尖峰时段，需填写尖峰电价',
          'A season has a critical peak: give its price',
        );
      }
      // Where every period is a ratio, the order must hold: critical peak ≥ peak ≥ flat ≥ valley.
      const ratios = TOU_PERIODS.filter((p) => values[p]).map((p) =>
        values[p]!.kind === 'ratio' ? parseScaledDecimal(values[p]!.value, 6) : null,
      );
      if (ratios.every((r) => r !== null) && ratios.some((r, i) => i > 0 && r! > ratios[i - 1]!)) {
        issues.add(
          ['categories', cat, 'tou'],
          'tariff.tou_order',
          '分时比价应满足尖峰≥高峰≥平段≥低谷',
          'TOU ratios must satisfy critical peak ≥ peak ≥ flat ≥ valley',
        );
      }
    }
    if (ct.basic) {
      price(issues, ['categories', cat, 'basic', 'perKvaMonth'], ct.basic.perKvaMonth);
      price(issues, ['categories', cat, 'basic', 'perKwMonth'], ct.basic.perKwMonth);
    } else if (cat === 'large_industry') {
      issues.add(
        ['categories', cat, 'basic'],
        'tariff.basic_missing',
        '大工业两部制电价需填写基本电价',
        'Large industry (two-part) needs basic charge prices',
      );
    }
  }
}

function checkSeasons(issues: Issues, t: TariffVersion): void {
  const monthSeen = new Map<number, number>();
  t.touSeasons.forEach((season, si) => {
    season.months.forEach((m, mi) => {
      if (!Number.isInteger(m) || m < 1 || m > 12) {
        issues.add(['touSeasons', si, 'months', mi], 'tariff.month', '月份应为1–12', 'Month must be 1–12');
      } else if (monthSeen.has(m)) {
        issues.add(
          ['touSeasons', si, 'months', mi],
          'tariff.month_twice',
          `${m}月已属于另一季节`,
          `Month ${m} already belongs to another season`,
        );
      } else monthSeen.set(m, si);
    });
    const spans: Array<{ from: number; to: number; i: number }> = [];
    season.intervals.forEach((iv, i) => {
      const from = minutesOf(iv.from);
      const to = minutesOf(iv.to);
      if (from === null || to === null || from >= to) {
        issues.add(
          ['touSeasons', si, 'intervals', i],
          'tariff.interval',
          '时段应为HH:MM且开始早于结束（结束可为24:00）',
          'Interval must be HH:MM with start before end (end may be 24:00)',
        );
      } else spans.push({ from, to, i });
    });
    spans.sort((a, b) => a.from - b.from);
    let at = 0;
    for (const s of spans) {
      if (s.from < at) {
        issues.add(['touSeasons', si, 'intervals', s.i], 'tariff.overlap', '时段重叠', 'Intervals overlap');
      } else if (s.from > at) {
        issues.add(
          ['touSeasons', si, 'intervals'],
          'tariff.gap',
          `时段未覆盖全天：缺少从第${at}分钟起的时段`,
          `Intervals leave a gap from minute ${at}`,
        );
      }
      at = Math.max(at, s.to);
    }
    if (at < 1440 && spans.length === season.intervals.length) {
      issues.add(
        ['touSeasons', si, 'intervals'],
        'tariff.gap',
        '时段未覆盖全天24小时',
        'Intervals do not cover 24 h',
      );
    }
  });
  if (t.touSeasons.length > 0 && monthSeen.size !== 12) {
    issues.add(
      ['touSeasons'],
      'tariff.months_missing',
      '分时季节应覆盖全年12个月',
      'Seasons must cover all 12 months',
    );
  }
}

/** Semantic problems of a tariff version; empty when it can be used. */
export function validateTariffVersion(t: TariffVersion): TariffIssue[] {
  const issues = new Issues();
  if (!isValidDate(t.effectiveFrom)) {
    issues.add(
      ['effectiveFrom'],
      'tariff.date',
      '执行日期应为YYYY-MM-DD',
      'Effective date must be YYYY-MM-DD',
    );
  }
  const usesCriticalPeak = t.touSeasons.some((s) => s.intervals.some((i) => i.period === 'critical_peak'));
  const anyTou = TARIFF_CATEGORY_LIST.some((c) => t.categories[c]?.tou);
  if (anyTou && t.touSeasons.length === 0) {
    issues.add(
      ['touSeasons'],
      'tariff.seasons_missing',
      '有分时电价时需定义分时季节',
      'TOU prices need seasons',
    );
  }
  checkResidential(issues, t);
  checkCategories(issues, t, usesCriticalPeak);
  checkSeasons(issues, t);
  const codes = new Set<string>();
  t.surcharges.forEach((s, i) => {
    if (codes.has(s.code)) {
      issues.add(
        ['surcharges', i, 'code'],
        'tariff.surcharge_code',
        '附加费代码重复',
        'Duplicate surcharge code',
      );
    }
    codes.add(s.code);
    for (const [cat, rate] of Object.entries(s.rates)) {
      if (!(TARIFF_CATEGORY_LIST as readonly string[]).includes(cat)) {
        issues.add(['surcharges', i, 'rates', cat], 'tariff.category', '未知的用电类别', 'Unknown category');
      }
      price(issues, ['surcharges', i, 'rates', cat], rate);
    }
  });
  return issues.list;
}
