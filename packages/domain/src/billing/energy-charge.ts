// Energy charge (电度电费) of non-residential categories — single price or time-of-use — and the split of
// one meter's kWh over several price categories (定比/定量, domain.md §9).
import type { VoltageLevel } from '../customers/classification';
import type { CategoryPrices, CompiledTariff } from './compiled-tariff';
import { BillingInputError } from './errors';
import { CATEGORY_NAMES_ZH, qtyPriceLine } from './lines';
import { formatCenti, formatPrice, mulDivRound, optionalCenti, quantityToCenti } from './money';
import type { EnergyRegisters, PricedLine, PriceSplit, TariffCategory, TouPeriod, TouPrice } from './types';

export interface EnergySplit {
  /** kWh (hundredths) left at the account's own category. */
  own: number;
  parts: Array<{ tariffCategory: TariffCategory; kwh: number; value: number }>;
}

/**
 * 定比定量: a fixed ratio (0.2 = 20 %) or a fixed quantity (kWh) of the meter's energy is priced at another
 * category, the rest at the account's own. Ratio parts are rounded to 0.01 kWh half-up. A fixed quantity
 * larger than what is left is cut to what is left (a low month must still bill), parts in their order.
 */
export function splitEnergy(total: number, split: PriceSplit | null | undefined): EnergySplit {
  if (!split || split.parts.length === 0) return { own: total, parts: [] };
  let left = total;
  const parts: EnergySplit['parts'] = [];
  split.parts.forEach((part, i) => {
    let kwh: number;
    if (split.method === 'fixed_ratio') {
      const ppm = Math.round(part.value * 1_000_000);
      if (!(ppm >= 0 && ppm <= 1_000_000)) {
        throw new BillingInputError(
          'billing.split_exceeds_total',
          `priceSplit.parts.${i}.value`,
          '定比比例应在0–1之间',
        );
      }
      kwh = mulDivRound(total, ppm, 1_000_000);
      if (kwh > left) {
        throw new BillingInputError(
          'billing.split_exceeds_total',
          `priceSplit.parts.${i}.value`,
          '定比比例之和超过100%',
        );
      }
    } else {
      kwh = Math.min(quantityToCenti(part.value, `priceSplit.parts.${i}.value`), left);
    }
    left -= kwh;
    parts.push({ tariffCategory: part.tariffCategory, kwh, value: part.value });
  });
  return { own: left, parts };
}

/** Lines for the split parts, each at its category's catalogue price (no tiers, no TOU). */
export function splitEnergyLines(
  tariff: CompiledTariff,
  voltage: VoltageLevel,
  split: EnergySplit,
  method: PriceSplit['method'] | undefined,
): PricedLine[] {
  return split.parts.map((part) => {
    const price = tariff.prices(part.tariffCategory, voltage).energy;
    const how =
      method === 'fixed_ratio'
        ? `定比${+(part.value * 100).toFixed(4)}%`
        : `定量${formatCenti(quantityToCenti(part.value, 'priceSplit'))} kWh`;
    return qtyPriceLine(
      'energy_split',
      part.kwh,
      'kWh',
      price,
      `${how}按${CATEGORY_NAMES_ZH[part.tariffCategory]}电价计收`,
      { tariffCategory: part.tariffCategory, detail: { method: method ?? 'none' } },
    );
  });
}

/** Whether the bill is priced by TOU: the category has TOU prices and peak and valley registers came. */
export function usesTou(prices: CategoryPrices, energy: EnergyRegisters): boolean {
  return (
    prices.tou !== null &&
    energy.peakKwh !== undefined &&
    energy.peakKwh !== null &&
    energy.valleyKwh !== undefined &&
    energy.valleyKwh !== null
  );
}

const TOU_ZH: Record<TouPeriod, string> = {
  critical_peak: '尖峰',
  peak: '高峰',
  flat: '平段',
  valley: '低谷',
};
const TOU_CODES = {
  critical_peak: 'energy_critical_peak',
  peak: 'energy_peak',
  flat: 'energy_flat',
  valley: 'energy_valley',
} as const;

function touRule(period: TouPeriod, tp: TouPrice | null | undefined, flatMicro: number): string {
  if (tp && tp.kind === 'ratio') {
    return `分时${TOU_ZH[period]}：平段电价${formatPrice(flatMicro)}×${tp.value}`;
  }
  return `分时${TOU_ZH[period]}电价`;
}

/**
 * TOU energy lines for `own` kWh. Flat = total − critical peak − peak − valley (平 = 总 − 尖 − 峰 − 谷).
 * When a price split took part of the energy, each period register keeps its share (own/total,
 * rounded to 0.01 kWh) and flat takes the rest, so the lines always add up to `own`.
 */
export function touEnergyLines(
  tariff: CompiledTariff,
  category: TariffCategory,
  prices: CategoryPrices,
  energy: EnergyRegisters,
  total: number,
  own: number,
): PricedLine[] {
  const tou = prices.tou!;
  let critical = optionalCenti(energy.criticalPeakKwh, 'energy.criticalPeakKwh');
  let peak = optionalCenti(energy.peakKwh, 'energy.peakKwh');
  let valley = optionalCenti(energy.valleyKwh, 'energy.valleyKwh');
  if (critical + peak + valley > total) {
    throw new BillingInputError('billing.tou_exceeds_total', 'energy', '尖峰、高峰、低谷电量之和超过总电量');
  }
  if (own !== total && total > 0) {
    critical = mulDivRound(critical, own, total);
    peak = mulDivRound(peak, own, total);
    valley = mulDivRound(valley, own, total);
    // Rounding three shares up can overshoot by 0.01 kWh each; flat absorbs it, never negative.
    while (critical + peak + valley > own) {
      if (valley > 0) valley--;
      else if (peak > 0) peak--;
      else critical--;
    }
  }
  const qty: Record<TouPeriod, number> = {
    critical_peak: critical,
    peak,
    flat: own - critical - peak - valley,
    valley,
  };
  const source = tariff.tariff.categories[category].tou;
  const lines: PricedLine[] = [];
  for (const period of ['critical_peak', 'peak', 'flat', 'valley'] as const) {
    const q = qty[period];
    if (q === 0 && period === 'critical_peak') continue;
    const price = tou[period];
    if (price === null) {
      throw new BillingInputError(
        'billing.price_missing',
        `categories.${category}.tou.${period}`,
        `电价版本缺少${TOU_ZH[period]}电价`,
      );
    }
    lines.push(
      qtyPriceLine(TOU_CODES[period], q, 'kWh', price, touRule(period, source?.[period], prices.energy), {
        detail: { period },
      }),
    );
  }
  return lines;
}

/** Single-price energy line of a category at the account's voltage. */
export function singleEnergyLine(
  category: TariffCategory,
  voltage: VoltageLevel,
  prices: CategoryPrices,
  kwh: number,
): PricedLine {
  return qtyPriceLine(
    'energy',
    kwh,
    'kWh',
    prices.energy,
    `${CATEGORY_NAMES_ZH[category]}${voltage}电度电价`,
  );
}

/** 政府性基金及附加: one line per surcharge and category, per kWh of that category. */
export function surchargeLines(
  tariff: CompiledTariff,
  portions: Array<{ tariffCategory: TariffCategory; kwh: number }>,
): PricedLine[] {
  const lines: PricedLine[] = [];
  for (const portion of portions) {
    if (portion.kwh === 0) continue;
    for (const s of tariff.surcharges(portion.tariffCategory)) {
      lines.push(
        qtyPriceLine(
          'surcharge',
          portion.kwh,
          'kWh',
          s.rate,
          `${s.name}：${CATEGORY_NAMES_ZH[portion.tariffCategory]}每kWh ${formatPrice(s.rate)}元`,
          {
            tariffCategory: portion.tariffCategory,
            detail: { surchargeCode: s.code, surchargeName: s.name },
          },
        ),
      );
    }
  }
  return lines;
}
