import { useState } from 'react';
import { Alert, App, Button, Form, Modal } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError, type ErrorDetail } from '../../api/client';
import type { CustomerOverview } from '../../api/types';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors, zodIssuesToDetails } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useNotifyError } from '../../shared/useNotifyError';
import { FieldLayoutContext } from './partFieldLayout';
import { PartFieldsFor } from './PartFieldsFor';
import {
  PART_KINDS,
  findPart,
  partChanges,
  partCreateBody,
  partFormValues,
  type PartTarget,
} from './partKinds';
import { useSavePart } from './useSavePart';

type Values = Record<string, unknown>;

/**
 * 新增 / 编辑 a contact, premise, account, meter or transformer on the 360 page. Mount it afresh for
 * each opening (a new `key`): the form starts from the part as it was when the dialog opened, and a
 * PATCH carries only what the user changed plus that version.
 */
export function PartModal({
  customerId,
  overview,
  target,
  open,
  onClose,
}: {
  customerId: number;
  overview: CustomerOverview;
  target: PartTarget;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const save = useSavePart(customerId);
  const spec = PART_KINDS[target.kind];
  const live = target.id ? findPart(overview, target.kind, target.id) : undefined;
  const snapshotOf = () => ({ values: partFormValues(target, live), version: live?.version });
  const [snapshot, setSnapshot] = useState(snapshotOf);
  const [conflict, setConflict] = useState(false);
  const editing = target.id !== undefined;
  const what = t(`parts.kind.${target.kind}`);

  const reload = () => {
    const next = snapshotOf();
    setSnapshot(next);
    setConflict(false);
    form.resetFields();
    form.setFieldsValue(next.values);
  };

  const showProblems = (details: ErrorDetail[], headline: string) => {
    const fields = new Set(Object.keys(form.getFieldsValue()));
    const unmatched = applyServerErrors(form, details, (p) => p.length === 1 && fields.has(String(p[0])));
    void message.error(
      unmatched.length ? `${headline}：${unmatched.map((d) => d.message).join('；')}` : headline,
    );
  };

  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'version_conflict') setConflict(true);
    else if (isApiError(e) && e.details.length) showProblems(e.details, e.message);
    else notifyError(e);
    if (isApiError(e) && e.status === 404) onClose();
  };

  const submit = (values: Values) => {
    const body = editing
      ? { ...partChanges(target.kind, snapshot.values, values), version: snapshot.version }
      : partCreateBody(values);
    if (editing && Object.keys(body).length === 1) {
      void message.info(t('form.noChanges'));
      return;
    }
    const parsed = (editing ? spec.patch : spec.input).safeParse(body);
    if (!parsed.success)
      return showProblems(zodIssuesToDetails(parsed.error.issues, lang), t('form.fixErrors'));
    save.mutate(
      { kind: target.kind, id: target.id, body },
      {
        onSuccess: () => {
          void message.success(editing ? t('common.saved') : t('parts.added', { what }));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      title={editing ? t('parts.editTitle', { what }) : t('parts.addTitle', { what })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={720}
      okButtonProps={buttonTestId('part-modal-submit')}
      cancelButtonProps={buttonTestId('part-modal-cancel')}
    >
      {conflict && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="part-conflict"
          title={t('form.conflict')}
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={reload}
              disabled={!live || live.version === snapshot.version}
              data-testid="part-conflict-reload"
            >
              {t('common.reload')}
            </Button>
          }
        />
      )}
      <FieldLayoutContext.Provider value="modal">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={snapshot.values}
          onFinish={submit}
          scrollToFirstError
          data-testid={`part-form-${target.kind}`}
        >
          <PartFieldsFor
            kind={target.kind}
            overview={overview}
            loaded={editing ? snapshot.values : undefined}
          />
        </Form>
      </FieldLayoutContext.Provider>
    </Modal>
  );
}
