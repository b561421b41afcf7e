import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useDurationText } from './useDurationText';

/**
 * The colour of a running clock: green while more than half is left, gold from the 50% warning, orange
 * from the 80% warning, red once breached (or once the deadline has passed since the last refetch).
 */
export function countdownColour(warningLevel: number, breached: boolean, remainingMs: number): string {
  if (breached || remainingMs <= 0 || warningLevel >= 100) return 'red';
  if (warningLevel >= 80) return 'orange';
  if (warningLevel >= 50) return 'gold';
  return 'green';
}

/** Remaining time to a deadline as a coloured tag; `now` comes from the page's 30-second tick. */
export function DueCountdown({
  dueAt,
  warningLevel,
  breached,
  paused,
  now,
  prefix,
}: {
  dueAt: string | null;
  warningLevel: number;
  breached: boolean;
  paused?: boolean;
  now: number;
  /** e.g. the clock's name ("答复时限"). */
  prefix?: string;
}) {
  const { t } = useTranslation();
  const duration = useDurationText();
  if (!dueAt) {
    return paused ? (
      <Tag icon={<PauseCircleOutlined />} data-testid="due-countdown" data-level="paused">
        {t('wo.clock.paused')}
      </Tag>
    ) : breached ? (
      <Tag color="red" data-testid="due-countdown" data-level="breached">
        {t('wo.clock.breached')}
      </Tag>
    ) : null;
  }
  const remainingMs = new Date(dueAt).getTime() - now;
  const colour = countdownColour(warningLevel, breached, remainingMs);
  const minutes = remainingMs / 60_000;
  const text =
    remainingMs > 0
      ? t('wo.clock.left', { time: duration(minutes) })
      : t('wo.clock.overdue', { time: duration(minutes) });
  return (
    <Tooltip title={t('wo.clock.dueAt', { at: formatDateTime(dueAt) })}>
      <Tag
        color={colour}
        icon={<ClockCircleOutlined />}
        data-testid="due-countdown"
        data-level={colour}
        style={{ marginInlineEnd: 0 }}
      >
        {prefix ? `${prefix} · ` : ''}
        {text}
      </Tag>
    </Tooltip>
  );
}
