import { useEffect, useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import type { User } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { usePageParams } from '../../shared/usePageParams';
import { useNotifyError } from '../../shared/useNotifyError';
import { UserFormModal, type UserModalState } from './UserFormModal';
import { useUnlockUser, useUsers } from './useUsers';

/** 用户: staff accounts and their roles, each role scoped to an org unit. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useEnumLabel();
  const notifyError = useNotifyError();
  const pp = usePageParams();
  const q = pp.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const { data, isFetching, error, refetch } = useUsers({
    q: q || undefined,
    page: pp.page,
    pageSize: pp.pageSize,
  });
  const unlock = useUnlockUser();
  const [modal, setModal] = useState<UserModalState>(null);

  return (
    <div>
      <PageTitle
        title={t('menu.users')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ mode: 'create' })}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => pp.update({ q: v.trim() || undefined })}
          style={{ width: 320, marginBottom: 12 }}
          data-testid="user-search"
        />
        {error ? (
          <ErrorResult error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            size="middle"
            loading={isFetching}
            dataSource={data?.items ?? []}
            pagination={pp.pagination(data?.total)}
            data-testid="users-table"
            columns={[
              {
                title: t('users.username'),
                dataIndex: 'username',
                width: 140,
                render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
              },
              { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
              {
                title: t('users.roles'),
                dataIndex: 'roles',
                render: (roles: User['roles']) => (
                  <Space size={[4, 4]} wrap>
                    {roles.map((r) => (
                      <Tag key={`${r.role}-${r.orgUnitId}`} color="blue">
                        {label('role', r.role)} · {r.orgUnitName}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('users.phone'), dataIndex: 'phone', width: 130 },
              {
                title: t('users.status'),
                width: 130,
                render: (_: unknown, r) => (
                  <Space size={4}>
                    {r.active ? (
                      <Tag color="green">{t('users.active')}</Tag>
                    ) : (
                      <Tag>{t('users.disabled')}</Tag>
                    )}
                    {r.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
                  </Space>
                ),
              },
              { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: formatDateTime },
              {
                title: t('common.actions'),
                width: 170,
                render: (_: unknown, r) => (
                  <Space>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setModal({ mode: 'edit', user: r })}
                      data-testid="user-edit"
                    >
                      {t('common.edit')}
                    </Button>
                    {r.locked && (
                      <Button
                        size="small"
                        icon={<UnlockOutlined />}
                        loading={unlock.isPending && unlock.variables === r.id}
                        onClick={() =>
                          unlock.mutate(r.id, {
                            onSuccess: () => void message.success(t('users.unlocked')),
                            onError: notifyError,
                          })
                        }
                        data-testid="user-unlock"
                      >
                        {t('users.unlock')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <UserFormModal state={modal} onClose={() => setModal(null)} />
    </div>
  );
}
