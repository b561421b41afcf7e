import { Tag } from 'antd';
import { useEnumLabel } from '../../shared/useEnumLabel';

const COLOURS: Record<string, string> = {
  validating: 'processing',
  validated: 'blue',
  importing: 'processing',
  done: 'success',
  failed: 'error',
  rejected: 'warning',
};

export function ImportStatusTag({ status }: { status: string }) {
  const label = useEnumLabel();
  return (
    <Tag color={COLOURS[status]} data-testid="import-status" data-status={status}>
      {label('importStatus', status)}
    </Tag>
  );
}
