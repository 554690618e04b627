import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { CatalogImportResult, OscalValidation } from '../../api/types';
import { describeError } from '../../components/errors';
import { type Translate, useI18n } from '../../i18n';
import { versionPath } from './paths';

export type Outcome =
  | { kind: 'imported'; result: CatalogImportResult }
  | { kind: 'validated'; result: OscalValidation }
  | { kind: 'failed'; action: 'import' | 'validate'; error: unknown }
  | { kind: 'cancelled' };

const MAX_PROBLEMS = 100;

interface Problem {
  pointer: string;
  message: string;
}

/** Where (a JSON pointer into the document) and what is wrong. */
function ProblemList({ problems }: { problems: Problem[] }) {
  const { t, formatNumber } = useI18n();
  if (problems.length === 0) return null;
  const shown = problems.slice(0, MAX_PROBLEMS);
  return (
    <div className="problems">
      <h3 className="subsection-title">{t('catalogs.import.problems')}</h3>
      <ul className="problem-list">
        {shown.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same pointer can have several problems.
          <li key={`${i}-${p.pointer}`} className="problem-list__item">
            <span className="visually-hidden">{t('catalogs.import.location')}: </span>
            <span className="problem-list__where">
              {p.pointer ? <code className="problem-list__pointer">{p.pointer}</code> : t('catalogs.import.wholeDocument')}
            </span>
            <span className="visually-hidden">, {t('catalogs.import.problem')}: </span>
            <span className="problem-list__message">{p.message}</span>
          </li>
        ))}
      </ul>
      {problems.length > shown.length && <p>{t('catalogs.import.more', { count: formatNumber(problems.length - shown.length) })}</p>}
    </div>
  );
}

function Notes({ notes }: { notes: string[] }) {
  const { t } = useI18n();
  if (notes.length === 0) return null;
  return (
    <div>
      <h3 className="subsection-title">{t('catalogs.import.notes')}</h3>
      <ul className="notes-list">
        {notes.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes are plain strings that may repeat.
          <li key={i}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

function failureText(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return t('catalogs.import.duplicate');
  if (error instanceof ApiError && error.status === 413) return t('catalogs.import.tooLarge');
  return describeError(t, error);
}

/** The result of an import or validation; focused when it appears so keyboard users land on it. */
export function ImportOutcome({ outcome }: { outcome: Outcome | null }) {
  const { t, tp, formatNumber } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);

  if (!outcome) return null;
  if (outcome.kind === 'cancelled') {
    return (
      <div ref={ref} tabIndex={-1} className="alert alert--info" role="status">
        {t('catalogs.import.cancelled')}
      </div>
    );
  }
  if (outcome.kind === 'imported') {
    const { version, notes } = outcome.result;
    const controls = tp('catalogs.controlCount', version.controlCount, { count: formatNumber(version.controlCount) });
    return (
      <div ref={ref} tabIndex={-1} className="alert alert--success" role="status">
        <p className="alert__title">{t('catalogs.import.imported', { title: version.title, version: version.version, controls })}</p>
        <Notes notes={notes} />
        <Link to={versionPath(version.id)}>{t('catalogs.import.openVersion')}</Link>
      </div>
    );
  }
  if (outcome.kind === 'validated') {
    const r = outcome.result;
    if (r.valid) {
      return (
        <div ref={ref} tabIndex={-1} className="alert alert--success" role="status">
          <p className="alert__title">{r.model ? t('catalogs.import.valid', { model: r.model }) : t('catalogs.import.validUnknown')}</p>
          {(r.declaredVersion || r.schemaVersion) && (
            <p>
              {t('catalogs.import.versions', {
                declared: r.declaredVersion ?? t('common.none'),
                schema: r.schemaVersion ?? t('common.none'),
              })}
            </p>
          )}
          <p>{t('catalogs.import.nothingStored')}</p>
          <Notes notes={r.notes} />
        </div>
      );
    }
    return (
      <div ref={ref} tabIndex={-1} className="alert alert--error" role="alert">
        <p className="alert__title">{t('catalogs.import.invalid')}</p>
        <p>{t('catalogs.import.nothingStored')}</p>
        <Notes notes={r.notes} />
        <ProblemList problems={r.errors} />
        {r.truncated && <p>{t('catalogs.import.truncated')}</p>}
      </div>
    );
  }
  const details = outcome.error instanceof ApiError ? outcome.error.details.map((d) => ({ pointer: d.path, message: d.message })) : [];
  return (
    <div ref={ref} tabIndex={-1} className="alert alert--error" role="alert">
      {outcome.action === 'import' && <p className="alert__title">{t('catalogs.import.nothingImported')}</p>}
      <p>{failureText(t, outcome.error)}</p>
      <ProblemList problems={details} />
    </div>
  );
}
