import { Tag } from 'antd';
import type { ExternalStatus } from '@gridcare/domain';
import { usePortalLabel } from './usePortalLabel';

const COLOURS: Record<ExternalStatus, string> = {
  received: 'blue',
  processing: 'processing',
  waiting_customer: 'warning',
  replied: 'cyan',
  completed: 'success',
};

export function RequestStatusTag({ status }: { status: ExternalStatus }) {
  const label = usePortalLabel();
  return (
    <Tag color={COLOURS[status]} data-testid="portal-request-status" data-status={status}>
      {label('status', status)}
    </Tag>
  );
}
