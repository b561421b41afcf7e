import { Descriptions, Typography } from 'antd';
import type { Notice } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useEnumLabel } from '../../shared/useEnumLabel';

/** A notice's body and who it is for, as shown under its row. */
export function NoticeDetail({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <div data-testid="notice-detail">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'valid',
            label: t('notices.validity'),
            children: `${formatDateTime(notice.validFrom)} ~ ${notice.validTo ? formatDateTime(notice.validTo) : t('notices.openEnded')}`,
          },
          {
            key: 'roles',
            label: t('notices.audienceRoles'),
            children: notice.audienceRoles.length
              ? notice.audienceRoles.map((r) => label('role', r)).join('、')
              : t('notices.everyone'),
          },
          {
            key: 'units',
            label: t('notices.audienceUnits'),
            children: notice.audienceOrgUnits.length
              ? notice.audienceOrgUnits.map((u) => u.name).join('、')
              : t('notices.everyone'),
          },
          { key: 'publisher', label: t('notices.publisher'), children: notice.publisherOrgUnitName },
          ...(notice.withdrawReason
            ? [{ key: 'reason', label: t('notices.withdrawReason'), children: notice.withdrawReason }]
            : []),
        ]}
      />
    </div>
  );
}
