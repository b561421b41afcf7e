import { useMemo, useRef, useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { ReadingSheetRow } from '@gridcare/contracts';
import { newIdempotencyKey } from '../../api/client';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { readingHint } from './readingHint';
import { useReadingSheet, useSaveReadings } from './useReadingSheet';
import { ReadingStatusTag } from './ReadingStatusTag';

const rowKey = (r: ReadingSheetRow) => `${r.meterId}:${r.register}`;
const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');

/** 示数录入: a book's meters with their previous readings; type the new ones, see hints, save the sheet. */
export function ReadingEntryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { code = '' } = useParams();
  const pp = usePageParams(50);
  const period = pp.get('period') ?? lastMonth();
  const settlement = Number(pp.get('settlement') ?? 1);
  const [readOn, setReadOn] = useState(dayjs().format('YYYY-MM-DD'));
  const [values, setValues] = useState<Record<string, string>>({});
  const sheet = useReadingSheet(code, period, settlement);
  const save = useSaveReadings();
  const key = useRef(newIdempotencyKey());

  const entered = useMemo(
    () => (sheet.data?.rows ?? []).filter((r) => !r.current && (values[rowKey(r)] ?? '').trim() !== ''),
    [sheet.data, values],
  );

  const submit = () => {
    if (entered.length === 0) return void message.warning(t('metering.entry.nothing'));
    save.mutate(
      {
        idempotencyKey: key.current,
        body: {
          source: 'manual',
          readings: entered.map((r) => ({
            meterId: r.meterId,
            period,
            settlement,
            register: r.register,
            readOn,
            value: values[rowKey(r)].trim(),
          })),
        },
      },
      {
        onSuccess: (b) => {
          key.current = newIdempotencyKey();
          setValues({});
          void message.success(t('metering.entry.saved', { valid: b.validRows, exception: b.exceptionRows }));
        },
        onError: notifyError,
      },
    );
  };

  return (
    <div>
      <PageTitle
        title={t('metering.entry.title', { code })}
        sub={sheet.data?.book.name}
        extra={
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={submit}
            data-testid="save-readings"
          >
            {t('metering.entry.save')} ({entered.length})
          </Button>
        }
      />
      <Card>
        <Flex gap={16} wrap style={{ marginBottom: 12 }}>
          <Space>
            {t('metering.entry.period')}
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(period + '-01')}
              onChange={(d) => d && pp.update({ period: d.format('YYYY-MM') })}
            />
          </Space>
          <Space>
            {t('metering.entry.settlement')}
            <Radio.Group value={settlement} onChange={(e) => pp.update({ settlement: e.target.value })}>
              <Radio.Button value={1}>1</Radio.Button>
              <Radio.Button value={2}>2</Radio.Button>
            </Radio.Group>
          </Space>
          <Space>
            {t('metering.entry.readOn')}
            <DatePicker
              allowClear={false}
              value={dayjs(readOn)}
              onChange={(d) => d && setReadOn(d.format('YYYY-MM-DD'))}
            />
          </Space>
        </Flex>
        <Table<ReadingSheetRow>
          rowKey={rowKey}
          size="small"
          loading={sheet.isFetching}
          dataSource={sheet.data?.rows ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          data-testid="reading-sheet"
          columns={[
            { title: t('metering.entry.account'), dataIndex: 'accountNo', width: 120 },
            { title: t('metering.entry.customer'), dataIndex: 'customerName', ellipsis: true },
            { title: t('metering.entry.meter'), dataIndex: 'meterAssetNo', ellipsis: true },
            {
              title: t('metering.entry.register'),
              dataIndex: 'register',
              width: 100,
              render: (v: string) => t(`metering.register.${v}`),
            },
            { title: t('metering.entry.multiplier'), dataIndex: 'multiplier', width: 80 },
            {
              title: t('metering.entry.previous'),
              dataIndex: 'previousValue',
              width: 120,
              render: (v: string | null, r) =>
                v === null ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  `${v} (${r.previousPeriod})`
                ),
            },
            {
              title: t('metering.entry.current'),
              key: 'current',
              width: 150,
              render: (_, r) =>
                r.current ? (
                  <Space size={4}>
                    {r.current.value}
                    <ReadingStatusTag status={r.current.status} />
                  </Space>
                ) : (
                  <Input
                    size="small"
                    inputMode="decimal"
                    value={values[rowKey(r)] ?? ''}
                    onChange={(e) => setValues((v) => ({ ...v, [rowKey(r)]: e.target.value }))}
                    data-testid={`reading-input-${r.meterId}-${r.register}`}
                  />
                ),
            },
            {
              title: t('metering.entry.hint'),
              key: 'hint',
              width: 220,
              render: (_, r) => <Hint row={r} value={values[rowKey(r)]} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}

function Hint({ row, value }: { row: ReadingSheetRow; value: string | undefined }) {
  const { t } = useTranslation();
  if (row.current) return <Typography.Text type="secondary">{t('metering.entry.entered')}</Typography.Text>;
  const h = readingHint(row, value);
  if (h === null) return null;
  if (h === 'invalid') return <Tag color="red">{t('metering.entry.badNumber')}</Tag>;
  return (
    <Space size={4} wrap>
      {h.codes.length === 0 ? (
        <Tag color="green">{t('metering.entry.ok')}</Tag>
      ) : (
        h.codes.map((c) => (
          <Tag key={c} color="orange">
            {t(`metering.code.${c}`)}
          </Tag>
        ))
      )}
      {row.previousValue === null && <Tag>{t('metering.entry.firstRead')}</Tag>}
      {h.rolledOver && <Tag color="blue">{t('metering.entry.rolledOver')}</Tag>}
      <Typography.Text type="secondary">
        {h.consumption} kWh
        {h.truedUpKwh !== '0.00' ? ` · ${t('metering.entry.trueUp', { kwh: h.truedUpKwh })}` : ''}
      </Typography.Text>
    </Space>
  );
}
