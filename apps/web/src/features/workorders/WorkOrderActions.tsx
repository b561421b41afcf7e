import { useState } from 'react';
import { Button, Space } from 'antd';
import { usePermissions } from '../auth/usePermissions';
import { useWorkOrderLabel } from './useWorkOrderLabel';
import { ACTION_ORDER, ACTION_SPECS, type ModalAction } from './actionFields';
import { ActionModal } from './ActionModal';
import type { WorkOrder } from './types';

/**
 * A button per action the order's status allows now (`allowedActions`) that this user may take: handlers
 * and supervisors work orders; whoever may create orders may also close and reopen them.
 */
export function WorkOrderActions({ order }: { order: WorkOrder }) {
  const label = useWorkOrderLabel();
  const { can } = usePermissions();
  const [open, setOpen] = useState<ModalAction | null>(null);
  const works = can('workorder:handle') || can('workorder:supervise');
  const permitted = (a: ModalAction) =>
    works || ((a === 'close' || a === 'reopen') && can('workorder:create'));
  const allowed = ACTION_ORDER.filter((a) => order.allowedActions.includes(a) && permitted(a));
  if (!allowed.length) return null;
  return (
    <>
      <Space wrap data-testid="wo-actions">
        {allowed.map((a) => (
          <Button
            key={a}
            type={ACTION_SPECS[a].look === 'primary' ? 'primary' : 'default'}
            danger={ACTION_SPECS[a].look === 'danger'}
            onClick={() => setOpen(a)}
            data-testid={`wo-action-${a}`}
          >
            {label('action', a)}
          </Button>
        ))}
      </Space>
      {open ? <ActionModal key={open} order={order} action={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
