import { useState } from 'react';
import { Badge, Button, Card, Col, Flex, Row, Skeleton, Space, Tabs } from 'antd';
import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons';
import { requiresAccountManager } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult';
import { usePermissions } from '../auth/usePermissions';
import { AssignManagerModal } from '../account-managers/AssignManagerModal';
import { RecordVisitModal } from '../account-managers/RecordVisitModal';
import { customerWorkOrdersTab } from '../workorders/CustomerWorkOrdersSection';
import { AccountBillingFactsCard } from '../billing/AccountBillingFactsCard';
import { CustomerBillingCard } from '../billing/CustomerBillingCard';
import { CustomerReadingsTab } from './CustomerReadingsTab';
import { AccountsTable } from './AccountsTable';
import { ContactsTable } from './ContactsTable';
import { CustomerHeaderCard } from './CustomerHeaderCard';
import { CustomerTimeline } from './CustomerTimeline';
import { LedgerTab } from './LedgerTab';
import { ManagerCard } from './ManagerCard';
import { PartModal } from './PartModal';
import type { PartEditing } from './PartRowActions';
import type { PartTarget } from './partKinds';
import { PremisesTable } from './PremisesTable';
import { TopologyPath } from './TopologyPath';
import { TransformersTable } from './TransformersTable';
import { useCustomerOverview } from './useCustomerOverview';

/** 客户 360: the whole customer on one page — archive, manager, topology, ledger and timeline. */
export function Customer360Page() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { can } = usePermissions();
  const { data, isPending, error, refetch } = useCustomerOverview(id);
  const [assignOpen, setAssignOpen] = useState(false);
  const [visitOpen, setVisitOpen] = useState(false);
  // The part dialog: a new key per opening (fresh form), kept after closing so it can animate out.
  const [part, setPart] = useState<{ target: PartTarget; open: boolean; key: number } | null>(null);

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !data) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  const c = data.customer;
  const editing: PartEditing | undefined = can('customer:write')
    ? { customerId: id, open: (target) => setPart((p) => ({ target, open: true, key: (p?.key ?? 0) + 1 })) }
    : undefined;
  const count = (n: number) => (
    <Badge count={n} showZero color="#bfbfbf" size="small" style={{ marginInlineStart: 4 }} />
  );

  return (
    <div>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(-1)}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t('common.back')}
      </Button>
      <CustomerHeaderCard
        overview={data}
        extra={
          can('manager:work') || can('manager:assign') ? (
            <Button
              type="primary"
              icon={<FormOutlined />}
              onClick={() => setVisitOpen(true)}
              data-testid="record-visit"
            >
              {t('visit.record')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'contacts',
                  label: (
                    <span data-testid="tab-contacts">
                      {t('c360.contacts')}
                      {count(data.contacts.length)}
                    </span>
                  ),
                  children: <ContactsTable contacts={data.contacts} editing={editing} />,
                },
                {
                  key: 'premises',
                  label: (
                    <span data-testid="tab-premises">
                      {t('c360.premises')}
                      {count(data.premises.length)}
                    </span>
                  ),
                  children: (
                    <PremisesTable premises={data.premises} accounts={data.accounts} editing={editing} />
                  ),
                },
                {
                  key: 'accounts',
                  label: (
                    <span data-testid="tab-accounts">
                      {t('c360.accountsMeters')}
                      {count(data.accounts.length)}
                    </span>
                  ),
                  children: (
                    <AccountsTable
                      accounts={data.accounts}
                      meters={data.meters}
                      premises={data.premises}
                      editing={editing}
                    />
                  ),
                },
                {
                  key: 'transformers',
                  label: (
                    <span data-testid="tab-transformers">
                      {t('c360.transformers')}
                      {count(data.transformers.length)}
                    </span>
                  ),
                  children: (
                    <TransformersTable
                      transformers={data.transformers}
                      accounts={data.accounts}
                      editing={editing}
                    />
                  ),
                },
                {
                  key: 'ledger',
                  label: <span data-testid="tab-ledger">{t('c360.ledger')}</span>,
                  children: (
                    <LedgerTab customerId={id} canWrite={can('manager:work') || can('customer:write')} />
                  ),
                },
                customerWorkOrdersTab(id),
                ...(can('billing:read')
                  ? [
                      {
                        key: 'billing',
                        label: <span data-testid="tab-billing">{t('c360.billing')}</span>,
                        children: (
                          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                            <CustomerBillingCard customerId={id} />
                            <AccountBillingFactsCard accounts={data.accounts} />
                          </Space>
                        ),
                      },
                      {
                        key: 'readings',
                        label: <span data-testid="tab-readings">{t('c360.readings')}</span>,
                        children: <CustomerReadingsTab accounts={data.accounts} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <div style={{ marginTop: 16 }}>
            <TopologyPath premises={data.premises} />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ManagerCard
              manager={data.manager}
              canAssign={can('manager:assign')}
              onAssign={() => setAssignOpen(true)}
              required={requiresAccountManager(c)}
            />
            <CustomerTimeline customerId={id} />
          </Space>
        </Col>
      </Row>
      <Flex>
        <AssignManagerModal
          customerId={id}
          orgUnitId={c.orgUnitId}
          currentManagerId={data.manager?.id ?? c.accountManagerId}
          open={assignOpen}
          onClose={() => setAssignOpen(false)}
        />
        <RecordVisitModal
          customerId={id}
          customerName={c.name}
          open={visitOpen}
          onClose={() => setVisitOpen(false)}
        />
        {part && (
          <PartModal
            key={part.key}
            customerId={id}
            overview={data}
            target={part.target}
            open={part.open}
            onClose={() => setPart((p) => p && { ...p, open: false })}
          />
        )}
      </Flex>
    </div>
  );
}
