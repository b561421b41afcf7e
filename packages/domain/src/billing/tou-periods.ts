// Which TOU period a moment falls in (domain.md §9): the season of the month, then the interval of the
// day. Used to sum 15-minute AMI intervals into TOU registers and to show a customer their TOU day.
import type { TariffVersion, TouPeriod, TouSeason } from './types';

function minutes(hhmm: string): number {
  return +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);
}

/** The TOU season covering `month` (1–12), or null when the tariff has none for it. */
export function touSeasonFor(tariff: TariffVersion, month: number): TouSeason | null {
  return tariff.touSeasons.find((s) => s.months.includes(month)) ?? null;
}

/**
 * The TOU period at `minuteOfDay` (0–1439) of a day in `month`; intervals are [from, to). Null when no
 * season or interval covers it (validateTariffVersion rejects such tariffs).
 */
export function touPeriodAt(tariff: TariffVersion, month: number, minuteOfDay: number): TouPeriod | null {
  const season = touSeasonFor(tariff, month);
  if (!season) return null;
  for (const iv of season.intervals) {
    if (minuteOfDay >= minutes(iv.from) && minuteOfDay < minutes(iv.to)) return iv.period;
  }
  return null;
}
