// priceBill: one account-period priced line by line (domain.md §9). Order of the lines on the bill:
// energy (own category: tiers / TOU / single price; then split parts), basic charge, power-factor
// adjustment on (basic + energy), surcharges. Every line is rounded to the fen; the total is their sum.
import { basicChargeLines } from './basic-charge';
import { compileTariff } from './compiled-tariff';
import {
  singleEnergyLine,
  splitEnergy,
  splitEnergyLines,
  surchargeLines,
  touEnergyLines,
  usesTou,
} from './energy-charge';
import { lineLabelKey } from './lines';
import { formatCenti, formatFen, mulDivRound, optionalCenti, quantityToCenti } from './money';
import {
  formatRateFraction,
  powerFactorAdjustmentRate,
  powerFactorHundredths,
  powerFactorRuleText,
} from './power-factor';
import { residentialEnergyLines } from './residential-tiers';
import type { BillInput, PricedBill, PricedLine, TariffVersion } from './types';

/**
 * Prices one bill. Pure and exact; throws `BillingInputError` (code, path) for an input it cannot price
 * (bad quantity or date, TOU registers above the total, a price the tariff lacks). The tariff version is
 * compiled once and cached by object identity, so treat a TariffVersion object as immutable.
 */
export function priceBill(input: BillInput, tariff: TariffVersion): PricedBill {
  const compiled = compileTariff(tariff);
  const category = input.tariffCategory;
  const prices = compiled.prices(category, input.voltageLevel);
  const total = quantityToCenti(input.energy.totalKwh, 'energy.totalKwh');
  const split = splitEnergy(total, input.priceSplit);

  const lines: PricedLine[] = [];
  if (category === 'residential') {
    // A TOU variant on top of the tiers is out of scope: residential energy is priced by tiers only.
    lines.push(...residentialEnergyLines(compiled, split.own, input.residential));
  } else if (usesTou(prices, input.energy)) {
    lines.push(...touEnergyLines(compiled, category, prices, input.energy, total, split.own));
  } else {
    lines.push(singleEnergyLine(category, input.voltageLevel, prices, split.own));
  }
  if (split.parts.length) {
    lines.push(...splitEnergyLines(compiled, input.voltageLevel, split, input.priceSplit?.method));
  }
  lines.push(...basicChargeLines(input, prices, category));

  let powerFactor: string | null = null;
  if (input.pfStandard !== 'none') {
    const cos = powerFactorHundredths(total, optionalCenti(input.reactiveKvarh, 'reactiveKvarh'));
    if (cos !== null) {
      powerFactor = (cos / 100).toFixed(2);
      const rate = powerFactorAdjustmentRate(input.pfStandard, cos);
      let base = 0;
      for (const l of lines) base += l.amountFen;
      lines.push({
        code: 'power_factor',
        labelKey: lineLabelKey('power_factor'),
        quantity: formatFen(base),
        unit: 'yuan',
        price: formatRateFraction(rate),
        amountFen: mulDivRound(base, rate, 10_000),
        rule: powerFactorRuleText(input.pfStandard, cos, rate),
        detail: { cosPhi: powerFactor, standard: input.pfStandard, ratePercent: rate / 100 },
      });
    }
  }

  const portions = [{ tariffCategory: category, kwh: split.own }, ...split.parts];
  lines.push(...surchargeLines(compiled, portions));

  let totalFen = 0;
  for (const l of lines) totalFen += l.amountFen;
  return {
    tariffVersionId: tariff.id,
    tariffCategory: category,
    lines,
    totalFen,
    energyKwh: formatCenti(total),
    powerFactor,
  };
}
