import type { Actor } from '../context.js';
import { AppError } from '../errors.js';
import { auditReport } from './audit-report.js';
import type { Progress, ReportDeps, ReportFormat, ReportKind } from './common.js';
import { councilReport } from './council.js';
import { poamReport } from './poam.js';
import { systemPlanReport } from './system-plan.js';

export { REPORT_FORMATS, REPORT_KINDS, type ReportDeps, type ReportFormat, type ReportKind, reportDeps } from './common.js';

export interface ReportRequest {
  kind: ReportKind;
  format: ReportFormat;
  /** The system (kind system) or audit (kind audit) the report is about. */
  subjectId?: string | null;
}

export const REPORT_MEDIA_TYPE: Record<ReportFormat, string> = { pdf: 'application/pdf', html: 'text/html; charset=utf-8' };

/** Renders one report for the caller: only what they may see goes in. */
export async function generateReport(
  deps: ReportDeps,
  actor: Actor,
  req: ReportRequest,
  progress: Progress = () => {},
): Promise<{ bytes: Buffer; title: string }> {
  const subject = () => {
    if (!req.subjectId) {
      throw new AppError('VALIDATION', `A ${req.kind} report is about one ${req.kind}: name it.`, [
        { path: 'subjectId', message: 'required' },
      ]);
    }
    return req.subjectId;
  };
  switch (req.kind) {
    case 'council':
      return councilReport(deps, actor, req.format, progress);
    case 'poam':
      return poamReport(deps, actor, req.format, progress);
    case 'system':
      return systemPlanReport(deps, actor, subject(), req.format, progress);
    case 'audit':
      return auditReport(deps, actor, subject(), req.format, progress);
  }
}

const KIND_FILE: Record<ReportKind, string> = {
  council: 'compliance-report',
  system: 'system-security-plan',
  audit: 'audit-report',
  poam: 'corrective-action-plan',
};

/** A download name such as `system-security-plan-permit-portal-2026-11-25.pdf` (ASCII only). */
export function reportFileName(kind: ReportKind, format: ReportFormat, day: string, subject?: string | null): string {
  const slug = (subject ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${KIND_FILE[kind]}${slug ? `-${slug}` : ''}-${day}.${format}`;
}
