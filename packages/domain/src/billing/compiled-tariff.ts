// A tariff version read once into integer prices (micro-yuan), cached per version object, so pricing a
// million bills of a bill run parses each price string once, not once per bill.
import type { VoltageLevel } from '../customers/classification';
import { BillingInputError } from './errors';
import { PRICE_SCALE, divRound, parseScaledDecimal } from './money';
import type { TariffCategory, TariffVersion, TouPeriod, TouPrice } from './types';

export interface CategoryPrices {
  /** Flat/catalogue energy price, micro-yuan per kWh. */
  energy: number;
  /** TOU prices by period (null when the category has no TOU, or that period has no price). */
  tou: Record<TouPeriod, number | null> | null;
  basicPerKva: number | null;
  basicPerKw: number | null;
}

export interface SurchargePrices {
  code: string;
  name: string;
  rate: number;
}

export interface CompiledTariff {
  tariff: TariffVersion;
  tierThresholds: { normal: [number, number]; large: [number, number] | null; largeMinPersons: number };
  tierPrices: [number, number, number];
  lowIncomeFreeKwhPerMonth: number;
  prices(category: TariffCategory, voltage: VoltageLevel): CategoryPrices;
  surcharges(category: TariffCategory): SurchargePrices[];
}

const cache = new WeakMap<TariffVersion, CompiledTariff>();

/** A price in micro-yuan; throws when the tariff text is not a decimal with ≤ 6 decimals. */
export function priceMicro(text: string | null | undefined, path: string): number {
  const n = typeof text === 'string' ? parseScaledDecimal(text, 6) : null;
  if (n === null || n < 0) {
    throw new BillingInputError('billing.price_missing', path, `电价版本缺少价格或价格格式不正确：${path}`);
  }
  return n;
}

function touPriceMicro(tp: TouPrice, flat: number, path: string): number {
  const v = priceMicro(tp.value, path);
  // ratio × flat price, kept to 6 decimals (half-up) like a published price.
  return tp.kind === 'ratio' ? divRound(v * flat, PRICE_SCALE) : v;
}

function compile(tariff: TariffVersion): CompiledTariff {
  const rt = tariff.residentialTiers;
  const pricesCache = new Map<string, CategoryPrices>();
  const surchargeCache = new Map<TariffCategory, SurchargePrices[]>();
  return {
    tariff,
    tierThresholds: {
      normal: rt.monthlyThresholdsKwh,
      large: rt.largeHousehold ? rt.largeHousehold.monthlyThresholdsKwh : null,
      largeMinPersons: rt.largeHousehold ? rt.largeHousehold.minPersons : Infinity,
    },
    tierPrices: [
      priceMicro(rt.prices[0], 'residentialTiers.prices.0'),
      priceMicro(rt.prices[1], 'residentialTiers.prices.1'),
      priceMicro(rt.prices[2], 'residentialTiers.prices.2'),
    ],
    lowIncomeFreeKwhPerMonth: rt.lowIncomeFreeKwhPerMonth,
    prices(category, voltage) {
      const key = `${category}|${voltage}`;
      let p = pricesCache.get(key);
      if (!p) {
        p = compileCategory(tariff, category, voltage);
        pricesCache.set(key, p);
      }
      return p;
    },
    surcharges(category) {
      let s = surchargeCache.get(category);
      if (!s) {
        s = [];
        tariff.surcharges.forEach((sc, i) => {
          const rate = sc.rates[category];
          if (rate === undefined || rate === null) return;
          const micro = priceMicro(rate, `surcharges.${i}.rates.${category}`);
          if (micro > 0) s!.push({ code: sc.code, name: sc.name, rate: micro });
        });
        surchargeCache.set(category, s);
      }
      return s;
    },
  };
}

function compileCategory(
  tariff: TariffVersion,
  category: TariffCategory,
  voltage: VoltageLevel,
): CategoryPrices {
  const ct = tariff.categories[category];
  const base = `categories.${category}`;
  if (!ct) {
    throw new BillingInputError('billing.price_missing', base, `电价版本缺少类别：${category}`);
  }
  const energyText = ct.energy[voltage] ?? ct.energy.default;
  const energy = priceMicro(energyText, `${base}.energy.${ct.energy[voltage] ? voltage : 'default'}`);
  let tou: CategoryPrices['tou'] = null;
  if (ct.tou) {
    const flat = touPriceMicro(ct.tou.flat, energy, `${base}.tou.flat`);
    tou = {
      critical_peak: ct.tou.critical_peak
        ? touPriceMicro(ct.tou.critical_peak, energy, `${base}.tou.critical_peak`)
        : null,
      peak: touPriceMicro(ct.tou.peak, energy, `${base}.tou.peak`),
      flat,
      valley: touPriceMicro(ct.tou.valley, energy, `${base}.tou.valley`),
    };
  }
  return {
    energy,
    tou,
    basicPerKva: ct.basic ? priceMicro(ct.basic.perKvaMonth, `${base}.basic.perKvaMonth`) : null,
    basicPerKw: ct.basic ? priceMicro(ct.basic.perKwMonth, `${base}.basic.perKwMonth`) : null,
  };
}

/** The compiled form of a tariff version (cached for the lifetime of the version object). */
export function compileTariff(tariff: TariffVersion): CompiledTariff {
  let c = cache.get(tariff);
  if (!c) {
    c = compile(tariff);
    cache.set(tariff, c);
  }
  return c;
}
