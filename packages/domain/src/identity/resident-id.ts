// 居民身份证号码 — GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, 1 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type CertificateProblem = 'format' | 'region' | 'birth_date' | 'check_character';

/** The check character a 17-digit resident-ID body must end with (ISO 7064 MOD 11-2). */
export function residentIdCheckCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Validates an 18-character resident ID. `today` bounds the birth date (nobody is born tomorrow).
 * Returns null when valid, otherwise the first problem found.
 */
export function residentIdProblem(value: string, today: Date = new Date()): CertificateProblem | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!/^[1-8]\d{5}$/.test(id.slice(0, 6))) return 'region';
  const birth = id.slice(6, 14);
  if (!isRealDate(birth)) return 'birth_date';
  const todayKey = today.toISOString().slice(0, 10).replaceAll('-', '');
  if (birth > todayKey) return 'birth_date';
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check_character';
  return null;
}

export function isValidResidentId(value: string, today?: Date): boolean {
  return residentIdProblem(value, today) === null;
}
