import { Table, Tag } from 'antd';
import { StarFilled } from '@ant-design/icons';
import type { Contact } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from '../../shared/useEnumLabel';

export function ContactsTable({ contacts }: { contacts: Contact[] }) {
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
      ]}
    />
  );
}
