import type { CustomerOverview } from '../../api/types';
import { AccountFields } from './AccountFields';
import { ContactFields } from './ContactFields';
import { MeterFields } from './MeterFields';
import { PremiseFields } from './PremiseFields';
import { TransformerFields } from './TransformerFields';
import type { PartKind } from './partKinds';

/** The fields of one part in a 360 page dialog; selects offer the customer's saved premises/accounts. */
export function PartFieldsFor({
  kind,
  overview,
  loaded,
}: {
  kind: PartKind;
  overview: CustomerOverview;
  /** The values of the part being edited; absent when adding. */
  loaded?: Record<string, unknown>;
}) {
  const testId = `part-${kind}`;
  const editing = !!loaded;
  const accountOptions = overview.accounts.map((a) => ({
    value: a.id,
    label: `${a.accountNo} ${a.voltageLevel}`,
  }));
  switch (kind) {
    case 'contact':
      return <ContactFields testId={testId} loaded={loaded} />;
    case 'premise':
      return <PremiseFields testId={testId} loaded={loaded} />;
    case 'account':
      return (
        <AccountFields
          testId={testId}
          loaded={loaded}
          premiseField="premiseId"
          premiseOptions={overview.premises.map((p) => ({ value: p.id, label: p.fullAddress }))}
          accountNoLocked={editing}
        />
      );
    case 'meter':
      return (
        <MeterFields
          testId={testId}
          loaded={loaded}
          accountField="accountId"
          accountOptions={accountOptions}
          accountLocked={editing}
        />
      );
    case 'transformer':
      return (
        <TransformerFields
          testId={testId}
          loaded={loaded}
          accountField="accountId"
          accountOptions={accountOptions}
        />
      );
  }
}
