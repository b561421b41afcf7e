// Names and addresses: Chinese person and company names, Nanchang street addresses.
import type { Rng } from './prng';
import {
  COMMUNITIES,
  COMPANY_REGION_PREFIX,
  COMPANY_SUFFIX,
  GIVEN_FEMALE,
  GIVEN_MALE,
  ROADS,
  SURNAMES,
  SYSTEM_CUSTOMER_NAMES,
  TOWNS_BY_DISTRICT,
  TRADE_NAMES,
  VILLAGE_STEMS,
  type Industry,
} from './zh-data';

export type AreaClass = 'urban' | 'rural' | 'remote';

export interface District {
  name: string;
  code: string;
}

export interface Address {
  district: string;
  street: string;
  detail: string;
  full: string;
  lat: string;
  lng: string;
}

const PROVINCE = '江西省';
const CITY = '南昌市';
export const ADDRESS_PREFIX = PROVINCE + CITY;
export { PROVINCE, CITY };

const PARKS: Record<AreaClass, readonly string[]> = {
  urban: ['南昌高新技术产业开发区', '青山湖科技园', '昌东工业区'],
  rural: ['南昌经济技术开发区', '小蓝经济技术开发区', '望城新区产业园'],
  remote: ['进贤县产业园', '安义工业园区', '李渡工业园'],
};

export function personName(rng: Rng, male: boolean): string {
  return rng.pick(SURNAMES) + rng.pick(male ? GIVEN_MALE : GIVEN_FEMALE);
}

export function companyName(rng: Rng, industry: Industry, district: District): string {
  const region = rng.chance(0.25) ? district.name : rng.pick(COMPANY_REGION_PREFIX);
  const word = rng.pick(industry.words);
  // Schools and hospitals are institutions, not companies.
  if (industry.code === 'P83' || industry.code === 'Q84') return `${region}${rng.pick(TRADE_NAMES)}${word}`;
  return `${region}${rng.pick(TRADE_NAMES)}${word}${rng.pick(COMPANY_SUFFIX)}`;
}

/** 个体工商户 shop names: 东湖区李记小吃店. */
export function shopName(rng: Rng, industry: Industry, district: District): string {
  return `${district.name}${rng.pick(SURNAMES)}记${rng.pick(industry.words)}`;
}

export function systemCustomerName(rng: Rng): string {
  return rng.pick(SYSTEM_CUSTOMER_NAMES);
}

function coordinates(rng: Rng, area: AreaClass): { lat: string; lng: string } {
  const spread = area === 'urban' ? 0.08 : 0.35;
  const lat = 28.68 + (rng.next() - 0.5) * spread * (area === 'remote' ? 1.5 : 1);
  const lng = 115.89 + (rng.next() - 0.5) * spread * (area === 'remote' ? 2 : 1);
  return { lat: lat.toFixed(6), lng: lng.toFixed(6) };
}

/** A home address: a flat in a community in town, a house in a village group in the countryside. */
export function homeAddress(rng: Rng, area: AreaClass, district: District): Address {
  const { lat, lng } = coordinates(rng, area);
  let street: string;
  let detail: string;
  const towns = TOWNS_BY_DISTRICT[district.name];
  if (area === 'urban' || !towns || rng.chance(0.15)) {
    street = rng.pick(ROADS);
    detail = `${rng.int(1, 999)}号${rng.pick(COMMUNITIES)}${rng.int(1, 36)}栋${rng.int(1, 4)}单元${rng.int(1, 33)}0${rng.int(1, 4)}室`;
  } else {
    street = rng.pick(towns);
    detail = `${rng.pick(VILLAGE_STEMS)}村${rng.int(1, 12)}组${rng.int(1, 120)}号`;
  }
  return {
    district: district.name,
    street,
    detail,
    full: ADDRESS_PREFIX + district.name + street + detail,
    lat,
    lng,
  };
}

/** A business address: a shop front on a road, or a plot in an industrial park for factories. */
export function businessAddress(rng: Rng, area: AreaClass, district: District, industrial: boolean): Address {
  const { lat, lng } = coordinates(rng, area);
  const towns = TOWNS_BY_DISTRICT[district.name];
  let street: string;
  let detail: string;
  if (industrial) {
    street = rng.pick(PARKS[area]);
    detail = `${rng.pick(ROADS)}${rng.int(1, 1999)}号`;
  } else if (area === 'urban' || !towns || rng.chance(0.4)) {
    street = rng.pick(ROADS);
    detail = rng.chance(0.3)
      ? `${rng.int(1, 999)}号${rng.pick(TRADE_NAMES)}大厦${rng.int(1, 28)}层`
      : `${rng.int(1, 999)}号`;
  } else {
    street = rng.pick(towns);
    detail = `${rng.pick(VILLAGE_STEMS)}村${rng.int(1, 200)}号`;
  }
  return {
    district: district.name,
    street,
    detail,
    full: ADDRESS_PREFIX + district.name + street + detail,
    lat,
    lng,
  };
}

export function pinyinHandle(rng: Rng): string {
  const syllables = [
    'wang',
    'li',
    'zhang',
    'liu',
    'chen',
    'yang',
    'hua',
    'ming',
    'jun',
    'hong',
    'xin',
    'feng',
    'long',
    'mei',
  ];
  return rng.pick(syllables) + rng.pick(syllables) + rng.int(10, 9999);
}
