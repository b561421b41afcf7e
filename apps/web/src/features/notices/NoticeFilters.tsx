import { useEffect, useState, type ReactNode } from 'react';
import { Input, Select, Space } from 'antd';
import { NOTICE_KINDS } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import type { PageParams } from '../../shared/usePageParams';

/** Text and kind (and, for publishers, status) filters kept in the URL. */
export function NoticeFilters({ pp, extra }: { pp: PageParams; extra?: ReactNode }) {
  const { t } = useTranslation();
  const q = pp.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        placeholder={t('notices.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => pp.update({ q: v.trim() || undefined })}
        style={{ width: 300 }}
        data-testid="notice-search"
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('notices.kindLabel')}
        value={pp.get('kind')}
        onChange={(v) => pp.update({ kind: v })}
        options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notices.kind.${k}`) }))}
        data-testid="notice-filter-kind"
      />
      {extra}
    </Space>
  );
}
