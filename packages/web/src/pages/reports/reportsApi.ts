import { useEffect, useRef, useState } from 'react';
import { api, buildUrl, type Query } from '../../api/client';

/** Reports generated in the background (PDF/HTML) and the CSV/XLSX exports of the lists. */

export const REPORT_KINDS = ['council', 'system', 'audit', 'poam'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportFormat = 'pdf' | 'html';

export interface Report {
  id: string;
  kind: ReportKind;
  format: ReportFormat;
  subjectId: string | null;
  subjectName: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  size: number | null;
  sha256: string | null;
  error: string | null;
  fileName: string;
  requestedAt: string;
  finishedAt: string | null;
}

export const requestReport = (body: { kind: ReportKind; format: ReportFormat; subjectId?: string }) => api.post<Report>('/reports', body);

export const reportFileUrl = (id: string) => buildUrl(`/reports/${encodeURIComponent(id)}/file`);

export const exportUrl = (path: string, format: 'csv' | 'xlsx', query: Query = {}) => buildUrl(path, { ...query, format });

export const isFinished = (r: Pick<Report, 'status'>) => r.status === 'done' || r.status === 'failed';

/** Follows a report until it is done or failed (polling its status once a second). */
export function useReportProgress(initial: Report | null): { report: Report | null; error: unknown } {
  const [report, setReport] = useState<Report | null>(initial);
  const [error, setError] = useState<unknown>(null);
  const id = initial?.id ?? null;
  const latest = useRef(initial);
  latest.current = initial;

  useEffect(() => {
    setReport(latest.current);
    setError(null);
    if (!id || (latest.current && isFinished(latest.current))) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const r = await api.get<Report>(`/reports/${encodeURIComponent(id)}`, undefined, { signal: controller.signal });
        setReport(r);
        if (!isFinished(r)) timer = setTimeout(poll, 1000);
      } catch (e) {
        if (!controller.signal.aborted) setError(e);
      }
    };
    timer = setTimeout(poll, 500);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  return { report, error };
}
