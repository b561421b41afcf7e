import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageTitle } from '../../shared/PageTitle';
import { AccountReadingsCard } from './AccountReadingsCard';
import { useAccountReadings } from './useAccountReadings';

/** One account's readings (linked from the exception list). */
export function AccountReadingsPage() {
  const { t } = useTranslation();
  const accountId = Number(useParams().accountId);
  const { data } = useAccountReadings(accountId);
  return (
    <div>
      <PageTitle title={`${t('metering.history.title')} ${data?.accountNo ?? ''}`} />
      <AccountReadingsCard accountId={accountId} />
    </div>
  );
}
