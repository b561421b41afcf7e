import { useTranslation } from 'react-i18next';
import { ContactFields } from './ContactFields';
import { PART_DEFAULTS } from './customerFormValues';
import { ListSection } from './ListSection';

/** 联系人 */
export function ContactsSection() {
  const { t } = useTranslation();
  return (
    <ListSection
      name="contacts"
      title={t('form.contacts')}
      addLabel={t('form.addContact')}
      itemTitle={(i) => t('form.contactN', { n: i + 1 })}
      newItem={() => ({ ...PART_DEFAULTS.contact })}
      testId="contact"
    >
      {(name) => <ContactFields index={name} testId={`contact-${name}`} />}
    </ListSection>
  );
}
