// What the portal shows of a customer's own record. The login proves only that someone holds the phone
// the code went to, so the portal masks as the bills and the 95598 app do: a person's name keeps the
// surname (and, from three characters, the last character: 张*丰); an organisation's registered name is
// public (企业信息公示) and shown whole; an address keeps the area down to the street, not the house.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function maskPersonName(name: string): string {
  const v = name.trim();
  const chars = [...v];
  if (chars.length === 0) return '';
  if (CJK.test(chars[0])) {
    if (chars.length === 1) return chars[0];
    if (chars.length === 2) return chars[0] + '*';
    return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
  }
  // Latin names: the initial of each word (J*** S****).
  return v
    .split(/\s+/)
    .map((w) => {
      const cs = [...w];
      return cs[0] + '*'.repeat(Math.max(cs.length - 1, 0));
    })
    .join(' ');
}

export function maskCustomerName(name: string, kind: 'person' | 'organisation'): string {
  return kind === 'organisation' ? name.trim() : maskPersonName(name);
}

/** Province, city, district and street of a service point, the house number and detail hidden. */
export function maskPremiseAddress(p: {
  province: string;
  city: string;
  district: string;
  street?: string | null;
}): string {
  return `${p.province}${p.city}${p.district}${p.street ?? ''}****`;
}
