import { useState } from 'react';
import { App, Button, Card, Input, Modal, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePermissions } from '../auth/usePermissions';
import { AdjustmentsTable } from './AdjustmentsTable';
import { BillLinesTable } from './BillLinesTable';
import type { Adjustment } from './types';
import { useAdjustments, useDecideAdjustment } from './useAdjustments';

const STATUSES = ['draft', 'approved', 'rejected'] as const;

/** The approver's view of one document: old and corrected lines side by side, a note, approve or reject. */
function DecisionModal({ doc, onClose }: { doc: Adjustment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const decide = useDecideAdjustment();
  const [note, setNote] = useState('');
  const send = (decision: 'approve' | 'reject') =>
    decide.mutate(
      { id: doc.id, version: doc.version, decision, note: note || undefined },
      {
        onSuccess: () => {
          void message.success(t('billing.adjustments.decided'));
          onClose();
        },
        onError: notifyError,
      },
    );
  return (
    <Modal
      open
      width={960}
      title={`${doc.docNo} · ${doc.billNo}`}
      onCancel={onClose}
      footer={[
        <Button key="reject" danger loading={decide.isPending} onClick={() => send('reject')}>
          {t('billing.adjustments.reject')}
        </Button>,
        <Button
          key="approve"
          type="primary"
          loading={decide.isPending}
          onClick={() => send('approve')}
          data-testid="approve"
        >
          {t('billing.adjustments.approve')}
        </Button>,
      ]}
    >
      <p>
        {t(`billing.adjustments.reasons.${doc.reason}`)}：{doc.reasonText}
      </p>
      <Card size="small" title={t('billing.adjustments.oldLines')} style={{ marginBottom: 8 }}>
        <BillLinesTable lines={doc.oldLines} totalFen={doc.oldTotalFen} />
      </Card>
      <Card size="small" title={t('billing.adjustments.newLines')} style={{ marginBottom: 8 }}>
        <BillLinesTable lines={doc.newLines} totalFen={doc.newTotalFen} />
      </Card>
      <Input.TextArea
        rows={2}
        placeholder={t('billing.adjustments.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}

export function AdjustmentsPage() {
  const { t } = useTranslation();
  const pp = usePageParams();
  const { can, me } = usePermissions();
  const status = pp.get('status') ?? 'draft';
  const list = useAdjustments({ status, page: pp.page, pageSize: pp.pageSize });
  const [open, setOpen] = useState<Adjustment | null>(null);
  if (list.error) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div>
      <PageTitle title={t('billing.adjustments.title')} sub={t('billing.adjustments.sub')} />
      <Space style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(v) => pp.update({ status: String(v) })}
          options={STATUSES.map((s) => ({ value: s, label: t(`billing.adjustments.statusName.${s}`) }))}
        />
      </Space>
      <AdjustmentsTable
        items={list.data?.items ?? []}
        loading={list.isLoading}
        pagination={pp.pagination(list.data?.total)}
        action={(a) =>
          a.status === 'draft' && can('billing:approve') && a.draftedById !== me?.id ? (
            <Button size="small" type="link" onClick={() => setOpen(a)} data-testid={`decide-${a.id}`}>
              {t('billing.adjustments.approve')} / {t('billing.adjustments.reject')}
            </Button>
          ) : null
        }
      />
      {open ? <DecisionModal doc={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
