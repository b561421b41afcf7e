// The 2026 official calendar (国务院办公厅关于2026年部分节假日安排的通知), as published in the
// `chinese-days` package the server seeds from; a fixture for the clock tests only.
import { workingCalendar } from './working-calendar';
import type { WorkingCalendar } from './working-calendar';

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
}

export const HOLIDAYS_2026 = [
  ...range('2026-01-01', '2026-01-03'), // 元旦
  ...range('2026-02-15', '2026-02-23'), // 春节
  ...range('2026-04-04', '2026-04-06'), // 清明节
  ...range('2026-05-01', '2026-05-05'), // 劳动节
  ...range('2026-06-19', '2026-06-21'), // 端午节
  ...range('2026-09-25', '2026-09-27'), // 中秋节
  ...range('2026-10-01', '2026-10-07'), // 国庆节
];

// 调休上班: Sunday 4 Jan, Saturdays 14 and 28 Feb, Saturday 9 May, Sunday 20 Sep, Saturday 10 Oct.
export const MAKEUP_WORKDAYS_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

export const CAL_2026: WorkingCalendar = workingCalendar({
  timeZone: 'Asia/Shanghai',
  holidays: new Set(HOLIDAYS_2026),
  makeupWorkdays: new Set(MAKEUP_WORKDAYS_2026),
});

/** An instant given as Asia/Shanghai wall-clock time, 'YYYY-MM-DD HH:MM'. */
export function sh(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}
