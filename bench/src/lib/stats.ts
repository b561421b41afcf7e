// Latency statistics and the printed tables of the benchmarks.
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function latency(samplesMs: number[]): Latency {
  const s = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => (s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { count: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean };
}

export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1).padStart(6) : '   n/a');
export const secs = (v: number) => (v / 1000).toFixed(1) + ' s';

export function table(header: string[], rows: (string | number)[][]): string {
  const all = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    '| ' + r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ') + ' |';
  return [
    line(all[0]),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...all.slice(1).map(line),
  ].join('\n');
}

export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return fallback;
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
