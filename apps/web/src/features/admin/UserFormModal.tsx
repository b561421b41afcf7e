import { App, Button, Col, Form, Input, Modal, Row, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { UserCreate, UserUpdate, type User } from '@gridcare/contracts';
import { ROLES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors, zodIssuesToDetails } from '../../shared/formErrors';
import { buttonTestId } from '../../shared/testId';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { useNotifyError } from '../../shared/useNotifyError';
import { zodRule } from '../../shared/zodRule';
import { OrgUnitSelect } from '../org/OrgUnitSelect';
import { useSaveUser } from './useUsers';

interface Values {
  username?: string;
  displayName: string;
  password?: string;
  phone?: string;
  email?: string;
  locale?: 'zh-CN' | 'en-US';
  active?: boolean;
  roles: { role?: string; orgUnitId?: number }[];
}

export type UserModalState = { mode: 'create' } | { mode: 'edit'; user: User } | null;

/** Create a user, or edit one: name, contact, active flag, roles (each scoped to an org unit), password reset. */
export function UserFormModal({ state, onClose }: { state: UserModalState; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const options = useEnumOptions();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();
  if (!state) return null;
  const isEdit = state.mode === 'edit';
  const initialValues: Values = isEdit
    ? {
        displayName: state.user.displayName,
        phone: state.user.phone ?? undefined,
        email: state.user.email ?? undefined,
        locale: state.user.locale === 'en-US' ? 'en-US' : 'zh-CN',
        active: state.user.active,
        roles: state.user.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })),
      }
    : { displayName: '', locale: 'zh-CN', active: true, roles: [{}] };

  const submit = async () => {
    const v = await form.validateFields();
    const blank = (s?: string) => (s && s.trim() ? s.trim() : null);
    const roles = v.roles.filter((r) => r.role && r.orgUnitId);
    const body: Record<string, unknown> = isEdit
      ? {
          displayName: v.displayName.trim(),
          phone: blank(v.phone),
          email: blank(v.email),
          locale: v.locale,
          active: v.active,
          roles,
          ...(v.password ? { password: v.password } : {}),
          version: state.user.version,
        }
      : {
          username: v.username?.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          phone: blank(v.phone),
          email: blank(v.email),
          locale: v.locale,
          roles,
        };
    const parsed = (isEdit ? UserUpdate : UserCreate).safeParse(body);
    if (!parsed.success) {
      applyServerErrors(form, zodIssuesToDetails(parsed.error.issues, lang));
      return;
    }
    save.mutate(
      { id: isEdit ? state.user.id : undefined, body },
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
      width={680}
      title={isEdit ? t('users.editTitle', { name: state.user.username }) : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={buttonTestId('user-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        key={isEdit ? `edit-${state.user.id}-${state.user.version}` : 'create'}
      >
        <Row gutter={12}>
          {!isEdit && (
            <Col span={12}>
              <Form.Item
                name="username"
                label={t('users.username')}
                rules={[{ required: true }, zodRule(UserCreate.shape.username, lang)]}
              >
                <Input autoComplete="off" data-testid="user-username" />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item
              name="displayName"
              label={t('users.displayName')}
              rules={[{ required: true, whitespace: true }, { max: 50 }]}
            >
              <Input data-testid="user-display-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="password"
              label={isEdit ? t('users.newPassword') : t('users.password')}
              extra={isEdit ? t('users.passwordKeep') : undefined}
              rules={[{ required: !isEdit }, zodRule(UserCreate.shape.password, lang, { optional: true })]}
            >
              <Input.Password autoComplete="new-password" data-testid="user-password" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={t('users.phone')}
              rules={[zodRule(UserCreate.shape.phone, lang, { optional: true })]}
            >
              <Input data-testid="user-phone" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="email"
              label={t('users.email')}
              rules={[zodRule(UserCreate.shape.email, lang, { optional: true })]}
            >
              <Input data-testid="user-email" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="locale" label={t('users.locale')}>
              <Select
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en-US', label: 'English' },
                ]}
                data-testid="user-locale"
              />
            </Form.Item>
          </Col>
          {isEdit && (
            <Col span={6}>
              <Form.Item name="active" label={t('users.active')} valuePropName="checked">
                <Switch data-testid="user-active" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.List
          name="roles"
          rules={[
            {
              validator: async (_r, v: unknown[]) => {
                if (!v || v.length < 1) throw new Error(t('users.roleRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div>
              <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('users.roles')}</div>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'role']}
                    rules={[{ required: true, message: t('users.pickRole') }]}
                  >
                    <Select
                      style={{ width: 200 }}
                      placeholder={t('users.role')}
                      options={options('role', ROLES)}
                      data-testid={`user-role-${f.name}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'orgUnitId']}
                    rules={[{ required: true, message: t('users.pickOrg') }]}
                  >
                    <OrgUnitSelect style={{ width: 280 }} data-testid={`user-role-org-${f.name}`} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    disabled={fields.length <= 1}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                data-testid="user-add-role"
              >
                {t('users.addRole')}
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
