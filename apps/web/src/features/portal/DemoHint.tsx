import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePortalDemoHint } from './usePortalDemoHint';

/** Demo only (npm start without a real SMS gateway): where to read the code the simulator received. */
export function DemoHint() {
  const { t } = useTranslation();
  const { data } = usePortalDemoHint();
  if (!data?.smsInboxUrl) return null;
  return (
    <Typography.Paragraph
      type="secondary"
      style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}
      data-testid="portal-demo-hint"
    >
      {t('portal.demo.sms')}{' '}
      <Typography.Link href={data.smsInboxUrl} target="_blank" rel="noreferrer" style={{ fontSize: 12 }}>
        GET {data.smsInboxUrl}
      </Typography.Link>{' '}
      {t('portal.demo.codeField')}
      {data.exampleAccountNo ? (
        <>
          {' '}
          {t('portal.demo.example')} <Typography.Text code>{data.exampleAccountNo}</Typography.Text>
        </>
      ) : null}
    </Typography.Paragraph>
  );
}
