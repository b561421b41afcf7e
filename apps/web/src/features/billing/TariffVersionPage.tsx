import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Popconfirm, Skeleton, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { formatDateTime } from '../../shared/format';
import { PageTitle } from '../../shared/PageTitle';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePermissions } from '../auth/usePermissions';
import { TariffComponentsView } from './TariffComponentsView';
import type { TariffComponents, TariffVersionDetail } from './types';
import { useSaveTariffDraft, useTariffTransition, useTariffVersion } from './useTariffs';

const componentsOf = (d: TariffVersionDetail): TariffComponents => ({
  categories: d.document.categories,
  residentialTiers: d.document.residentialTiers,
  surcharges: d.document.surcharges,
  touSeasons: d.document.touSeasons,
});

/** One tariff version: its components readably; a draft can be edited, saved and activated. */
export function TariffVersionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const id = Number(useParams().id);
  const version = useTariffVersion(id);
  const save = useSaveTariffDraft(id);
  const transition = useTariffTransition(id);
  const { can } = usePermissions();
  const [draft, setDraft] = useState<TariffComponents | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const d = version.data;
  useEffect(() => {
    if (d) setDraft(componentsOf(d));
  }, [d]);
  if (version.error) return <ErrorResult error={version.error} onRetry={() => void version.refetch()} />;
  if (!d || !draft) return <Skeleton active />;
  const editable = d.status === 'draft' && can('tariff:admin');

  const fail = (e: unknown) => {
    if (isApiError(e) && e.status === 400) setProblems(e.details.map((x) => `${x.path}：${x.message}`));
    notifyError(e);
  };

  return (
    <div>
      <PageTitle
        title={`${d.code} · ${d.name}`}
        sub={
          <>
            <Tag>{t(`billing.tariffs.statusName.${d.status}`)}</Tag>
            {d.inForce ? <Tag color="blue">{t('billing.tariffs.inForce')}</Tag> : null}
          </>
        }
        extra={
          <>
            {editable ? (
              <Button
                loading={save.isPending}
                data-testid="tariff-save"
                onClick={() =>
                  save.mutate(
                    { version: d.version, components: draft },
                    {
                      onSuccess: () => {
                        setProblems([]);
                        void message.success(t('billing.tariffs.saved'));
                      },
                      onError: fail,
                    },
                  )
                }
              >
                {t('billing.tariffs.save')}
              </Button>
            ) : null}
            {editable ? (
              <Popconfirm
                title={t('billing.tariffs.activateConfirm', { date: d.effectiveFrom })}
                onConfirm={() =>
                  transition.mutate(
                    { action: 'activate', version: d.version },
                    { onSuccess: () => void message.success(t('billing.tariffs.activated')), onError: fail },
                  )
                }
              >
                <Button type="primary" loading={transition.isPending} data-testid="tariff-activate">
                  {t('billing.tariffs.activate')}
                </Button>
              </Popconfirm>
            ) : null}
            {d.status === 'active' && can('tariff:admin') ? (
              <Popconfirm
                title={t('billing.tariffs.retireConfirm')}
                onConfirm={() =>
                  transition.mutate({ action: 'retire', version: d.version }, { onError: fail })
                }
              >
                <Button danger>{t('billing.tariffs.retire')}</Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('billing.tariffs.effectiveFrom')}>{d.effectiveFrom}</Descriptions.Item>
        <Descriptions.Item label={t('billing.tariffs.createdBy')}>{d.createdByName}</Descriptions.Item>
        <Descriptions.Item label={t('billing.tariffs.activatedAt')}>
          {formatDateTime(d.activatedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('billing.tariffs.basedOn')}>
          {d.basedOnId ? `#${d.basedOnId}` : '—'}
        </Descriptions.Item>
      </Descriptions>
      {problems.length ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problems.join('；')} />
      ) : null}
      <TariffComponentsView value={draft} onChange={editable ? setDraft : undefined} />
    </div>
  );
}
