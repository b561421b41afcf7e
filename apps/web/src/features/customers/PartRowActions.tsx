import type { ReactNode } from 'react';
import { App, Button, Popconfirm, Space } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { buttonTestId } from '../../shared/testId';
import { useNotifyError } from '../../shared/useNotifyError';
import { PART_KINDS, type PartKind, type PartTarget } from './partKinds';
import { useDeletePart } from './useDeletePart';

/** Handed to the 360 page's tables when the user may write (customer:write); absent otherwise. */
export interface PartEditing {
  customerId: number;
  open: (target: PartTarget) => void;
}

/** 编辑 / 删除 (with a confirmation) for one row; `extra` goes in front (e.g. an account's 加表). */
export function PartRowActions({
  kind,
  record,
  editing,
  extra,
}: {
  kind: PartKind;
  record: { id: number; version: number };
  editing: PartEditing;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const remove = useDeletePart(editing.customerId);
  const what = t(`parts.kind.${kind}`);

  const confirmDelete = () =>
    remove.mutateAsync({ kind, id: record.id, version: record.version }).then(
      () => void message.success(t('parts.removed', { what })),
      (e: unknown) =>
        isApiError(e) && e.code === 'version_conflict'
          ? void message.error(t('form.conflict'))
          : notifyError(e),
    );

  return (
    <Space size={0} wrap>
      {extra}
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        onClick={() => editing.open({ kind, id: record.id })}
        data-testid={`${kind}-edit-${record.id}`}
      >
        {t('common.edit')}
      </Button>
      {PART_KINDS[kind].deletable && (
        <Popconfirm
          title={t('parts.removeConfirm', { what })}
          onConfirm={confirmDelete}
          okText={t('common.remove')}
          okButtonProps={{ ...buttonTestId('part-delete-confirm'), danger: true }}
          cancelText={t('common.cancel')}
        >
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            loading={remove.isPending}
            data-testid={`${kind}-delete-${record.id}`}
          >
            {t('common.remove')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** The 新增 button above a part table. */
export function PartAddButton({
  kind,
  editing,
  label,
  defaults,
  disabled,
  testId = `${kind}-add`,
}: {
  kind: PartKind;
  editing: PartEditing;
  label?: string;
  defaults?: Record<string, unknown>;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      icon={<PlusOutlined />}
      disabled={disabled}
      onClick={() => editing.open({ kind, defaults })}
      data-testid={testId}
    >
      {label ?? t('parts.add')}
    </Button>
  );
}
