import { Flex, Table, Tag } from 'antd';
import { StarFilled } from '@ant-design/icons';
import type { Contact } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { PartAddButton, PartRowActions, type PartEditing } from './PartRowActions';

/** 联系人; with `editing` (customer:write) a 新增 button and 编辑/删除 per row. */
export function ContactsTable({ contacts, editing }: { contacts: Contact[]; editing?: PartEditing }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <Table<Contact>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={contacts}
      locale={{ emptyText: t('c360.noContacts') }}
      data-testid="contacts-table"
      title={
        editing
          ? () => (
              <Flex justify="flex-end">
                <PartAddButton kind="contact" editing={editing} />
              </Flex>
            )
          : undefined
      }
      columns={[
        {
          title: t('contact.name'),
          dataIndex: 'name',
          render: (v: string, r) => (
            <span>
              {v}{' '}
              {r.isPrimary ? (
                <StarFilled style={{ color: '#faad14' }} title={t('contact.isPrimary')} />
              ) : null}
            </span>
          ),
        },
        { title: t('contact.role'), dataIndex: 'role', render: (v: string) => label('contactRole', v) },
        { title: t('contact.mobile'), dataIndex: 'mobile' },
        { title: t('contact.phone'), dataIndex: 'phone' },
        { title: t('contact.email'), dataIndex: 'email' },
        {
          title: t('contact.preferredChannel'),
          dataIndex: 'preferredChannel',
          render: (v: string) => <Tag>{label('channel', v)}</Tag>,
        },
        {
          title: t('contact.quietHours'),
          render: (_: unknown, r) => (r.quietStart && r.quietEnd ? `${r.quietStart}–${r.quietEnd}` : '—'),
        },
        ...(editing
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: Contact) => (
                  <PartRowActions kind="contact" record={r} editing={editing} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
