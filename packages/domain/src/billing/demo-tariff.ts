// The demo tariff version (effective 2026-01-01). The residential tiers (2520/4800 kWh a year at
// 0.5469/0.5969/0.8469), the large-household tier 1 (310 kWh/month), the low-income allowance
// (15 kWh/month) and the basic prices (25.5 yuan/kVA/month, 40.8 yuan/kW/month) are domain.md §9's
// example province. EVERYTHING ELSE IS AN INVENTED DEMO VALUE (plausible, not any province's notice):
// the commercial, industry and agriculture energy prices, the TOU ratios and hours, and the surcharge
// rates. A real deployment enters its provincial notice as a new tariff version.
import type { TariffVersion, TouSeason } from './types';

/** TOU ratios to the flat price (demo): critical peak 1.8, peak 1.5, flat 1, valley 0.5. */
const DEMO_TOU = {
  critical_peak: { kind: 'ratio', value: '1.8' },
  peak: { kind: 'ratio', value: '1.5' },
  flat: { kind: 'ratio', value: '1' },
  valley: { kind: 'ratio', value: '0.5' },
} as const;

/** Demo TOU day: summer (Jul–Sep) has a critical peak 20:00–22:00 inside the evening peak. */
const DEMO_SEASONS: TouSeason[] = [
  {
    code: 'summer',
    name: '夏季（7–9月）',
    months: [7, 8, 9],
    intervals: [
      { from: '00:00', to: '08:00', period: 'valley' },
      { from: '08:00', to: '10:00', period: 'flat' },
      { from: '10:00', to: '12:00', period: 'peak' },
      { from: '12:00', to: '17:00', period: 'flat' },
      { from: '17:00', to: '20:00', period: 'peak' },
      { from: '20:00', to: '22:00', period: 'critical_peak' },
      { from: '22:00', to: '23:00', period: 'flat' },
      { from: '23:00', to: '24:00', period: 'valley' },
    ],
  },
  {
    code: 'other',
    name: '其他月份',
    months: [1, 2, 3, 4, 5, 6, 10, 11, 12],
    intervals: [
      { from: '00:00', to: '08:00', period: 'valley' },
      { from: '08:00', to: '10:00', period: 'flat' },
      { from: '10:00', to: '12:00', period: 'peak' },
      { from: '12:00', to: '17:00', period: 'flat' },
      { from: '17:00', to: '22:00', period: 'peak' },
      { from: '22:00', to: '23:00', period: 'flat' },
      { from: '23:00', to: '24:00', period: 'valley' },
    ],
  },
];

export const DEFAULT_DEMO_TARIFF: TariffVersion = {
  id: 1,
  code: 'DEMO-2026',
  name: '演示电价（2026年1月1日起执行；除§9示例外均为演示值）',
  effectiveFrom: '2026-01-01',
  categories: {
    // Residential energy is priced by the tiers; `energy` is the tier-1 price for kWh another
    // category's meter bills as residential (price split).
    residential: { energy: { default: '0.5469' }, tou: null, basic: null },
    commercial: {
      energy: { default: '0.6853', '10kV': '0.6653', '20kV': '0.6603', '35kV': '0.6453' },
      tou: DEMO_TOU,
      basic: null,
    },
    large_industry: {
      energy: {
        default: '0.6300',
        '10kV': '0.6200',
        '20kV': '0.6150',
        '35kV': '0.6000',
        '110kV': '0.5800',
        '220kV': '0.5650',
      },
      tou: DEMO_TOU,
      basic: { perKvaMonth: '25.5', perKwMonth: '40.8' },
    },
    general_industry: {
      energy: { default: '0.6653', '10kV': '0.6453', '20kV': '0.6403', '35kV': '0.6253' },
      tou: DEMO_TOU,
      basic: null,
    },
    agriculture: { energy: { default: '0.4883', '10kV': '0.4783' }, tou: null, basic: null },
  },
  residentialTiers: {
    monthlyThresholdsKwh: [210, 400],
    prices: ['0.5469', '0.5969', '0.8469'],
    // §9 names the larger tier 1 only; tier 2 keeps its 400 kWh/month bound.
    largeHousehold: { minPersons: 5, monthlyThresholdsKwh: [310, 400] },
    lowIncomeFreeKwhPerMonth: 15,
  },
  // Demo surcharge rates (政府性基金及附加, examples only); agriculture is exempt in this demo.
  surcharges: [
    {
      code: 'renewable',
      name: '可再生能源电价附加',
      rates: {
        residential: '0.001',
        commercial: '0.019',
        large_industry: '0.019',
        general_industry: '0.019',
      },
    },
    {
      code: 'water_works',
      name: '国家重大水利工程建设基金',
      rates: { commercial: '0.004', large_industry: '0.004', general_industry: '0.004' },
    },
    {
      code: 'reservoir',
      name: '大中型水库移民后期扶持资金',
      rates: { commercial: '0.0062', large_industry: '0.0062', general_industry: '0.0062' },
    },
  ],
  touSeasons: DEMO_SEASONS,
};
