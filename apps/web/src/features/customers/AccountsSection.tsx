import { useTranslation } from 'react-i18next';
import { AccountFields } from './AccountFields';
import { PART_DEFAULTS } from './customerFormValues';
import { ListSection } from './ListSection';
import { usePremiseIndexOptions } from './usePremiseIndexOptions';

/** 用电户: each refers to one of the premises above by its position. */
export function AccountsSection() {
  const { t } = useTranslation();
  const premiseOptions = usePremiseIndexOptions();
  return (
    <ListSection
      name="accounts"
      title={t('form.accounts')}
      addLabel={t('form.addAccount')}
      itemTitle={(i) => t('form.accountN', { n: i + 1 })}
      newItem={() => ({
        ...PART_DEFAULTS.account,
        premiseIndex: premiseOptions.length ? 0 : undefined,
      })}
      testId="account"
      max={50}
    >
      {(name) => (
        <AccountFields
          index={name}
          testId={`account-${name}`}
          premiseField="premiseIndex"
          premiseOptions={premiseOptions}
        />
      )}
    </ListSection>
  );
}
