import type { CSSProperties } from 'react';
import { Card, theme, type GlobalToken } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDay } from '@gridcare/contracts';
import { isWeekend } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

const cellBase: CSSProperties = {
  height: 34,
  borderRadius: 4,
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  justifyContent: 'center',
  fontSize: 13,
  lineHeight: 1.1,
  border: '1px solid transparent',
};

function cellStyle(
  token: GlobalToken,
  entry: CalendarDay | undefined,
  weekend: boolean,
  clickable: boolean,
): CSSProperties {
  const style: CSSProperties = { ...cellBase, cursor: clickable ? 'pointer' : 'default' };
  if (entry?.kind === 'holiday')
    return {
      ...style,
      background: token.colorErrorBg,
      color: token.colorError,
      borderColor: token.colorErrorBorder,
    };
  if (entry?.kind === 'makeup_workday')
    return {
      ...style,
      background: token.colorPrimaryBg,
      color: token.colorPrimary,
      borderColor: token.colorPrimaryBorder,
    };
  return weekend
    ? { ...style, color: token.colorTextTertiary, background: token.colorFillQuaternary }
    : style;
}

/** One month, Monday first: holidays red (休), make-up working days blue (班), weekends grey. */
export function MonthGrid({
  year,
  month,
  days,
  onSelect,
}: {
  year: number;
  month: number;
  days: Map<string, CalendarDay>;
  onSelect?: (date: string) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const first = dayjs(`${year}-${pad(month)}-01`);
  const blanks = (first.day() + 6) % 7;
  const dates = Array.from({ length: first.daysInMonth() }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`);
  const weekdays = t('calendar.weekdays').split(',');

  return (
    <Card size="small" title={t('calendar.month', { year, month })} data-testid={`cal-month-${month}`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center' }}>
        {weekdays.map((w) => (
          <div key={w} style={{ fontSize: 12, color: token.colorTextTertiary }}>
            {w}
          </div>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <div key={`blank-${i}`} />
        ))}
        {dates.map((date) => {
          const entry = days.get(date);
          const mark = entry
            ? t(entry.kind === 'holiday' ? 'calendar.markHoliday' : 'calendar.markMakeup')
            : '';
          return (
            <div
              key={date}
              role={onSelect ? 'button' : undefined}
              tabIndex={onSelect ? 0 : undefined}
              title={entry?.name || undefined}
              style={cellStyle(token, entry, isWeekend(date), Boolean(onSelect))}
              onClick={onSelect ? () => onSelect(date) : undefined}
              onKeyDown={onSelect ? (e) => (e.key === 'Enter' || e.key === ' ') && onSelect(date) : undefined}
              data-testid={`cal-day-${date}`}
              data-kind={entry?.kind ?? (isWeekend(date) ? 'weekend' : 'workday')}
            >
              <span>{Number(date.slice(8))}</span>
              {mark ? <span style={{ fontSize: 10 }}>{mark}</span> : null}
            </div>
          );
        })}
      </div>
    </Card>
  );
}
