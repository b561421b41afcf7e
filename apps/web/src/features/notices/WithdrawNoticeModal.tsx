import { useState } from 'react';
import { App, Input, Modal, Typography } from 'antd';
import type { Notice } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../shared/testId';
import { useNotifyError } from '../../shared/useNotifyError';
import { useNoticeStatus } from './useNoticeStatus';

/** Withdraw a published notice, with an optional reason kept on the record. */
export function WithdrawNoticeModal({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const status = useNoticeStatus();
  const [reason, setReason] = useState('');
  if (!notice) return null;
  return (
    <Modal
      open
      title={t('notices.withdrawTitle')}
      okText={t('notices.withdraw')}
      okButtonProps={{ danger: true, ...buttonTestId('notice-withdraw-confirm') }}
      confirmLoading={status.isPending}
      onCancel={onClose}
      onOk={() =>
        status.mutate(
          { notice, action: 'withdraw', reason: reason.trim() || null },
          {
            onSuccess: () => {
              void message.success(t('notices.withdrawn'));
              setReason('');
              onClose();
            },
            onError: notifyError,
          },
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph strong>{notice.title}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={500}
        placeholder={t('notices.withdrawReasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="notice-withdraw-reason"
      />
    </Modal>
  );
}
