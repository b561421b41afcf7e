// Builders for valid customer archive input, shared by every test that needs a customer.
import type { z } from 'zod';
import type { CustomerCreate } from '@gridcare/contracts';
import { creditCodeCheckCharacter, residentIdCheckCharacter } from '@gridcare/domain';
import type { Harness } from '../../test/harness';

type CustomerCreateInput = z.input<typeof CustomerCreate>;

let counter = 0;
/** Unique per test process (vitest runs each file in its own worker). */
function next(): number {
  counter += 1;
  return counter + (process.pid % 1000) * 10_000;
}

/** A valid 18-digit resident ID (GB 11643): Beijing Dongcheng, born 1980–1999, real check digit. */
export function buildResidentId(n = next()): string {
  const year = 1980 + (n % 20);
  const body = `110101${year}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return body + residentIdCheckCharacter(body);
}

/** A valid unified social credit code (GB 32100): enterprise (91), Beijing Haidian, real check character. */
export function buildCreditCode(n = next()): string {
  const body = `91110108${String(n).padStart(9, '0').slice(-9)}`;
  return body + creditCodeCheckCharacter(body)!;
}

/** A mobile number unique within the run. */
export function buildMobile(n = next()): string {
  return `138${String(n).padStart(8, '0').slice(-8)}`;
}

/** A residential customer with one contact, one premise, one account and one meter. */
export function buildCustomerInput(
  orgUnitId: number,
  overrides: Partial<CustomerCreateInput> = {},
): CustomerCreateInput {
  const n = next();
  return {
    orgUnitId,
    name: `测试客户${n}`,
    kind: 'person',
    certType: 'resident_id',
    certNo: buildResidentId(n),
    customerClass: 'residential',
    importanceTier: 'residential',
    contacts: [{ name: `联系人${n}`, role: 'other', mobile: buildMobile(n), isPrimary: true }],
    premises: [
      {
        province: '江西省',
        city: '南昌市',
        district: '东湖区',
        street: '八一大道',
        detail: `${n}号`,
        areaClass: 'urban',
      },
    ],
    accounts: [{ voltageLevel: '220V', tariffCategory: 'residential', premiseIndex: 0 }],
    meters: [{ accountIndex: 0, assetNo: `M${n}`, meterType: 'smart_single_phase' }],
    ...overrides,
  };
}

/** An enterprise HV customer with a credit code, two accounts, a CT/PT-metered meter and a transformer. */
export function buildEnterpriseInput(
  orgUnitId: number,
  overrides: Partial<CustomerCreateInput> = {},
): CustomerCreateInput {
  const n = next();
  return {
    orgUnitId,
    name: `测试实业有限公司${n}`,
    kind: 'organisation',
    certType: 'uscc',
    certNo: buildCreditCode(n),
    industryCode: 'C13',
    industryName: '农副食品加工业',
    customerClass: 'large_industry',
    importanceTier: 'important',
    contacts: [
      { name: `电工${n}`, role: 'electrical', mobile: buildMobile(n), isPrimary: true },
      { name: `财务${n}`, role: 'finance', phone: '0791-86541234' },
    ],
    premises: [
      { province: '江西省', city: '南昌市', district: '西山区', detail: `工业园${n}号`, areaClass: 'rural' },
    ],
    accounts: [
      {
        voltageLevel: '10kV',
        tariffCategory: 'large_industry',
        premiseIndex: 0,
        contractCapacityKva: 800,
        basicFeeMethod: 'capacity',
      },
      { voltageLevel: '380V', tariffCategory: 'commercial', premiseIndex: 0 },
    ],
    meters: [
      { accountIndex: 0, assetNo: `HV${n}`, meterType: 'smart_three_phase', ctRatio: 75, ptRatio: 100 },
    ],
    transformers: [{ accountIndex: 0, assetNo: `T${n}`, capacityKva: 800 }],
    ...overrides,
  };
}

/** Creates a customer through the API as `username` and returns the response body. */
export async function createCustomerVia(
  h: Harness,
  username: string,
  input: CustomerCreateInput,
): Promise<{ id: number; customerNo: string; version: number; [k: string]: unknown }> {
  const res = await h.api(await h.loginAs(username), 'POST', '/api/customers', input);
  if (res.statusCode !== 201) throw new Error(`create customer failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
