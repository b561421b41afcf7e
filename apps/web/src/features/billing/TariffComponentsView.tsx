import { Card, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TARIFF_CATEGORY_LIST, VOLTAGE_LEVELS, type TariffCategory } from '@gridcare/domain';
import type { TariffComponents } from './types';

type Path = (string | number)[];

/** Immutable set at a path ('categories.commercial.energy.10kV'); '' removes an optional price. */
function setAt<T>(obj: T, path: Path, value: unknown): T {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === '' || value === undefined) delete node[last];
  else node[last] = value;
  return copy as T;
}

interface Props {
  value: TariffComponents;
  /** With onChange the prices become inputs (a draft); without, the version reads as text. */
  onChange?: (next: TariffComponents) => void;
}

/** A tariff version's components, readable (or editable for a draft): prices, tiers, surcharges, TOU. */
export function TariffComponentsView({ value, onChange }: Props) {
  const { t } = useTranslation();
  const edit = (path: Path) => (v: unknown) => onChange?.(setAt(value, path, v));
  const price = (path: Path, current: string | undefined, testId?: string) =>
    onChange ? (
      <Input
        size="small"
        style={{ width: 90 }}
        value={current ?? ''}
        onChange={(e) => edit(path)(e.target.value.trim())}
        data-testid={testId}
      />
    ) : (
      (current ?? '—')
    );
  const categories = TARIFF_CATEGORY_LIST as TariffCategory[];

  return (
    <>
      <Card size="small" title={t('billing.tariffs.energy')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="c"
          pagination={false}
          scroll={{ x: true }}
          dataSource={categories.map((c) => ({ c }))}
          columns={[
            { title: '', dataIndex: 'c', render: (c: string) => t(`billing.category.${c}`) },
            {
              title: t('billing.tariffs.defaultPrice'),
              key: 'default',
              render: (_: unknown, r: { c: TariffCategory }) =>
                price(
                  ['categories', r.c, 'energy', 'default'],
                  value.categories[r.c].energy.default,
                  `price-${r.c}-default`,
                ),
            },
            ...VOLTAGE_LEVELS.map((v) => ({
              title: v,
              key: v,
              render: (_: unknown, r: { c: TariffCategory }) =>
                price(['categories', r.c, 'energy', v], value.categories[r.c].energy[v]),
            })),
          ]}
        />
      </Card>
      <Card size="small" title={t('billing.tariffs.tou')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="c"
          pagination={false}
          dataSource={categories.filter((c) => value.categories[c].tou).map((c) => ({ c }))}
          columns={[
            { title: '', dataIndex: 'c', render: (c: string) => t(`billing.category.${c}`) },
            ...(['critical_peak', 'peak', 'flat', 'valley'] as const).map((p) => ({
              title: t(`billing.tariffs.period.${p}`),
              key: p,
              render: (_: unknown, r: { c: TariffCategory }) => {
                const tp = value.categories[r.c].tou?.[p];
                if (!tp) return '—';
                if (!onChange)
                  return `${tp.value} ${tp.kind === 'ratio' ? t('billing.tariffs.touRatio') : t('billing.tariffs.touPrice')}`;
                return (
                  <>
                    {price(['categories', r.c, 'tou', p, 'value'], tp.value)}
                    <Select
                      size="small"
                      style={{ width: 90 }}
                      value={tp.kind}
                      onChange={edit(['categories', r.c, 'tou', p, 'kind'])}
                      options={[
                        { value: 'ratio', label: t('billing.tariffs.touRatio') },
                        { value: 'price', label: t('billing.tariffs.touPrice') },
                      ]}
                    />
                  </>
                );
              },
            })),
          ]}
        />
      </Card>
      <Card size="small" title={t('billing.tariffs.basic')} style={{ marginBottom: 12 }}>
        {categories
          .filter((c) => value.categories[c].basic)
          .map((c) => (
            <p key={c}>
              {t(`billing.category.${c}`)}：
              {price(['categories', c, 'basic', 'perKvaMonth'], value.categories[c].basic?.perKvaMonth)}{' '}
              {t('billing.tariffs.perKva')}，
              {price(['categories', c, 'basic', 'perKwMonth'], value.categories[c].basic?.perKwMonth)}{' '}
              {t('billing.tariffs.perKw')}
            </p>
          ))}
      </Card>
      <Card size="small" title={t('billing.tariffs.tiers')} style={{ marginBottom: 12 }}>
        <p>
          {t('billing.tariffs.tierThresholds')}：
          {[0, 1].map((i) =>
            onChange ? (
              <InputNumber
                key={i}
                size="small"
                min={0}
                value={value.residentialTiers.monthlyThresholdsKwh[i]}
                onChange={(v) => edit(['residentialTiers', 'monthlyThresholdsKwh', i])(v ?? 0)}
              />
            ) : (
              <Tag key={i}>{value.residentialTiers.monthlyThresholdsKwh[i]}</Tag>
            ),
          )}
        </p>
        <p>
          {t('billing.tariffs.tierPrices')}：
          {[0, 1, 2].map((i) => (
            <span key={i} style={{ marginRight: 8 }}>
              {price(['residentialTiers', 'prices', i], value.residentialTiers.prices[i], `tier-price-${i}`)}
            </span>
          ))}
        </p>
        {value.residentialTiers.largeHousehold ? (
          <p>
            {t('billing.tariffs.largeHousehold')}：{value.residentialTiers.largeHousehold.minPersons}+ →{' '}
            {value.residentialTiers.largeHousehold.monthlyThresholdsKwh.join(' / ')} kWh
          </p>
        ) : null}
        <p>
          {t('billing.tariffs.lowIncomeFree')}：
          {onChange ? (
            <InputNumber
              size="small"
              min={0}
              value={value.residentialTiers.lowIncomeFreeKwhPerMonth}
              onChange={(v) => edit(['residentialTiers', 'lowIncomeFreeKwhPerMonth'])(v ?? 0)}
            />
          ) : (
            value.residentialTiers.lowIncomeFreeKwhPerMonth
          )}
        </p>
      </Card>
      <Card size="small" title={t('billing.tariffs.surcharges')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={value.surcharges.map((s, i) => ({ ...s, i }))}
          columns={[
            { title: t('billing.tariffs.name'), dataIndex: 'name' },
            ...categories.map((c) => ({
              title: t(`billing.category.${c}`),
              key: c,
              render: (_: unknown, r: { i: number; rates: Partial<Record<TariffCategory, string>> }) =>
                price(['surcharges', r.i, 'rates', c], r.rates[c]),
            })),
          ]}
        />
      </Card>
      <Card size="small" title={t('billing.tariffs.seasons')}>
        {value.touSeasons.map((s) => (
          <div key={s.code} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{s.name}</Typography.Text>（{t('billing.tariffs.months')}{' '}
            {s.months.join(', ')}）
            <div>
              {s.intervals.map((iv) => (
                <Tag
                  key={iv.from}
                  color={iv.period === 'valley' ? 'blue' : iv.period === 'flat' ? 'default' : 'red'}
                >
                  {iv.from}–{iv.to} {t(`billing.tariffs.period.${iv.period}`)}
                </Tag>
              ))}
            </div>
          </div>
        ))}
      </Card>
    </>
  );
}
