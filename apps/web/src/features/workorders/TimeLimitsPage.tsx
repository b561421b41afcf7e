import { useState } from 'react';
import { Button, Card, Empty, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { RequirePermission } from './RequirePermission';
import { TimeLimitRulesTable } from './TimeLimitRulesTable';
import { TimeLimitVersionEditor } from './TimeLimitVersionEditor';
import { currentVersion, useTimeLimitVersions } from './useTimeLimitVersions';

/** 时限标准: the versioned time-limit table; a new version starts as a copy of the current one. */
export function TimeLimitsPage() {
  return (
    <RequirePermission permission="config:admin">
      <TimeLimits />
    </RequirePermission>
  );
}

function TimeLimits() {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useTimeLimitVersions();
  const [shownId, setShownId] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error || !data) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  const current = currentVersion(data);
  const shown = data.find((v) => v.id === shownId) ?? current;
  const now = Date.now();

  return (
    <div>
      <PageTitle
        title={t('wo.menu.timeLimits')}
        sub={t('wo.limit.subtitle')}
        extra={
          !editing ? (
            <Button
              type="primary"
              icon={<CopyOutlined />}
              onClick={() => setEditing(true)}
              data-testid="time-limit-new"
            >
              {t('wo.limit.newVersion')}
            </Button>
          ) : null
        }
      />
      {editing ? (
        <div style={{ marginBottom: 16 }}>
          <TimeLimitVersionEditor base={current?.rules ?? []} onDone={() => setEditing(false)} />
        </div>
      ) : null}
      <Card
        title={
          <Space wrap>
            <span>{t('wo.limit.version')}</span>
            <Select
              style={{ minWidth: 320 }}
              value={shown?.id}
              onChange={setShownId}
              options={data.map((v) => ({
                value: v.id,
                label: `#${v.id} · ${formatDateTime(v.effectiveFrom)}${v.note ? ` · ${v.note}` : ''}`,
              }))}
              data-testid="time-limit-version"
            />
            {shown && shown.id === current?.id ? <Tag color="success">{t('wo.limit.current')}</Tag> : null}
            {shown && new Date(shown.effectiveFrom).getTime() > now ? (
              <Tag color="processing">{t('wo.limit.scheduled')}</Tag>
            ) : null}
          </Space>
        }
      >
        {shown ? (
          <>
            <Typography.Paragraph type="secondary">
              {t('wo.limit.versionInfo', {
                from: formatDateTime(shown.effectiveFrom),
                by: shown.createdByName ?? '—',
                at: formatDateTime(shown.createdAt),
              })}
            </Typography.Paragraph>
            <TimeLimitRulesTable rules={shown.rules} />
          </>
        ) : (
          <Empty description={t('wo.limit.none')} />
        )}
      </Card>
    </div>
  );
}
