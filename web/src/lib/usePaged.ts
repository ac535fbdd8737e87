import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../api/client';
import type { Page } from '../api/types';

type Query = Record<string, string | number | boolean | undefined | null | string[]>;

/** A page of a list endpoint with antd Table pagination wired in; reloads when the query changes. */
export function usePaged<T>(path: string | null, query: Query, initialPageSize = 20) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [data, setData] = useState<Page<T> & Record<string, unknown>>({
    items: [],
    total: 0,
    page: 1,
    pageSize,
  });
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(query);

  const load = useCallback(async () => {
    if (!path) return;
    setLoading(true);
    try {
      setData(
        await api.get<Page<T> & Record<string, unknown>>(path, {
          ...(JSON.parse(key) as Query),
          page,
          pageSize,
        }),
      );
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setLoading(false);
    }
  }, [path, key, page, pageSize, message]);

  useEffect(() => {
    setPage(1);
  }, [key]);

  useEffect(() => {
    void load();
  }, [load]);

  return {
    data,
    loading,
    reload: load,
    pagination: {
      current: page,
      pageSize,
      total: data.total,
      showSizeChanger: true,
      showTotal: (total: number) => `共 ${total} 条`,
      onChange: (p: number, size: number) => {
        setPage(size !== pageSize ? 1 : p);
        setPageSize(size);
      },
    },
  };
}
