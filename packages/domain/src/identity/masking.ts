// Personal data is masked in lists unless the viewer holds pii:view (domain.md §1):
// 138****5678 for phones, 3601**********1234 for certificate numbers.

export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const v = value.trim();
  if (v.length < 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '****' + v.slice(-4);
}

export function maskCertificate(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const v = value.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

export function maskEmail(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const at = value.indexOf('@');
  if (at <= 1) return '***' + value.slice(Math.max(at, 0));
  return value[0] + '***' + value.slice(at);
}
