import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { OrgUnitCreate, OrgUnitUpdate, type OrgUnit } from '@gridcare/contracts';
import { AREA_CLASSES, DEPARTMENT_KINDS, ORG_UNIT_KINDS, canContain } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { zodRule } from '../../shared/zodRule';
import { useSaveOrgUnit } from './useOrgUnitTree';

interface Values {
  code?: string;
  name: string;
  nameEn?: string;
  kind?: string;
  deptKind?: string | null;
  areaClass?: string | null;
  active?: boolean;
}

export type OrgUnitModalState = { mode: 'create'; parent: OrgUnit } | { mode: 'edit'; unit: OrgUnit } | null;

/** Create a unit under a parent, or edit one (optimistic locking with its version). */
export function OrgUnitFormModal({ state, onClose }: { state: OrgUnitModalState; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const options = useEnumOptions();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const save = useSaveOrgUnit();
  const kind = Form.useWatch('kind', form);

  if (!state) return null;
  const isEdit = state.mode === 'edit';
  const initialValues: Values =
    state.mode === 'edit'
      ? { ...state.unit, nameEn: state.unit.nameEn ?? undefined }
      : { name: '', active: true };
  const parentKind = state.mode === 'create' ? state.parent.kind : null;
  const kindOptions = options('orgKind', ORG_UNIT_KINDS).filter((o) =>
    parentKind ? canContain(parentKind, o.value as never) : true,
  );

  const submit = async () => {
    const v = await form.validateFields();
    const blank = (s?: string | null) => (s && s.trim() ? s.trim() : null);
    const body: Record<string, unknown> = isEdit
      ? {
          name: v.name.trim(),
          nameEn: blank(v.nameEn),
          deptKind: v.deptKind ?? null,
          areaClass: v.areaClass ?? null,
          active: v.active,
          version: state.unit.version,
        }
      : {
          parentId: state.parent.id,
          code: v.code?.trim(),
          name: v.name.trim(),
          nameEn: blank(v.nameEn),
          kind: v.kind,
          deptKind: v.deptKind ?? null,
          areaClass: v.areaClass ?? null,
        };
    const parsed = (isEdit ? OrgUnitUpdate : OrgUnitCreate).safeParse(body);
    if (!parsed.success) {
      applyServerErrors(
        form,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
      return;
    }
    save.mutate(
      { id: isEdit ? state.unit.id : undefined, body },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e)) applyServerErrors(form, e.details);
          notifyError(e);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={
        isEdit
          ? t('org.editTitle', { name: state.unit.name })
          : t('org.createTitle', { parent: state.parent.name })
      }
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={buttonTestId('org-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        key={
          state.mode === 'edit' ? `edit-${state.unit.id}-${state.unit.version}` : `create-${state.parent.id}`
        }
      >
        <Form.Item
          name="code"
          label={t('org.code')}
          rules={isEdit ? [] : [{ required: true }, zodRule(OrgUnitCreate.shape.code, lang)]}
        >
          <Input disabled={isEdit} data-testid="org-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true }, { max: 60 }]}
        >
          <Input data-testid="org-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('org.nameEn')} rules={[{ max: 100 }]}>
          <Input data-testid="org-name-en" />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: !isEdit }]}>
          <Select options={kindOptions} disabled={isEdit} data-testid="org-kind" />
        </Form.Item>
        {kind === 'department' && (
          <Form.Item name="deptKind" label={t('org.deptKind')}>
            <Select allowClear options={options('deptKind', DEPARTMENT_KINDS)} data-testid="org-dept-kind" />
          </Form.Item>
        )}
        <Form.Item name="areaClass" label={t('premise.areaClass')}>
          <Select allowClear options={options('areaClass', AREA_CLASSES)} data-testid="org-area" />
        </Form.Item>
        {isEdit && (
          <Form.Item name="active" label={t('org.active')} valuePropName="checked">
            <Switch data-testid="org-active" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
