// Builds one customer with its premise, accounts, meters, transformers and contacts as COPY rows.
import { requiresAccountManager, type CustomerClass, type ImportanceTier } from '@gridcare/domain';
import { weighted, type Rng } from './prng';
import { IdentityFactory } from './identity-gen';
import { INDUSTRIES, type Industry } from './zh-data';
import {
  CITY,
  PROVINCE,
  businessAddress,
  companyName,
  homeAddress,
  personName,
  pinyinHandle,
  shopName,
  systemCustomerName,
  type Address,
  type District,
} from './people';
import type { OfficeTopology, OfficeUnit } from './topology';
import { NULL, type ChunkRows } from './tables';
import { DAYS, DAY_COUNT } from './dates';
import type { ManagedRows, ManagerPicker } from './managed-customers';

export interface OfficeContext {
  unit: OfficeUnit;
  topology: OfficeTopology;
  districts: readonly District[];
  homeDistrict: District;
}

export interface IdCursor {
  customer: number;
  contact: number;
  premise: number;
  account: number;
  meter: number;
  transformer: number;
  customerNo: number;
  accountNo: number;
}

const CLASS_MIX: [CustomerClass, number][] = [
  ['residential', 880],
  ['lv_non_residential', 90],
  ['hv', 25],
  ['large_industry', 5],
];
const TIER_MIX: Record<Exclude<CustomerClass, 'residential'>, [ImportanceTier, number][]> = {
  lv_non_residential: [
    ['grassroots', 945],
    ['key', 50],
    ['important', 5],
  ],
  hv: [
    ['grassroots', 55],
    ['key', 35],
    ['important', 10],
  ],
  large_industry: [
    ['grassroots', 20],
    ['key', 50],
    ['important', 30],
  ],
};
const VIP_RATE: Record<CustomerClass, number> = {
  residential: 0.003,
  lv_non_residential: 0.03,
  hv: 0.12,
  large_industry: 0.4,
};
const CREDIT: [string, number][] = [
  ['AAA', 20],
  ['AA', 40],
  ['A', 30],
  ['B', 7],
  ['C', 2],
  ['D', 1],
];
const LI_FIRST_KVA = [315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500];
const LI_EXTRA_KVA = [200, 315, 400, 630, 800];
const HV_KVA_BY_COUNT = [
  [50, 80, 100, 125, 160, 200, 250],
  [50, 63, 80, 100, 125],
  [30, 50, 63, 80],
];
const LV_KVA = [10, 15, 20, 30, 40, 50, 63, 80, 100, 125, 160];
const CT_STEPS = [1, 5, 10, 15, 20, 30, 40, 60, 80, 120, 160];

function ctRatio(kva: number, kv: number): number {
  const amps = kva / (1.732 * kv);
  for (const r of CT_STEPS) if (r * 5 >= amps) return r;
  return CT_STEPS[CT_STEPS.length - 1];
}

export class CustomerFactory {
  private readonly ids: IdentityFactory;
  private readonly officeWeights: [OfficeContext, number][];
  readonly managed: ManagedRows;

  constructor(
    private readonly rng: Rng,
    seed: number,
    offices: OfficeContext[],
    private readonly cursor: IdCursor,
    private readonly managers: ManagerPicker,
    managedRows: ManagedRows,
  ) {
    this.ids = new IdentityFactory(seed);
    this.officeWeights = offices.map((o) => [o, o.unit.weight]);
    this.managed = managedRows;
  }

  build(out: ChunkRows): void {
    const rng = this.rng;
    const office = weighted(rng, this.officeWeights);
    const cls = weighted(rng, CLASS_MIX);
    const c = this.cursor;
    const id = c.customer++;
    const customerNo = 'C' + c.customerNo++;
    const orgId = office.unit.id;
    const area = office.unit.area;
    const district = rng.chance(0.8) ? office.homeDistrict : rng.pick(office.districts);
    const createdIdx = rng.int(0, DAY_COUNT - 1);
    const created = DAYS[createdIdx];
    const createdAt = `${created} 0${rng.int(8, 9)}:${rng.int(10, 59)}:00+08`;
    const tier: ImportanceTier = cls === 'residential' ? 'residential' : weighted(rng, TIER_MIX[cls]);
    const vip = rng.chance(VIP_RATE[cls]);
    const business = cls !== 'residential';
    const hv = cls === 'hv' || cls === 'large_industry';

    // Identity: persons for residents, organisations (or individual businesses) otherwise.
    let name: string;
    let certNo: string;
    let industry: Industry | null = null;
    let relationship = 'social';
    let personMale = true;
    if (!business) {
      const rid = this.ids.residentId();
      personMale = rid.male;
      certNo = rid.id;
      name = personName(rng, rid.male);
    } else {
      industry = rng.pick(
        cls === 'large_industry'
          ? INDUSTRIES.manufacturing
          : cls === 'hv'
            ? rng.chance(0.6)
              ? INDUSTRIES.manufacturing
              : INDUSTRIES.hvService
            : INDUSTRIES.lvBusiness,
      );
      const shop = cls === 'lv_non_residential' && rng.chance(0.6);
      certNo = this.ids.creditCode(district.code, shop);
      if (rng.chance(0.02)) {
        relationship = 'system';
        name = systemCustomerName(rng);
      } else {
        name = shop ? shopName(rng, industry, district) : companyName(rng, industry, district);
      }
    }

    const addr: Address = business
      ? businessAddress(rng, area, district, industry!.tariff === 'general_industry' && hv)
      : homeAddress(rng, area, district);
    const premiseId = c.premise++;
    const ta = hv ? null : rng.pick(office.topology.areas);
    const feederId = hv ? rng.pick(office.topology.feederIds) : null;
    out.premises.push(
      `${premiseId}\t${id}\t${orgId}\t${PROVINCE}\t${CITY}\t${addr.district}\t${addr.street}\t${addr.detail}\t${addr.full}\t${addr.lat}\t${addr.lng}\t${area}\t${ta ? ta.id : NULL}\t${feederId ?? NULL}\t${createdAt}\t${createdAt}`,
    );

    // Supply: transformers first (they decide capacity and class-consistent tariff terms).
    const kvas: number[] = [];
    if (cls === 'large_industry') {
      kvas.push(rng.pick(LI_FIRST_KVA));
      for (let n = rng.int(0, 2); n > 0; n--) kvas.push(rng.pick(LI_EXTRA_KVA));
    } else if (cls === 'hv') {
      const count = weighted(rng, [
        [1, 6],
        [2, 3],
        [3, 1],
      ] as [number, number][]);
      for (let n = 0; n < count; n++) kvas.push(rng.pick(HV_KVA_BY_COUNT[count - 1]));
    }
    const capacity = hv
      ? kvas.reduce((a, b) => a + b, 0)
      : cls === 'residential'
        ? rng.pick([4, 6, 8, 10])
        : rng.pick(LV_KVA);
    const voltage =
      cls === 'residential'
        ? '220V'
        : !hv
          ? '380V'
          : cls === 'large_industry' && rng.chance(0.15)
            ? '35kV'
            : '10kV';
    const dual = hv && (tier === 'important' || rng.chance(0.05));
    const accountCount = hv && rng.chance(0.15) ? 2 : 1;
    const accountNos: string[] = [];
    let firstAccountId = 0;
    for (let a = 0; a < accountCount; a++) {
      const accountId = c.account++;
      if (a === 0) firstAccountId = accountId;
      const accountNo = String(c.accountNo++);
      accountNos.push(accountNo);
      const main = a === 0;
      const tariff =
        cls === 'residential'
          ? 'residential'
          : cls === 'large_industry' && main
            ? 'large_industry'
            : main
              ? industry!.tariff
              : 'commercial';
      const basicFee =
        cls === 'large_industry' && main
          ? weighted(rng, [
              ['capacity', 6],
              ['contract_demand', 3],
              ['actual_demand', 1],
            ] as [string, number][])
          : 'none';
      const accCapacity = main ? capacity : 0;
      const pf =
        cls === 'large_industry'
          ? '0.90'
          : business && capacity >= 100
            ? tariff === 'agriculture'
              ? '0.80'
              : '0.85'
            : 'none';
      const status = rng.chance(0.985)
        ? 'active'
        : rng.pick(['suspended', 'reduced', 'temporarily_removed', 'closed']);
      const book = hv ? `${office.unit.code}-HV${rng.int(1, 3)}` : ta!.book;
      const day = hv ? rng.int(1, 3) : ta!.day;
      out.accounts.push(
        `${accountId}\t${id}\t${orgId}\t${premiseId}\t${accountNo}\t${main ? 'active' : status}\t${voltage}\t${dual ? 'dual' : 'single'}\t${accCapacity}\t${tariff}\t${basicFee}\t${pf}\t${book}\t${day}\t${createdAt}\t${createdAt}`,
      );
      // One meter per account; multiplier = CT ratio × PT ratio.
      const kv = voltage === '35kV' ? 35 : voltage === '10kV' ? 10 : 0.38;
      const ct = hv
        ? ctRatio(Math.max(capacity, 50), kv)
        : business && capacity > 50
          ? ctRatio(capacity, 0.38)
          : 1;
      const pt = voltage === '35kV' ? 350 : voltage === '10kV' ? 100 : 1;
      const meterType =
        cls === 'residential'
          ? rng.chance(0.95)
            ? 'smart_single_phase'
            : 'single_phase'
          : rng.chance(0.97)
            ? 'smart_three_phase'
            : 'three_phase';
      const installed = DAYS[rng.int(createdIdx, DAY_COUNT - 1)];
      const tested = DAYS[rng.int(DAY_COUNT - 900, DAY_COUNT - 1)];
      // 分表计量: a share of the energy billed at another tariff, re-checked yearly [S003/5].
      const split =
        business && main && rng.chance(0.03)
          ? `{"method":"fixed_ratio","parts":[{"tariffCategory":"commercial","value":0.${rng.int(1, 3)}}],"checkedOn":"${tested}"}`
          : NULL;
      const meterId = c.meter++;
      out.meters.push(
        `${meterId}\t${accountId}\t${id}\t${orgId}\t36${String(meterId).padStart(20, '0')}\t${meterType}\t${meterType.startsWith('smart') && (business || rng.chance(0.6)) ? 't' : 'f'}\t${ct}\t${pt}\t${ct * pt}\t${installed}\t${rng.chance(0.998) ? 'sealed' : 'broken'}\t${tested}\t${split}`,
      );
    }
    kvas.forEach((kva, n) => {
      const state =
        n === 0
          ? 'running'
          : weighted(rng, [
              ['running', 2],
              ['hot_standby', 1],
              ['cold_standby', 1],
            ] as [string, number][]);
      const sealed = state === 'cold_standby';
      const trId = c.transformer++;
      out.transformers.push(
        `${trId}\t${id}\t${firstAccountId}\t${orgId}\tTR${String(trId).padStart(10, '0')}\t${kva}\t${state}\t${sealed ? 't' : 'f'}\t${sealed ? DAYS[rng.int(DAY_COUNT - 700, DAY_COUNT - 1)] : NULL}\t${dual && n < 2 ? 'L1' : NULL}`,
      );
    });

    // Contacts: the resident themself; a legal representative and an electrical contact for businesses.
    const mobile = this.ids.mobile();
    const channel = weighted(rng, [
      ['sms', 70],
      ['wechat', 20],
      ['phone', 7],
      ['email', 3],
    ] as [string, number][]);
    const quiet = rng.chance(0.3);
    const legalName = business ? personName(rng, rng.chance(0.75)) : name;
    out.contacts.push(
      `${c.contact++}\t${id}\t${orgId}\t${legalName}\t${business ? 'legal_representative' : 'other'}\t${mobile}\t${NULL}\t${business && rng.chance(0.3) ? pinyinHandle(rng) + '@163.com' : NULL}\t${rng.chance(0.4) ? 'wx_' + pinyinHandle(rng) : NULL}\t${channel}\t${quiet ? '22:00' : NULL}\t${quiet ? '07:30' : NULL}\t{"sms":true,"wechat":${channel === 'wechat'},"marketing":${rng.chance(0.2)}}\tt`,
    );
    if (business) {
      const electrician = personName(rng, rng.chance(0.85));
      out.contacts.push(
        `${c.contact++}\t${id}\t${orgId}\t${electrician}\telectrical\t${this.ids.mobile()}\t${rng.chance(0.5) ? `0791-8${rng.int(1000000, 9999999)}` : NULL}\t${NULL}\t${NULL}\tphone\t${NULL}\t${NULL}\t{"sms":true}\tf`,
      );
    }

    const vipReason = vip
      ? business
        ? rng.pick(['年用电量超过500万千瓦时', '重点招商引资企业', '年用电量排名前列'])
        : '人工指定：人大代表'
      : NULL;
    const managerNeeded = requiresAccountManager({ importanceTier: tier, vip, customerClass: cls });
    const manager = managerNeeded ? this.managers.pick(office.unit, rng) : null;
    const searchText = `${name} ${customerNo} ${addr.full} ${accountNos.join(' ')}`.toLowerCase();
    const credit = business ? weighted(rng, CREDIT) : NULL;
    const value = business ? (40 + rng.next() * 58).toFixed(2) : NULL;
    out.customers.push(
      `${id}\t${orgId}\t${customerNo}\t${name}\t${business ? 'organisation' : 'person'}\t${business ? 'uscc' : 'resident_id'}\t${certNo}\t${industry ? industry.code : NULL}\t${industry ? industry.name : NULL}\t${cls}\t${tier}\t${vip ? 't' : 'f'}\t${vipReason}\t${relationship}\t${credit}\t${value}\tactive\t${mobile}\t${mobile.slice(-4)}\t${addr.full}\t${searchText}\t${manager ? manager.id : NULL}\t${createdAt}\t${createdAt}`,
    );
    if (manager) {
      this.managed.add(out, {
        customerId: id,
        orgId,
        manager,
        createdAt,
        name,
        contactName: legalName,
        tier,
        vip,
        hv,
        personMale,
      });
    }
  }
}
