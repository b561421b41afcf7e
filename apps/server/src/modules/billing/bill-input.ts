// From what the bill run reads about an account-period to what the tariff engine prices (BillInput).
// Pure: no database, no clock — table-tested in bill-input.test.ts.
import type {
  BasicFeeMethod,
  BillInput,
  BillTransformer,
  PfStandard,
  PriceSplit,
  TariffCategory,
  VoltageLevel,
} from '@gridcare/domain';

/** One account of a batch with its period readings aggregated per register (bill-run.repository.ts). */
export interface AccountBillingRow {
  id: number;
  customer_id: number;
  org_unit_id: number;
  account_no: string;
  tariff_category: string;
  voltage_level: string;
  basic_fee_method: string;
  pf_standard: string;
  connected_on: string;
  /** Register sums of the period's billable readings (numeric → string), null when absent. */
  total_kwh: string | null;
  peak_kwh: string | null;
  flat_kwh: string | null;
  valley_kwh: string | null;
  critical_peak_kwh: string | null;
  reactive_kvarh: string | null;
  max_demand_kw: string | null;
  reading_count: number | null;
  estimated: boolean | null;
  transformers: Array<{
    id: string;
    capacityKva: string | number;
    state: BillTransformer['state'];
    sealed: boolean;
    interlockGroup: string | null;
  }> | null;
  price_split: { method?: string; parts?: Array<{ tariffCategory: string; value: number }> } | null;
  household_size: number | null;
  low_income: boolean | null;
  tier_cycle: string | null;
  contract_demand_kw: string | null;
  /** kWh billed in this annual cycle up to the latest earlier bill (bills.cycle_kwh), null when none. */
  prev_cycle_kwh: string | null;
}

export interface RunPeriod {
  period: string;
  settlement: 1 | 2;
  periodStart: string;
  periodEnd: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a 'YYYY-MM' period. */
export function monthBounds(period: string): { start: string; end: string } {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${pad(last)}` };
}

/**
 * The dates a bill shows. Large-industry accounts read twice a month (domain.md §8, days 5 and 20) get an
 * interim bill (settlement 2, dated to the 20th) for the energy its readings measured, and the monthly bill
 * (settlement 1) with the basic charge; the energy of each is whatever its own readings measured.
 */
export function runPeriod(period: string, settlement: 1 | 2): RunPeriod {
  const { start, end } = monthBounds(period);
  return { period, settlement, periodStart: start, periodEnd: settlement === 2 ? `${period}-20` : end };
}

/** Readable and unique per account-period-settlement: DF + YYYYMM + settlement + '-' + account number. */
export function billNumber(period: string, settlement: number, accountNo: string): string {
  return `DF${period.replace('-', '')}${settlement}-${accountNo}`;
}

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** domain.md §10: a bill is due `dueDays` calendar days after its issue date (default 15). */
export function dueDateOf(issueDate: string, dueDays: number): string {
  const d = new Date(`${issueDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dueDays);
  return d.toISOString().slice(0, 10);
}

/** The annual tier cycle is the calendar year: its first period. */
export function cycleStartPeriod(period: string): string {
  return `${period.slice(0, 4)}-01`;
}

/** Months of service in the annual cycle: from January or the month of connection to December. */
export function monthsOfServiceInCycle(period: string, connectedOn: string): number {
  const year = period.slice(0, 4);
  if (connectedOn.slice(0, 4) < year) return 12;
  if (connectedOn.slice(0, 4) > year) return 12;
  return 12 - Number(connectedOn.slice(5, 7)) + 1;
}

export type InputOutcome =
  { kind: 'input'; input: BillInput; estimated: boolean } | { kind: 'skip'; reason: 'no_readings' };

/** Builds the engine input of one account, or says why the account cannot be billed. */
export function billInputFromRow(row: AccountBillingRow, p: RunPeriod): InputOutcome {
  if (!row.reading_count || row.total_kwh === null) return { kind: 'skip', reason: 'no_readings' };
  const category = row.tariff_category as TariffCategory;
  const residential = category === 'residential';
  const cycle = row.tier_cycle === 'monthly' ? 'monthly' : 'annual';
  const split = row.price_split?.parts?.length
    ? ({
        method: row.price_split.method === 'fixed_quantity' ? 'fixed_quantity' : 'fixed_ratio',
        parts: row.price_split.parts.map((x) => ({
          tariffCategory: x.tariffCategory as TariffCategory,
          value: Number(x.value),
        })),
      } satisfies PriceSplit)
    : null;
  // The basic charge is monthly: an interim (second) settlement carries energy only.
  const interim = p.settlement === 2;
  const input: BillInput = {
    period: p.period,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    tariffCategory: category,
    voltageLevel: row.voltage_level as VoltageLevel,
    energy: {
      totalKwh: row.total_kwh,
      criticalPeakKwh: row.critical_peak_kwh,
      peakKwh: row.peak_kwh,
      flatKwh: row.flat_kwh,
      valleyKwh: row.valley_kwh,
    },
    reactiveKvarh: row.reactive_kvarh,
    maxDemandKw: row.max_demand_kw,
    basicFeeMethod: row.basic_fee_method as BasicFeeMethod,
    pfStandard: row.pf_standard as PfStandard,
    transformers: (row.transformers ?? []).map((t) => ({
      id: t.id,
      capacityKva: t.capacityKva,
      state: t.state,
      sealed: t.sealed,
      interlockGroup: t.interlockGroup,
    })),
    contractDemandKw: row.contract_demand_kw,
    connectedOn:
      row.connected_on >= p.periodStart && row.connected_on <= p.periodEnd ? row.connected_on : null,
    includeBasicCharge: !interim,
    residential: residential
      ? {
          cycle,
          monthsOfServiceInCycle: cycle === 'annual' ? monthsOfServiceInCycle(p.period, row.connected_on) : 1,
          householdSize: row.household_size ?? 1,
          lowIncome: row.low_income ?? false,
          kwhBilledInCycle: cycle === 'annual' ? (row.prev_cycle_kwh ?? '0') : '0',
        }
      : null,
    priceSplit: split,
  };
  return { kind: 'input', input, estimated: row.estimated ?? false };
}

/** kWh billed in the annual cycle including this bill (bills.cycle_kwh); null outside residential annual tiers. */
export function cycleKwhAfter(input: BillInput, energyKwh: string): string | null {
  if (!input.residential || input.residential.cycle !== 'annual') return null;
  const cents = toCents(input.residential.kwhBilledInCycle) + toCents(energyKwh);
  return (cents / 100).toFixed(2);
}

function toCents(q: string | number): number {
  return Math.round(Number(q) * 100);
}
