// Building bill lines: the quantity and price as decimal strings, the amount already rounded to the fen.
import { amountFen, formatCenti, formatPrice } from './money';
import type { BillLineCode, BillLineUnit, PricedLine, TariffCategory } from './types';

/** i18n key of a line code: the web translates `billing.line.<code>`. */
export function lineLabelKey(code: BillLineCode): string {
  return `billing.line.${code}`;
}

/** A quantity × price line (energy, tiers, TOU, surcharges): amount = q × p rounded to the fen. */
export function qtyPriceLine(
  code: BillLineCode,
  qtyCenti: number,
  unit: BillLineUnit,
  price: number,
  rule: string,
  extra?: { tariffCategory?: TariffCategory; detail?: PricedLine['detail']; negate?: boolean },
): PricedLine {
  const amount = amountFen(qtyCenti, price);
  const line: PricedLine = {
    code,
    labelKey: lineLabelKey(code),
    quantity: formatCenti(qtyCenti),
    unit,
    price: formatPrice(extra?.negate ? -price : price),
    amountFen: extra?.negate ? -amount : amount,
    rule,
  };
  if (extra?.tariffCategory) line.tariffCategory = extra.tariffCategory;
  if (extra?.detail) line.detail = extra.detail;
  return line;
}

/** Chinese names of the categories for rule texts. */
export const CATEGORY_NAMES_ZH: Record<TariffCategory, string> = {
  residential: '居民生活',
  commercial: '商业',
  large_industry: '大工业',
  general_industry: '普通工业',
  agriculture: '农业生产',
};
