import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { CalendarDayUpdate, translate, type CalendarDay, type CalendarDayKind } from '@gridcare/contracts';
import { isWeekend } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import { zodRule } from '../../shared/zodRule';
import { useDeleteCalendarDay } from './useDeleteCalendarDay';
import { useSaveCalendarDay } from './useSaveCalendarDay';

interface Values {
  kind: CalendarDayKind;
  name?: string;
}

/** Edit one date: public holiday, make-up working day (weekends only), or remove its entry. */
export function CalendarDayModal({
  date,
  entry,
  onClose,
}: {
  date: string;
  entry: CalendarDay | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const save = useSaveCalendarDay();
  const remove = useDeleteCalendarDay();
  // One key per opened dialog: a retried save of the same edit is applied once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const weekend = isWeekend(date);

  const submit = async () => {
    const v = await form.validateFields();
    const body = { kind: v.kind, name: v.name?.trim() ?? '', ...(entry ? { version: entry.version } : {}) };
    save.mutate(
      { date, body, idempotencyKey },
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

  const onRemove = () =>
    entry &&
    remove.mutate(
      { date, version: entry.version },
      {
        onSuccess: () => {
          void message.success(t('calendar.removed'));
          onClose();
        },
        onError: notifyError,
      },
    );

  return (
    <Modal
      open
      title={t('calendar.editTitle', {
        date,
        weekday: t('calendar.weekdays').split(',')[(dayjs(date).day() + 6) % 7],
      })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {entry ? (
            <Popconfirm title={t('calendar.removeConfirm')} onConfirm={onRemove}>
              <Button danger loading={remove.isPending} data-testid="cal-day-remove">
                {t('calendar.remove')}
              </Button>
            </Popconfirm>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => void submit()}
            data-testid="cal-day-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {entry
          ? t('calendar.currentEntry', {
              kind: t(`calendar.kind.${entry.kind}`),
              source: entry.source === 'admin' ? t('calendar.sourceAdmin') : entry.source,
            })
          : t(weekend ? 'calendar.ordinaryWeekend' : 'calendar.ordinaryWorkday')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: entry?.kind ?? (weekend ? 'makeup_workday' : 'holiday'),
          name: entry?.name ?? '',
        }}
      >
        <Form.Item
          name="kind"
          label={t('calendar.kindLabel')}
          rules={[
            {
              validator: async (_r, kind: CalendarDayKind) => {
                if (kind === 'makeup_workday' && !weekend)
                  throw new Error(translate('msg:calendar.makeup_weekend', lang));
              },
            },
          ]}
        >
          <Radio.Group data-testid="cal-day-kind">
            <Radio value="holiday">{t('calendar.kind.holiday')}</Radio>
            <Radio value="makeup_workday" disabled={!weekend}>
              {t('calendar.kind.makeup_workday')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          rules={[zodRule(CalendarDayUpdate.shape.name, lang)]}
        >
          <Input maxLength={50} placeholder={t('calendar.namePlaceholder')} data-testid="cal-day-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
