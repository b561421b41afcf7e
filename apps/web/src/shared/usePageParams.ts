// List state lives in the URL (?page=2&pageSize=20&q=…) so lists survive reloads and back buttons,
// and every list pages through the server.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';

export interface PageParams {
  page: number;
  pageSize: number;
  params: URLSearchParams;
  get: (key: string) => string | undefined;
  /** Sets (or clears, with undefined/'') keys; a change that does not name `page` goes back to page 1. */
  update: (changes: Record<string, string | number | undefined | null>) => void;
  pagination: (total: number | undefined, capped?: boolean) => TablePaginationConfig;
}

export function usePageParams(defaultPageSize = 20): PageParams {
  const [params, setParams] = useSearchParams();
  const { t } = useTranslation();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultPageSize));

  const get = useCallback((key: string) => params.get(key) ?? undefined, [params]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );

  const pagination = useCallback(
    (total: number | undefined, capped?: boolean): TablePaginationConfig => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (n) => (capped ? t('common.totalCapped', { count: n }) : t('common.total', { count: n })),
      onChange: (p, ps) => update(ps !== pageSize ? { page: 1, pageSize: ps } : { page: p }),
    }),
    [page, pageSize, t, update],
  );

  return useMemo(
    () => ({ page, pageSize, params, get, update, pagination }),
    [page, pageSize, params, get, update, pagination],
  );
}
