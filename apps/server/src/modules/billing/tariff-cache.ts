// The tariff versions a process prices with, kept for TARIFF_CACHE_MS so a quote (p99 ≤ 10 ms) and every
// batch of a bill run do not re-read and re-parse the catalogue. The same document object is handed out
// while cached, so the engine's per-tariff preparation is reused too. An edit in this process clears the
// cache at once; other processes see an activation within TARIFF_CACHE_MS (a bill run pins the version it
// started with on the run row, so a run never mixes two versions).
import type { TariffVersion } from '@gridcare/domain';
import { databaseKey, type Db } from '../../platform/db/db';
import { activeVersions, documentOf, findVersion } from './tariff-versions.repository';

const TARIFF_CACHE_MS = 10_000;

interface Entry<T> {
  value: Promise<T>;
  at: number;
}
const caches = new WeakMap<object, Map<string, Entry<unknown>>>();
const allMaps = new Set<Map<string, Entry<unknown>>>();

function cached<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let map = caches.get(databaseKey(db));
  if (!map) {
    map = new Map();
    caches.set(databaseKey(db), map);
    allMaps.add(map);
  }
  const hit = map.get(key) as Entry<T> | undefined;
  if (hit && Date.now() - hit.at < TARIFF_CACHE_MS) return hit.value;
  const value = load();
  const m = map;
  m.set(key, { value, at: Date.now() });
  value.catch(() => m.delete(key));
  return value;
}

/** After a tariff version changed in this process. */
export function forgetTariffs(): void {
  for (const map of allMaps) map.clear();
}

interface ActiveVersion {
  effectiveFrom: string;
  tariff: TariffVersion;
}

function activeList(db: Db): Promise<ActiveVersion[]> {
  return cached(db, 'active', async () =>
    (await activeVersions(db)).map((r) => ({ effectiveFrom: r.effective_from, tariff: documentOf(r) })),
  );
}

/** domain.md §9: the version in force on a date is the latest active one starting on or before it. */
export async function tariffInForce(db: Db, date: string): Promise<TariffVersion | null> {
  const list = await activeList(db);
  return list.find((v) => v.effectiveFrom <= date)?.tariff ?? null;
}

/** Any version by id (a draft may be quoted to see what its prices would do). */
export function tariffById(db: Db, id: number): Promise<TariffVersion | null> {
  return cached(db, `id:${id}`, async () => {
    const row = await findVersion(db, id);
    return row ? documentOf(row) : null;
  });
}
