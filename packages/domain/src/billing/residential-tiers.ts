// Residential tiered pricing (居民阶梯电价, domain.md §9): three tiers; annual cycle (thresholds =
// monthly threshold × months of service, a partial month counting as a month) or monthly cycle;
// larger tier 1 for households of 5+; free kWh for low-income households; a change of account holder
// settles the tiers for the months used.
import { compileTariff, type CompiledTariff } from './compiled-tariff';
import { BillingInputError } from './errors';
import { lineLabelKey, qtyPriceLine } from './lines';
import { formatCenti, formatFen, quantityToCenti } from './money';
import type { PricedLine, ResidentialFacts, TariffVersion } from './types';

/** Monthly tier thresholds (kWh) for the household: the larger ones from `minPersons` people. */
export function monthlyTierThresholds(tariff: CompiledTariff, householdSize: number): [number, number] {
  const t = tariff.tierThresholds;
  return t.large && householdSize >= t.largeMinPersons ? t.large : t.normal;
}

/**
 * Splits `kwh` (hundredths) consumed after `already` (hundredths already billed in the cycle) into the
 * three tiers bounded by `thresholds` (hundredths): a month crossing a threshold splits in two lines.
 */
export function splitIntoTiers(
  kwh: number,
  already: number,
  thresholds: [number, number],
): [number, number, number] {
  const [t1, t2] = thresholds;
  const q1 = Math.min(Math.max(t1 - already, 0), kwh);
  const rest = kwh - q1;
  const q2 = Math.min(Math.max(t2 - Math.max(already, t1), 0), rest);
  return [q1, q2, rest - q2];
}

function checkMonths(n: number, path: string, max: number): number {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new BillingInputError('billing.quantity_invalid', path, `${path}: 月数应为1–${max}的整数`);
  }
  return n;
}

const TIER_CODES = ['energy_tier_1', 'energy_tier_2', 'energy_tier_3'] as const;
const TIER_ZH = ['第一档', '第二档', '第三档'];

/** Energy lines of a residential bill (tiers, then the low-income credit). */
export function residentialEnergyLines(
  tariff: CompiledTariff,
  kwh: number,
  facts: ResidentialFacts | null | undefined,
): PricedLine[] {
  if (!facts) {
    throw new BillingInputError(
      'billing.residential_facts_missing',
      'residential',
      '居民阶梯电价需要户信息（周期、户人口、低保）',
    );
  }
  const monthsInBill = checkMonths(facts.monthsInBill ?? 1, 'residential.monthsInBill', 12);
  const annual = facts.cycle === 'annual';
  const months = annual
    ? checkMonths(facts.monthsOfServiceInCycle, 'residential.monthsOfServiceInCycle', 12)
    : monthsInBill;
  const already = annual ? quantityToCenti(facts.kwhBilledInCycle, 'residential.kwhBilledInCycle') : 0;
  const monthly = monthlyTierThresholds(tariff, facts.householdSize);
  const t1 = monthly[0] * months * 100;
  const t2 = monthly[1] * months * 100;
  const split = splitIntoTiers(kwh, already, [t1, t2]);
  const cycleText = annual
    ? `年阶梯（${monthly[0]}/${monthly[1]} kWh/月×${months}个月：第一档≤${t1 / 100}，第二档≤${t2 / 100} kWh），本周期此前已计${formatCenti(already)} kWh`
    : `月阶梯（第一档≤${t1 / 100}，第二档≤${t2 / 100} kWh）`;
  const lines: PricedLine[] = [];
  for (let i = 0; i < 3; i++) {
    if (split[i] === 0 && !(i === 0 && kwh === 0)) continue;
    lines.push(
      qtyPriceLine(TIER_CODES[i]!, split[i]!, 'kWh', tariff.tierPrices[i]!, `${TIER_ZH[i]}：${cycleText}`, {
        detail: { tier: i + 1, cycle: facts.cycle, months, tier1LimitKwh: t1 / 100, tier2LimitKwh: t2 / 100 },
      }),
    );
  }
  if (facts.lowIncome && tariff.lowIncomeFreeKwhPerMonth > 0) {
    const free = Math.min(kwh, tariff.lowIncomeFreeKwhPerMonth * monthsInBill * 100);
    if (free > 0) {
      lines.push(
        qtyPriceLine(
          'low_income_free',
          free,
          'kWh',
          tariff.tierPrices[0],
          `低保户每月免费${tariff.lowIncomeFreeKwhPerMonth} kWh，按第一档电价抵扣`,
          { negate: true, detail: { months: monthsInBill } },
        ),
      );
    }
  }
  return lines;
}

export interface TierSettlementInput {
  householdSize: number;
  /** Months of the cycle the outgoing holder used (a partial month counts as a month), 1–12. */
  monthsUsed: number;
  /** kWh the outgoing holder consumed in the cycle (all bills of the cycle, including the last). */
  kwhUsed: number | string;
  /** Tier energy charge (fen) already billed to the holder in the cycle for those kWh. */
  billedFen: number;
}

export interface TierSettlement {
  /** kWh per tier with thresholds for the months used. */
  tierKwh: [string, string, string];
  tierLines: PricedLine[];
  /** What the months used owe by tiers. */
  settledFen: number;
  billedFen: number;
  /** settled − billed: positive = charge (补收), negative = refund (退还). */
  adjustmentFen: number;
  /** The line to put on the final bill; null when nothing to settle. */
  adjustmentLine: PricedLine | null;
}

/**
 * 过户清算: a change of account holder settles the annual tiers for the months used — the kWh of those
 * months are re-tiered against thresholds × months used, and the difference to what was billed is
 * charged or refunded on the final bill (domain.md §9).
 */
export function settleResidentialCycle(version: TariffVersion, input: TierSettlementInput): TierSettlement {
  const tariff = compileTariff(version);
  const months = checkMonths(input.monthsUsed, 'monthsUsed', 12);
  if (!Number.isSafeInteger(input.billedFen)) {
    throw new BillingInputError('billing.quantity_invalid', 'billedFen', 'billedFen: 应为整数（分）');
  }
  const kwh = quantityToCenti(input.kwhUsed, 'kwhUsed');
  const monthly = monthlyTierThresholds(tariff, input.householdSize);
  const t1 = monthly[0] * months * 100;
  const t2 = monthly[1] * months * 100;
  const split = splitIntoTiers(kwh, 0, [t1, t2]);
  const tierLines: PricedLine[] = [];
  let settledFen = 0;
  for (let i = 0; i < 3; i++) {
    if (split[i] === 0) continue;
    const line = qtyPriceLine(
      TIER_CODES[i]!,
      split[i]!,
      'kWh',
      tariff.tierPrices[i]!,
      `过户清算${TIER_ZH[i]}：${months}个月第一档≤${t1 / 100}，第二档≤${t2 / 100} kWh`,
    );
    settledFen += line.amountFen;
    tierLines.push(line);
  }
  const adjustmentFen = settledFen - input.billedFen;
  const adjustmentLine: PricedLine | null =
    adjustmentFen === 0
      ? null
      : {
          code: 'tier_settlement',
          labelKey: lineLabelKey('tier_settlement'),
          quantity: formatFen(adjustmentFen),
          unit: 'yuan',
          price: '1.00',
          amountFen: adjustmentFen,
          rule: `过户清算阶梯电费：${months}个月共${formatCenti(kwh)} kWh，应收${formatFen(settledFen)}元，已收${formatFen(input.billedFen)}元，${adjustmentFen > 0 ? '补收' : '退还'}${formatFen(Math.abs(adjustmentFen))}元`,
          detail: { months, kwhUsed: formatCenti(kwh), settledFen, billedFen: input.billedFen },
        };
  return {
    tierKwh: [formatCenti(split[0]), formatCenti(split[1]), formatCenti(split[2])],
    tierLines,
    settledFen,
    billedFen: input.billedFen,
    adjustmentFen,
    adjustmentLine,
  };
}
