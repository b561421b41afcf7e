// Certificate numbers and phones for generated customers: valid check characters, and unique by
// construction (each ordinal maps through a bijection onto the number space).
import { creditCodeCheckCharacter, residentIdCheckCharacter } from '@gridcare/domain';
import { BIRTH_REGIONS } from './zh-data';
import { scatter } from './prng';

const FIRST_BIRTH = Date.UTC(1940, 0, 1);
const BIRTH_DAYS = Math.floor((Date.UTC(2005, 11, 31) - FIRST_BIRTH) / 86_400_000) + 1;
const BIRTH_KEYS: string[] = Array.from({ length: BIRTH_DAYS }, (_, d) =>
  new Date(FIRST_BIRTH + d * 86_400_000).toISOString().slice(0, 10).replaceAll('-', ''),
);

const MOBILE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '137',
  '150',
  '151',
  '152',
  '158',
  '159',
  '182',
  '183',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '185',
  '186',
  '133',
  '153',
  '180',
  '181',
  '189',
  '177',
  '199',
  '198',
  '166',
] as const;

// GB 11714 organisation code check digit, for the 9-character body inside a credit code.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export class IdentityFactory {
  private readonly residentSlot: (i: number) => number;
  private readonly orgSlot: (i: number) => number;
  private readonly mobileSlot: (i: number) => number;
  private residents = 0;
  private orgs = 0;
  private mobiles = 0;

  constructor(seed: number) {
    this.residentSlot = scatter(BIRTH_REGIONS.length * BIRTH_DAYS * 1000, seed);
    this.orgSlot = scatter(100_000_000, seed + 1);
    this.mobileSlot = scatter(MOBILE_PREFIXES.length * 100_000_000, seed + 2);
  }

  /** An 18-character 居民身份证号码; the sequence number's parity gives the sex (odd = male). */
  residentId(): { id: string; male: boolean } {
    let j = this.residentSlot(this.residents++);
    const seq = j % 1000;
    j = Math.floor(j / 1000);
    const day = j % BIRTH_DAYS;
    const region = BIRTH_REGIONS[Math.floor(j / BIRTH_DAYS)];
    const body = region + BIRTH_KEYS[day] + String(seq).padStart(3, '0');
    return { id: body + residentIdCheckCharacter(body), male: seq % 2 === 1 };
  }

  /** A 统一社会信用代码: 9 (market regulator) + 1 enterprise / 2 individual business + region + org code. */
  creditCode(regionCode: string, individualBusiness: boolean): string {
    const org8 = String(this.orgSlot(this.orgs++)).padStart(8, '0');
    const body = '9' + (individualBusiness ? '2' : '1') + regionCode + org8 + orgCodeCheck(org8);
    return body + creditCodeCheckCharacter(body)!;
  }

  mobile(): string {
    const j = this.mobileSlot(this.mobiles++);
    return MOBILE_PREFIXES[Math.floor(j / 100_000_000)] + String(j % 100_000_000).padStart(8, '0');
  }
}
