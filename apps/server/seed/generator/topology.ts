// Grid topology per branch: substations (变电站) → 10 kV feeders (线路) → transformer areas (台区).
// Sized from the expected number of customers so a transformer area serves a few hundred LV customers.
import type { Db } from '../../src/platform/db/db';
import type { Rng } from './prng';
import { COMMUNITIES, SUBSTATION_STEMS, VILLAGE_STEMS } from './zh-data';
import type { AreaClass } from './people';

export interface OfficeUnit {
  id: number;
  code: string;
  name: string;
  branchId: number;
  branchCode: string;
  area: AreaClass;
  weight: number;
}

export interface OfficeTopology {
  feederIds: number[];
  /** transformer area ids, with the reading book each one's customers are read in. */
  areas: { id: number; book: string; day: number }[];
}

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];
const TA_SERVES = 250;

async function insertRows(db: Db, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let from = 0; from < rows.length; from += 500) {
    const batch = rows.slice(from, from + 500);
    const params: unknown[] = [];
    const values = batch.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(',')})`);
    await db.query(`INSERT INTO ${table}(${columns.join(',')}) VALUES ${values.join(',')}`, params);
  }
}

async function nextId(db: Db, table: string): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT coalesce(max(id), 0)::bigint AS n FROM ${table}`);
  return r.rows[0].n + 1;
}

export async function createTopology(
  db: Db,
  rng: Rng,
  offices: OfficeUnit[],
  expectedLvPerOffice: (o: OfficeUnit) => number,
): Promise<Map<number, OfficeTopology>> {
  let ssId = await nextId(db, 'substations');
  let fdId = await nextId(db, 'feeders');
  let taId = await nextId(db, 'transformer_areas');
  const substations: unknown[][] = [];
  const feeders: unknown[][] = [];
  const areas: unknown[][] = [];
  const result = new Map<number, OfficeTopology>();
  const branchStations = new Map<number, { id: number; stem: string }[]>();
  let stem = 0;

  for (const office of offices) {
    let stations = branchStations.get(office.branchId);
    if (!stations) {
      stations = [];
      const count = office.area === 'urban' ? 4 : 3;
      for (let s = 1; s <= count; s++) {
        const name = SUBSTATION_STEMS[stem++ % SUBSTATION_STEMS.length];
        const kv = s === 1 && office.area !== 'remote' ? 220 : office.area === 'remote' && s > 1 ? 35 : 110;
        substations.push([
          ssId,
          office.branchId,
          `SS-${office.branchCode}-${String(s).padStart(2, '0')}`,
          `${kv}kV${name}变电站`,
          kv,
        ]);
        stations.push({ id: ssId++, stem: name });
      }
      branchStations.set(office.branchId, stations);
    }
    const lv = expectedLvPerOffice(office);
    const feederCount = Math.min(30, Math.max(3, Math.round(lv / 6000)));
    const perFeeder = Math.min(60, Math.max(2, Math.round(lv / (feederCount * TA_SERVES))));
    const topo: OfficeTopology = { feederIds: [], areas: [] };
    for (let f = 1; f <= feederCount; f++) {
      const station = stations[(f - 1) % stations.length];
      const fCode = `FD-${office.code}-${String(f).padStart(2, '0')}`;
      feeders.push([
        fdId,
        office.id,
        station.id,
        fCode,
        `10kV${station.stem}${ROMAN[(f - 1) % 4]}${Math.ceil(f / 4)}线`,
      ]);
      topo.feederIds.push(fdId);
      for (let a = 1; a <= perFeeder; a++) {
        const place = office.area === 'urban' ? rng.pick(COMMUNITIES) : rng.pick(VILLAGE_STEMS) + '村';
        const capacity = rng.pick(office.area === 'urban' ? [400, 500, 630, 800] : [100, 200, 315, 400]);
        areas.push([
          taId,
          office.id,
          fdId,
          `${fCode.replace('FD-', 'TA-')}-${String(a).padStart(3, '0')}`,
          `${place}${a}#公变`,
          capacity,
        ]);
        const n = topo.areas.length + 1;
        topo.areas.push({
          id: taId++,
          book: `${office.code}-${String(n).padStart(4, '0')}`,
          day: 1 + ((n * 7) % 25),
        });
      }
      fdId++;
    }
    result.set(office.id, topo);
  }
  await insertRows(db, 'substations', ['id', 'org_unit_id', 'code', 'name', 'voltage_kv'], substations);
  await insertRows(db, 'feeders', ['id', 'org_unit_id', 'substation_id', 'code', 'name'], feeders);
  await insertRows(
    db,
    'transformer_areas',
    ['id', 'org_unit_id', 'feeder_id', 'code', 'name', 'capacity_kva'],
    areas,
  );
  for (const t of ['substations', 'feeders', 'transformer_areas']) {
    await db.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  }
  return result;
}
