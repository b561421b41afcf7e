// 统一社会信用代码 — GB 32100-2015: 18 characters from a 31-character alphabet
// (no I, O, Z, S, V), the last one a check character over the first 17 (MOD 31).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Registration authority (登记管理部门) codes allowed in position 1 (1-9, A, N, Y per the standard).
const AUTHORITIES = '123456789ANY';

/** The check character for the first 17 characters of a credit code, or null if they contain bad characters. */
export function creditCodeCheckCharacter(body17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(body17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check];
}

export type CreditCodeProblem = 'format' | 'authority' | 'region' | 'check_character';

export function creditCodeProblem(value: string): CreditCodeProblem | null {
  const code = value.trim().toUpperCase();
  if (code.length !== 18 || [...code].some((c) => !ALPHABET.includes(c))) return 'format';
  if (!AUTHORITIES.includes(code[0])) return 'authority';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check_character';
  return null;
}

export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}
