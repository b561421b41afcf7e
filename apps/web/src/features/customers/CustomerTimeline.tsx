import { Button, Card, Empty, Flex, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useCustomerTimeline } from './useCustomerTimeline';

const KIND_COLOURS: Record<string, string> = {
  visit: 'green',
  manager_assigned: 'blue',
  created: 'blue',
  updated: 'gray',
  ledger: 'gray',
  complaint: 'red',
};

function detailText(detail: unknown): string | null {
  if (detail === null || detail === undefined) return null;
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'object') {
    const d = detail as Record<string, unknown>;
    const text = d.summary ?? d.text ?? d.reason ?? d.findings;
    if (typeof text === 'string') return text;
  }
  return null;
}

/** Everything that happened to the customer, newest first, loaded a page at a time. */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { data, isPending, error, fetchNextPage, hasNextPage, isFetchingNextPage } =
    useCustomerTimeline(customerId);
  const events = data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('c360.timeline')} size="small" data-testid="timeline">
      {isPending ? (
        <Flex justify="center">
          <Spin />
        </Flex>
      ) : error ? (
        <Typography.Text type="danger">{(error as Error).message}</Typography.Text>
      ) : events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('c360.noEvents')} />
      ) : (
        <>
          <div data-testid="timeline-list">
            <Timeline
              items={events.map((e) => ({
                key: e.id,
                color: KIND_COLOURS[e.kind] ?? 'blue',
                content: (
                  <div data-testid="timeline-event" data-kind={e.kind}>
                    <Typography.Text strong>{e.title}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.at)}
                        {e.actorName ? ` · ${e.actorName}` : ''}
                      </Typography.Text>
                    </div>
                    {detailText(e.detail) ? (
                      <Typography.Paragraph style={{ margin: 0 }}>
                        {detailText(e.detail)}
                      </Typography.Paragraph>
                    ) : null}
                  </div>
                ),
              }))}
            />
          </div>
          {hasNextPage && (
            <Flex justify="center">
              <Button
                onClick={() => void fetchNextPage()}
                loading={isFetchingNextPage}
                data-testid="timeline-more"
              >
                {t('common.loadMore')}
              </Button>
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
