import { Card, Empty, Flex, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { DueCountdown } from './DueCountdown';
import type { WorkOrderClock } from './types';
import { useDurationText } from './useDurationText';
import { useLimitText } from './useLimitText';
import { useWorkOrderLabel } from './useWorkOrderLabel';

const BAR_COLOURS = { 0: '#52c41a', 50: '#faad14', 80: '#fa8c16', 100: '#ff4d4f' } as const;

/** One SLA clock: the share of its limit used (paused time excluded), deadline and time left. */
function ClockRow({ clock, now, paused }: { clock: WorkOrderClock; now: number; paused: boolean }) {
  const { t } = useTranslation();
  const label = useWorkOrderLabel();
  const limitText = useLimitText();
  const duration = useDurationText();
  const stopped = !!clock.stoppedAt;
  const percent = Math.min(100, Math.round(clock.consumed * 1000) / 10);
  const colour = clock.breached ? BAR_COLOURS[100] : BAR_COLOURS[clock.level];
  return (
    <div data-testid="wo-clock" data-kind={clock.kind} data-breached={clock.breached}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={6}>
          <Typography.Text strong>{label('clockKind', clock.kind)}</Typography.Text>
          <Typography.Text type="secondary">
            {t('wo.clock.limit', { limit: limitText(clock.limitAmount, clock.limitUnit) })}
          </Typography.Text>
        </Space>
        {stopped ? (
          <Tag color={clock.breached ? 'red' : 'success'}>
            {clock.breached ? t('wo.clock.stoppedLate') : t('wo.clock.stoppedInTime')}
          </Tag>
        ) : !clock.dueAt ? (
          <Tag data-testid="due-countdown" data-level="paused">
            {t('wo.clock.pausedLeft', { time: duration(clock.remainingMinutes) })}
          </Tag>
        ) : (
          <DueCountdown
            dueAt={clock.dueAt}
            warningLevel={clock.level}
            breached={clock.breached}
            paused={paused}
            now={now}
          />
        )}
      </Flex>
      <Progress
        percent={percent}
        strokeColor={colour}
        status={clock.breached ? 'exception' : stopped ? 'success' : 'active'}
        format={() => `${Math.round(clock.consumed * 100)}%`}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('wo.clock.started', { at: formatDateTime(clock.startedAt) })}
        {clock.dueAt ? ` · ${t('wo.clock.dueAt', { at: formatDateTime(clock.dueAt) })}` : ''}
        {stopped ? ` · ${t('wo.clock.stoppedAt', { at: formatDateTime(clock.stoppedAt) })}` : ''}
      </Typography.Text>
    </div>
  );
}

/** 时限: every clock of the order as a progress bar, running ones first. */
export function ClocksCard({
  clocks,
  now,
  paused,
}: {
  clocks: WorkOrderClock[];
  now: number;
  paused: boolean;
}) {
  const { t } = useTranslation();
  const sorted = [...clocks].sort((a, b) => Number(!!a.stoppedAt) - Number(!!b.stoppedAt));
  return (
    <Card title={t('wo.detail.clocks')} size="small" data-testid="wo-clocks">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.detail.noClocks')} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {sorted.map((c) => (
            <ClockRow key={`${c.kind}-${c.startedAt}`} clock={c} now={now} paused={paused} />
          ))}
        </Space>
      )}
    </Card>
  );
}
