import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReadingException } from '@gridcare/contracts';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { useReadingExceptions, useReviewException, type ReviewAction } from './useReadingExceptions';

const CODES = ['backwards', 'spike', 'zero_consumption', 'missing'];
const STATES = ['open', 'reread_requested', 'accepted', 'corrected', 'rejected'];

/** 抄表异常审核: filter by book, unit, code, state and period; accept, reject, ask for a re-read, correct. */
export function ReadingExceptionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const pp = usePageParams(20);
  const filters = {
    readingBook: pp.get('readingBook'),
    code: pp.get('code'),
    state: pp.get('state'),
    period: pp.get('period'),
  };
  const { data, isFetching } = useReadingExceptions({ page: pp.page, pageSize: pp.pageSize, ...filters });
  const review = useReviewException();
  const [correcting, setCorrecting] = useState<ReadingException | null>(null);
  const [form] = Form.useForm<{ value: string; note?: string }>();

  const act = (e: ReadingException, action: ReviewAction, extra: { value?: string; note?: string } = {}) =>
    review.mutate(
      { id: e.id, action, body: { version: e.version, ...extra } },
      {
        onSuccess: () => {
          void message.success(t('metering.exceptions.done'));
          setCorrecting(null);
        },
        onError: notifyError,
      },
    );

  return (
    <div>
      <PageTitle title={t('metering.exceptions.title')} sub={t('metering.exceptions.sub')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('metering.exceptions.book')}
            defaultValue={filters.readingBook}
            style={{ width: 200 }}
            onSearch={(v) => pp.update({ readingBook: v })}
          />
          <Select
            allowClear
            placeholder={t('metering.exceptions.code')}
            value={filters.code}
            style={{ width: 160 }}
            onChange={(v) => pp.update({ code: v })}
            options={CODES.map((c) => ({ value: c, label: t(`metering.code.${c}`) }))}
          />
          <Select
            allowClear
            placeholder={t('metering.exceptions.state')}
            value={filters.state}
            style={{ width: 160 }}
            onChange={(v) => pp.update({ state: v })}
            options={STATES.map((s) => ({ value: s, label: t(`metering.state.${s}`) }))}
          />
          <Input.Search
            allowClear
            placeholder="YYYY-MM"
            defaultValue={filters.period}
            style={{ width: 140 }}
            onSearch={(v) => pp.update({ period: v })}
          />
        </Flex>
        <Table<ReadingException>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={pp.pagination(data?.total)}
          data-testid="reading-exceptions"
          columns={[
            { title: t('metering.exceptions.period'), dataIndex: 'period', width: 90 },
            {
              title: t('metering.entry.account'),
              dataIndex: 'accountNo',
              width: 120,
              render: (v: string, e) => <Link to={`/metering/accounts/${e.accountId}`}>{v}</Link>,
            },
            { title: t('metering.entry.customer'), dataIndex: 'customerName', ellipsis: true },
            { title: t('metering.exceptions.book'), dataIndex: 'readingBook', width: 120 },
            {
              title: t('metering.entry.register'),
              dataIndex: 'register',
              width: 90,
              render: (v: string) => t(`metering.register.${v}`),
            },
            {
              title: t('metering.exceptions.code'),
              dataIndex: 'codes',
              width: 120,
              render: (codes: string[]) =>
                codes.map((c) => (
                  <Tag key={c} color="orange">
                    {t(`metering.code.${c}`)}
                  </Tag>
                )),
            },
            { title: t('metering.exceptions.previous'), dataIndex: 'previousValue', width: 100 },
            { title: t('metering.exceptions.value'), dataIndex: 'value', width: 100 },
            { title: t('metering.exceptions.consumption'), dataIndex: 'consumption', width: 100 },
            {
              title: t('metering.exceptions.state'),
              dataIndex: 'state',
              width: 100,
              render: (s: string) => t(`metering.state.${s}`),
            },
            {
              title: t('metering.exceptions.actions'),
              key: 'actions',
              width: 250,
              render: (_, e) =>
                e.state === 'open' || e.state === 'reread_requested' ? (
                  <Space size={4}>
                    <Button
                      size="small"
                      type="link"
                      onClick={() => act(e, 'accept')}
                      data-testid={`accept-${e.id}`}
                    >
                      {t('metering.exceptions.accept')}
                    </Button>
                    {e.readingId !== null && (
                      <Button size="small" type="link" danger onClick={() => act(e, 'reject')}>
                        {t('metering.exceptions.reject')}
                      </Button>
                    )}
                    {e.state === 'open' && (
                      <Button size="small" type="link" onClick={() => act(e, 'reread')}>
                        {t('metering.exceptions.reread')}
                      </Button>
                    )}
                    <Button
                      size="small"
                      type="link"
                      onClick={() => {
                        form.resetFields();
                        setCorrecting(e);
                      }}
                    >
                      {t('metering.exceptions.correct')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={correcting !== null}
        title={t('metering.exceptions.correctTitle')}
        onCancel={() => setCorrecting(null)}
        confirmLoading={review.isPending}
        onOk={() => form.validateFields().then((v) => correcting && act(correcting, 'correct', v))}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="value"
            label={t('metering.exceptions.newValue')}
            rules={[
              { required: true, pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('metering.entry.badNumber') },
            ]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="note" label={t('metering.exceptions.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
