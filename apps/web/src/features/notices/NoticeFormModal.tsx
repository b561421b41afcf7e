import { useRef } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { NOTICE_KINDS, NoticeInput, type Notice } from '@gridcare/contracts';
import { ROLES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors, zodIssuesToDetails } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { OrgUnitSelect } from '../org/OrgUnitSelect';
import { OrgUnitMultiSelect } from './OrgUnitMultiSelect';
import { useSaveNotice } from './useSaveNotice';

interface Values {
  kind: string;
  title: string;
  body: string;
  validity: [Dayjs, Dayjs | null];
  audienceRoles: string[];
  audienceOrgUnitIds: number[];
  publisherOrgUnitId?: number;
}

export type NoticeModalState = { mode: 'create' } | { mode: 'edit'; notice: Notice } | null;

/** Draft a notice, or correct one: kind, text, validity, audience and publishing unit. */
export function NoticeFormModal({ state, onClose }: { state: NoticeModalState; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const options = useEnumOptions();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const save = useSaveNotice();
  // One key per attempt: a retry after a network error must not draft the notice twice.
  const attemptKey = useRef<string | null>(null);
  if (!state) return null;
  const notice = state.mode === 'edit' ? state.notice : null;
  const initialValues: Values = notice
    ? {
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        validity: [dayjs(notice.validFrom), notice.validTo ? dayjs(notice.validTo) : null],
        audienceRoles: notice.audienceRoles,
        audienceOrgUnitIds: notice.audienceOrgUnits.map((u) => u.id),
        publisherOrgUnitId: notice.publisherOrgUnitId,
      }
    : {
        kind: 'policy',
        title: '',
        body: '',
        validity: [dayjs().startOf('minute'), dayjs().add(7, 'day').endOf('day')],
        audienceRoles: ['cs_agent'],
        audienceOrgUnitIds: [],
      };

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      kind: v.kind,
      title: v.title,
      body: v.body,
      validFrom: v.validity[0].toISOString(),
      validTo: v.validity[1] ? v.validity[1].toISOString() : null,
      audienceRoles: v.audienceRoles,
      audienceOrgUnitIds: v.audienceOrgUnitIds,
      publisherOrgUnitId: v.publisherOrgUnitId,
    };
    const parsed = NoticeInput.safeParse(body);
    if (!parsed.success) {
      const details = zodIssuesToDetails(parsed.error.issues, lang).map((d) => ({
        ...d,
        path: d.path === 'validTo' || d.path === 'validFrom' ? 'validity' : d.path,
      }));
      applyServerErrors(form, details);
      return;
    }
    if (!notice) attemptKey.current ??= newIdempotencyKey();
    save.mutate(
      {
        id: notice?.id,
        body: notice ? { ...parsed.data, version: notice.version } : parsed.data,
        idempotencyKey: attemptKey.current ?? undefined,
      },
      {
        onSuccess: () => {
          attemptKey.current = null;
          void message.success(notice ? t('common.saved') : t('notices.drafted'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.status !== 0) attemptKey.current = null;
          if (isApiError(e))
            applyServerErrors(
              form,
              e.details.map((d) => ({ ...d, path: d.path.replace(/^body\.valid(From|To)$/, 'validity') })),
            );
          notifyError(e);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={notice ? t('notices.editTitle') : t('notices.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={buttonTestId('notice-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        key={notice ? `edit-${notice.id}-${notice.version}` : 'create'}
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="kind" label={t('notices.kindLabel')} rules={[{ required: true }]}>
              <Select
                options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notices.kind.${k}`) }))}
                data-testid="notice-kind"
              />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item
              name="title"
              label={t('notices.title')}
              rules={[{ required: true, whitespace: true }, { max: 200 }]}
            >
              <Input data-testid="notice-title" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="body"
              label={t('notices.body')}
              extra={t('notices.bodyHint')}
              rules={[{ required: true, whitespace: true }, { max: 20_000 }]}
            >
              <Input.TextArea rows={6} data-testid="notice-body" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="validity"
              label={t('notices.validity')}
              extra={t('notices.validityHint')}
              rules={[{ required: true }]}
            >
              <DatePicker.RangePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                allowEmpty={[false, true]}
                style={{ width: '100%' }}
                data-testid="notice-validity"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="audienceRoles"
              label={t('notices.audienceRoles')}
              extra={t('notices.emptyMeansAll')}
            >
              <Select mode="multiple" options={options('role', ROLES)} data-testid="notice-audience-roles" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="audienceOrgUnitIds"
              label={t('notices.audienceUnits')}
              extra={t('notices.unitsHint')}
            >
              <OrgUnitMultiSelect placeholder={t('notices.everyone')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="publisherOrgUnitId"
              label={t('notices.publisher')}
              extra={t('notices.publisherHint')}
            >
              <OrgUnitSelect allowClear data-testid="notice-publisher" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
