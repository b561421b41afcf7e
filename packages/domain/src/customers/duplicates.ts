// Archive quality (domain.md §2): a customer is a likely duplicate of another when the certificate
// number matches, or when name + phone + address all match after normalisation.

export function normaliseName(name: string): string {
  return name.replace(/[\s\u3000·•.,，。()（）]/g, '').toLowerCase();
}

export function normaliseAddress(address: string): string {
  return address
    .replace(/[\s\u3000,，。.\-—_#号]/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .toLowerCase();
}

export function normaliseCertificate(cert: string): string {
  return cert.replace(/\s/g, '').toUpperCase();
}

export interface DuplicateCandidate {
  id: number;
  name: string;
  certNo: string | null;
  phones: string[];
  addresses: string[];
}

export type DuplicateReason = 'same_certificate' | 'same_name_phone_address';

export function duplicateReason(
  incoming: { name: string; certNo?: string | null; phones: string[]; addresses: string[] },
  existing: DuplicateCandidate,
): DuplicateReason | null {
  if (incoming.certNo && existing.certNo) {
    if (normaliseCertificate(incoming.certNo) === normaliseCertificate(existing.certNo))
      return 'same_certificate';
  }
  if (normaliseName(incoming.name) !== normaliseName(existing.name)) return null;
  const phones = new Set(existing.phones.map((p) => p.replace(/\D/g, '')));
  const phoneMatch = incoming.phones.some((p) => phones.has(p.replace(/\D/g, '')));
  if (!phoneMatch) return null;
  const addresses = new Set(existing.addresses.map(normaliseAddress));
  return incoming.addresses.some((a) => addresses.has(normaliseAddress(a)))
    ? 'same_name_phone_address'
    : null;
}
