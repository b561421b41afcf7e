// Exact arithmetic on register values, multipliers and kWh with 2 decimals (numeric(14,2) in the
// database): scaled BigInts, never binary floats, so a consumption computed here equals the one the
// set-wise SQL intake computes with numeric.

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,6}))?$/;

/** Parses a decimal string (or a finite number) into hundredths, rounding half away from zero. */
export function toCents(v: string | number): bigint {
  const s = typeof v === 'number' ? String(v) : v.trim();
  const m = DECIMAL.exec(s);
  if (!m) throw new Error(`not a decimal: ${s}`);
  const frac = (m[3] ?? '').padEnd(6, '0');
  const micros = BigInt(m[2]) * 1_000_000n + BigInt(frac);
  // hundredths = micros / 10^4, half away from zero (PostgreSQL's numeric round)
  let cents = micros / 10_000n;
  if (micros % 10_000n >= 5_000n) cents += 1n;
  return m[1] ? -cents : cents;
}

export function isDecimal(v: string): boolean {
  return DECIMAL.test(v.trim());
}

/** Hundredths back to a decimal string with exactly 2 decimals ('-12.30'). */
export function fromCents(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  const s = `${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
  return neg ? '-' + s : s;
}

/** a × b for two 2-decimal values, rounded to 2 decimals half away from zero. */
export function mulCents(a: bigint, b: bigint): bigint {
  const p = a * b; // 4 decimals
  const neg = p < 0n;
  const abs = neg ? -p : p;
  let q = abs / 100n;
  if (abs % 100n >= 50n) q += 1n;
  return neg ? -q : q;
}

/** Mean of 2-decimal values, rounded to 2 decimals half away from zero. */
export function meanCents(values: bigint[]): bigint {
  if (values.length === 0) return 0n;
  const sum = values.reduce((s, v) => s + v, 0n);
  const n = BigInt(values.length);
  const neg = sum < 0n;
  const abs = neg ? -sum : sum;
  let q = abs / n;
  if ((abs % n) * 2n >= n) q += 1n;
  return neg ? -q : q;
}
