import { describe, expect, it } from 'vitest';
import type { AccountBillingRow } from './bill-input';
import {
  billInputFromRow,
  billNumber,
  cycleKwhAfter,
  dueDateOf,
  monthBounds,
  monthsOfServiceInCycle,
  runPeriod,
  shanghaiDate,
} from './bill-input';
import { correctForMeterError } from './adjustments.service';

const row = (over: Partial<AccountBillingRow> = {}): AccountBillingRow => ({
  id: 1,
  customer_id: 1,
  org_unit_id: 1,
  account_no: '3000000001',
  tariff_category: 'residential',
  voltage_level: '220V',
  basic_fee_method: 'none',
  pf_standard: 'none',
  connected_on: '2024-03-15',
  total_kwh: '300.00',
  peak_kwh: null,
  flat_kwh: null,
  valley_kwh: null,
  critical_peak_kwh: null,
  reactive_kvarh: null,
  max_demand_kw: null,
  reading_count: 1,
  estimated: false,
  transformers: null,
  price_split: null,
  household_size: null,
  low_income: null,
  tier_cycle: null,
  contract_demand_kw: null,
  prev_cycle_kwh: null,
  ...over,
});

describe('bill input', () => {
  it.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('%s runs from %s to %s', (period, start, end) => {
    expect(monthBounds(period)).toEqual({ start, end });
  });

  it('dates the interim (second) settlement to the 20th and charges no basic fee on it', () => {
    expect(runPeriod('2026-10', 2)).toMatchObject({ periodStart: '2026-10-01', periodEnd: '2026-10-20' });
    const out = billInputFromRow(
      row({ tariff_category: 'large_industry', basic_fee_method: 'capacity' }),
      runPeriod('2026-10', 2),
    );
    expect(out.kind === 'input' && out.input.includeBasicCharge).toBe(false);
  });

  it.each([
    ['2026-11-01', 15, '2026-11-16'],
    ['2026-12-20', 15, '2027-01-04'],
    ['2028-02-20', 10, '2028-03-01'],
  ])('a bill issued %s with %i days is due %s (domain.md §10)', (issue, days, due) => {
    expect(dueDateOf(issue, days)).toBe(due);
  });

  it('uses the Beijing date: 23:30 UTC is already the next day', () => {
    expect(shanghaiDate(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11-01');
    expect(shanghaiDate(new Date('2026-10-31T15:59:00Z'))).toBe('2026-10-31');
  });

  it('numbers bills readably and uniquely per account-period-settlement', () => {
    expect(billNumber('2026-10', 1, '3000000001')).toBe('DF2026101-3000000001');
    expect(billNumber('2026-10', 2, '3000000001')).toBe('DF2026102-3000000001');
  });

  it.each([
    ['2026-10', '2024-03-15', 12],
    ['2026-10', '2026-03-15', 10],
    ['2026-10', '2026-01-31', 12],
    ['2026-10', '2026-10-02', 3],
  ])(
    'in %s an account connected %s has %i months of service in the annual cycle',
    (period, connected, months) => {
      expect(monthsOfServiceInCycle(period, connected)).toBe(months);
    },
  );

  it('skips an account without readings', () => {
    const p = runPeriod('2026-10', 1);
    expect(billInputFromRow(row({ reading_count: null, total_kwh: null }), p)).toEqual({
      kind: 'skip',
      reason: 'no_readings',
    });
  });

  it('gives residential accounts their household facts and the kWh already billed in the year', () => {
    const out = billInputFromRow(
      row({ household_size: 6, low_income: true, prev_cycle_kwh: '2450.00', estimated: true }),
      runPeriod('2026-10', 1),
    );
    expect(out.kind).toBe('input');
    if (out.kind !== 'input') return;
    expect(out.estimated).toBe(true);
    expect(out.input.residential).toEqual({
      cycle: 'annual',
      monthsOfServiceInCycle: 12,
      householdSize: 6,
      lowIncome: true,
      kwhBilledInCycle: '2450.00',
    });
    expect(cycleKwhAfter(out.input, '300.00')).toBe('2750.00');
  });

  it('prorates only when the connection falls inside the period', () => {
    const inside = billInputFromRow(row({ connected_on: '2026-10-11' }), runPeriod('2026-10', 1));
    const before = billInputFromRow(row({ connected_on: '2026-09-30' }), runPeriod('2026-10', 1));
    expect(inside.kind === 'input' && inside.input.connectedOn).toBe('2026-10-11');
    expect(before.kind === 'input' && before.input.connectedOn).toBeNull();
  });

  it.each([
    [105, 5, '100.00'],
    ['98.00', -2, '100.00'],
    [1000, 2.5, '975.61'],
    [null, 5, null],
  ])('a meter recording %s kWh with an error of %s%% measured the true %s kWh', (q, e, expected) => {
    expect(correctForMeterError(q, e)).toBe(expected);
  });
});
