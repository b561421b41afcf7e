// A tiny seeded PRNG (mulberry32): the same seed always yields the same demo data.
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** Picks from [value, weight] pairs. */
export function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = rng.next() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1][0];
}

/**
 * A bijection of [0, size) that looks random: i → (i·step + offset) mod size with step coprime to
 * size. Used to hand out certificate numbers and mobiles that are unique by construction.
 */
export function scatter(size: number, seed: number): (i: number) => number {
  let step = Math.floor(size * 0.6180339887) + (seed % 9973);
  while (gcd(step, size) !== 1) step++;
  const offset = (seed * 2654435761) % size;
  // BigInt-free modular multiply: sizes stay below 2^53 / step only for small sizes, so split.
  return (i) => Number((BigInt(i) * BigInt(step) + BigInt(offset)) % BigInt(size));
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
