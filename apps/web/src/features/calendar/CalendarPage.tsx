import { useMemo, useState } from 'react';
import { Alert, Button, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { CalendarDay } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/usePermissions';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { CalendarDayModal } from './CalendarDayModal';
import { MonthGrid } from './MonthGrid';
import { useCalendarYear } from './useCalendarYear';
import { WorkingHoursCard } from './WorkingHoursCard';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 工作日历: the official holidays and make-up working days by year, editable by admins. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const editable = can('config:admin');
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, error, isFetching, refetch } = useCalendarYear(year);
  const [editing, setEditing] = useState<string | null>(null);
  const days = useMemo(
    () => new Map<string, CalendarDay>((data?.days ?? []).map((d) => [d.date, d])),
    [data],
  );
  const shown = data?.year ?? year;
  const sep = t('calendar.listSeparator');

  return (
    <div>
      <PageTitle
        title={t('calendar.title')}
        sub={t('calendar.subtitle')}
        extra={
          shown ? (
            <Space>
              <Button
                icon={<LeftOutlined />}
                onClick={() => setYear(shown - 1)}
                aria-label={t('calendar.prevYear')}
              />
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="cal-year">
                {shown}
              </Typography.Text>
              <Button
                icon={<RightOutlined />}
                onClick={() => setYear(shown + 1)}
                aria-label={t('calendar.nextYear')}
              />
            </Space>
          ) : null
        }
      />
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : data ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="cal-loaded"
            message={t('calendar.loadedYears', {
              years: data.loadedYears.join(sep) || t('calendar.none'),
            })}
            description={t('calendar.officialSource', {
              source: data.officialSource,
              years: data.officialYears.map((y) => y.year).join(sep) || t('calendar.none'),
            })}
          />
          {data.missingNextYear ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="cal-missing"
              message={t('calendar.missingYear', { year: data.missingNextYear })}
              description={t('calendar.missingYearHelp', { year: data.missingNextYear })}
            />
          ) : null}
          {!data.loadedYears.includes(data.year) ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('calendar.yearNotLoaded', { year: data.year })}
            />
          ) : null}
          <WorkingHoursCard editable={editable} />
          <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
            <Tag color="red">{t('calendar.kind.holiday')}</Tag>
            <Tag color="blue">{t('calendar.kind.makeup_workday')}</Tag>
            <Tag>{t('calendar.weekend')}</Tag>
            <Typography.Text type="secondary">
              {editable ? t('calendar.clickToEdit') : t('calendar.readOnly')}
            </Typography.Text>
          </Flex>
          <Row gutter={[12, 12]} style={{ opacity: isFetching ? 0.6 : 1 }}>
            {MONTHS.map((m) => (
              <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
                <MonthGrid
                  year={data.year}
                  month={m}
                  days={days}
                  onSelect={editable ? setEditing : undefined}
                />
              </Col>
            ))}
          </Row>
        </>
      ) : null}
      {editing ? (
        <CalendarDayModal date={editing} entry={days.get(editing)} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}
