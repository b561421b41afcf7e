// Money on screen: the API speaks integer fen, people read and type yuan with two decimals.
const FORMAT = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return FORMAT.format(fen / 100);
}

const YUAN = /^\d{1,9}(\.\d{1,2})?$/;

/** '123.4' → 12340 fen, exactly (no binary floats); null when not a yuan amount. */
export function parseYuan(text: string): number | null {
  const s = text.trim();
  if (!YUAN.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

/** A counter slip reference the clerk may keep or overwrite: CT + date-time + 4 random characters. */
export function newCounterReference(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  return `CT${stamp}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
}
