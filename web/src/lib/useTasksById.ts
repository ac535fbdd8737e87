import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Task } from '../api/types';

/** The tasks behind a page of reports or extensions (a page is small: one request per task not yet known). */
export function useTasksById(ids: string[]): Map<string, Task> {
  const [tasks, setTasks] = useState<Map<string, Task>>(new Map());
  const key = [...new Set(ids)].sort().join(',');

  useEffect(() => {
    const wanted = key ? key.split(',') : [];
    const missing = wanted.filter((id) => !tasks.has(id));
    if (!missing.length) return;
    let cancelled = false;
    void Promise.all(missing.map((id) => api.get<Task>(`/tasks/${id}`).catch(() => null))).then((found) => {
      if (cancelled) return;
      setTasks((prev) => {
        const next = new Map(prev);
        for (const t of found) if (t) next.set(t.id, t);
        return next;
      });
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  return tasks;
}
