import { Steps } from 'antd';
import type { ExternalStatus } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { usePortalLabel } from './usePortalLabel';

const STEP_OF: Record<ExternalStatus, number> = {
  received: 0,
  processing: 1,
  waiting_customer: 1,
  replied: 2,
  completed: 3,
};

/** 已受理 → 处理中 → 已答复 → 已办结, the step the request stands at highlighted. */
export function StatusSteps({ status }: { status: ExternalStatus }) {
  const { t } = useTranslation();
  const label = usePortalLabel();
  const current = STEP_OF[status];
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      responsive={false}
      current={current}
      status={status === 'completed' ? 'finish' : status === 'waiting_customer' ? 'wait' : 'process'}
      data-testid="portal-request-steps"
      data-status={status}
      items={[
        { title: label('status', 'received') },
        {
          title:
            status === 'waiting_customer'
              ? label('status', 'waiting_customer')
              : label('status', 'processing'),
          description: status === 'waiting_customer' ? t('portal.detail.waitingHint') : undefined,
        },
        { title: label('status', 'replied') },
        { title: label('status', 'completed') },
      ]}
    />
  );
}
