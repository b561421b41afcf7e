import { useTranslation } from 'react-i18next';
import { PART_DEFAULTS } from './customerFormValues';
import { ListSection } from './ListSection';
import { MeterFields } from './MeterFields';
import { TransformerFields } from './TransformerFields';
import { useAccountIndexOptions } from './useAccountIndexOptions';

/** 电能表: each belongs to one of the accounts above. */
export function MetersSection() {
  const { t } = useTranslation();
  const accountOptions = useAccountIndexOptions();
  return (
    <ListSection
      name="meters"
      title={t('form.meters')}
      addLabel={t('form.addMeter')}
      itemTitle={(i) => t('form.meterN', { n: i + 1 })}
      newItem={() => ({
        ...PART_DEFAULTS.meter,
        accountIndex: accountOptions.length ? 0 : undefined,
      })}
      testId="meter"
      max={100}
    >
      {(name) => (
        <MeterFields
          index={name}
          testId={`meter-${name}`}
          accountField="accountIndex"
          accountOptions={accountOptions}
        />
      )}
    </ListSection>
  );
}

/** 受电变压器: optionally tied to an account. */
export function TransformersSection() {
  const { t } = useTranslation();
  const accountOptions = useAccountIndexOptions();
  return (
    <ListSection
      name="transformers"
      title={t('form.transformers')}
      addLabel={t('form.addTransformer')}
      itemTitle={(i) => t('form.transformerN', { n: i + 1 })}
      newItem={() => ({
        ...PART_DEFAULTS.transformer,
        accountIndex: accountOptions.length ? 0 : undefined,
      })}
      testId="transformer"
      max={50}
    >
      {(name) => (
        <TransformerFields
          index={name}
          testId={`transformer-${name}`}
          accountField="accountIndex"
          accountOptions={accountOptions}
        />
      )}
    </ListSection>
  );
}
