import { useEffect } from 'react';
import { Card, Descriptions, Flex, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { PortalRatingForm } from './PortalRatingForm';
import { RequestEvents } from './RequestEvents';
import { RequestStatusTag } from './RequestStatusTag';
import { StatusSteps } from './StatusSteps';
import { usePortalLabel } from './usePortalLabel';
import { usePortalRequest } from './usePortalRequest';

/** One request as the customer sees it: status steps, the reply, rating, and the progress so far. */
export function PortalRequestDetailPage() {
  const { t } = useTranslation();
  const label = usePortalLabel();
  const { caseNo = '' } = useParams();
  const { data: r, error, isPending, refetch } = usePortalRequest(caseNo);

  useEffect(() => {
    document.title = t('portal.detail.documentTitle', { caseNo });
  }, [t, caseNo]);

  if (isPending)
    return (
      <Flex style={{ minHeight: 240 }} align="center" justify="center">
        <Spin />
      </Flex>
    );
  if (error || !r) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="portal-request-detail">
      <Card size="small">
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            [{label('type', r.type)}] {r.title}
          </Typography.Title>
          <RequestStatusTag status={r.externalStatus} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('portal.detail.caseNo')} <span data-testid="portal-request-caseno">{r.caseNo}</span>
        </Typography.Text>
        <div style={{ marginTop: 16 }}>
          <StatusSteps status={r.externalStatus} />
        </div>
      </Card>
      {r.replyText && (
        <Card size="small" title={t('portal.detail.reply')} data-testid="portal-request-reply">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
            {r.replyText}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.repliedAt)}
          </Typography.Text>
        </Card>
      )}
      {r.canRate && <PortalRatingForm caseNo={r.caseNo} />}
      {!r.canRate && r.rating && (
        <Card size="small" title={t('portal.rating.yours')} data-testid="portal-rating-result">
          <Typography.Text strong>{label('outcome', r.rating.outcome)}</Typography.Text>
          {r.rating.comment && (
            <Typography.Paragraph style={{ margin: 0 }}>{r.rating.comment}</Typography.Paragraph>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.rating.at)}
          </Typography.Text>
        </Card>
      )}
      <Card size="small" title={t('portal.detail.content')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'type', label: t('portal.form.type'), children: label('type', r.type) },
            ...(r.subCategory
              ? [
                  {
                    key: 'sub',
                    label: t('portal.form.subCategory'),
                    children: label('subCategory', r.subCategory),
                  },
                ]
              : []),
            { key: 'accepted', label: t('portal.detail.acceptedAt'), children: formatDateTime(r.acceptedAt) },
            ...(r.closedAt
              ? [{ key: 'closed', label: t('portal.detail.closedAt'), children: formatDateTime(r.closedAt) }]
              : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0 }}>
          {r.description}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('portal.detail.progress')}>
        <RequestEvents events={r.events} />
      </Card>
    </Space>
  );
}
