import { useTranslation } from 'react-i18next';
import { PART_DEFAULTS } from './customerFormValues';
import { ListSection } from './ListSection';
import { PremiseFields } from './PremiseFields';

/** 用电地址 */
export function PremisesSection() {
  const { t } = useTranslation();
  return (
    <ListSection
      name="premises"
      title={t('form.premises')}
      addLabel={t('form.addPremise')}
      itemTitle={(i) => t('form.premiseN', { n: i + 1 })}
      newItem={() => ({ ...PART_DEFAULTS.premise })}
      testId="premise"
    >
      {(name) => <PremiseFields index={name} testId={`premise-${name}`} />}
    </ListSection>
  );
}
