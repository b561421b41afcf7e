import { Button, Col, Row, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult';
import { usePermissions } from '../auth/usePermissions';
import { ChildrenList } from './ChildrenList';
import { ClocksCard } from './ClocksCard';
import { EventTimeline } from './EventTimeline';
import { NormPanel } from '../norms/NormPanel';
import { NoteForm } from './NoteForm';
import { ReturnVisitForm } from './ReturnVisitForm';
import { useNow } from './useNow';
import { useWorkOrder } from './useWorkOrder';
import { WorkOrderActions } from './WorkOrderActions';
import { WorkOrderHeader } from './WorkOrderHeader';
import { WorkOrderInfo } from './WorkOrderInfo';

/**
 * 工单详情: header, the actions this user may take now, SLA clocks, the request, the step-by-step history,
 * progress notes, the return visit once replied, child orders and the matching service norms.
 */
export function WorkOrderDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { can } = usePermissions();
  const now = useNow(30_000);
  const { data: order, isPending, error, refetch } = useWorkOrder(id);

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !order) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  const open = order.status !== 'closed' && order.status !== 'merged';
  const canNote = open && (can('workorder:handle') || can('workorder:create'));
  const canVisit = order.status === 'replied' && order.allowedActions.includes('return_visit');

  return (
    <div data-testid="wo-detail" data-status={order.status}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(-1)}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t('common.back')}
      </Button>
      <WorkOrderHeader order={order} extra={<WorkOrderActions order={order} />} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ClocksCard clocks={order.clocks} now={now} paused={order.paused} />
            <WorkOrderInfo order={order} />
            <ChildrenList items={order.children} />
            <EventTimeline events={order.events} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {canVisit ? <ReturnVisitForm order={order} /> : null}
            {canNote ? <NoteForm orderId={order.id} orderType={order.type} /> : null}
            <NormPanel type={order.type} subCategory={order.subCategory} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
