import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, isAbort } from '../../api/client';
import { formatOfFile, type ImportPreview, type ImportResult, type SpreadsheetFormat } from '../../api/registerImport';
import { postBody } from '../../api/upload';
import { useAuth } from '../../auth/AuthContext';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { describeError } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { type Translate, useI18n } from '../../i18n';
import { type Phase, UploadStatus } from '../catalogs/UploadStatus';
import { ImportPreviewTable } from './ImportPreviewTable';

const MAX_ROWS = 10_000;
const MAX_PROBLEMS = 100;

interface Chosen {
  file: File;
  format: SpreadsheetFormat;
}

type Outcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'failed'; action: 'check' | 'import'; error: unknown }
  | { kind: 'cancelled' };

function failureText(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 413 && !error.message) return t('systems.import.tooLarge');
  return describeError(t, error);
}

/** What went wrong with the file as a whole, or (on import) with which rows and cells. */
function OutcomeAlert({ outcome }: { outcome: Outcome | null }) {
  const { t, tp, formatNumber } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  if (!outcome) return null;
  if (outcome.kind === 'cancelled') {
    return (
      <div ref={ref} tabIndex={-1} className="alert alert--info" role="status">
        {t('systems.import.cancelled')}
      </div>
    );
  }
  if (outcome.kind === 'imported') {
    const n = outcome.result.created;
    return (
      <div ref={ref} tabIndex={-1} className="alert alert--success" role="status">
        <p className="alert__title">{tp('systems.import.imported', n, { count: formatNumber(n) })}</p>
        <Link to="/systems">{t('systems.import.toList')}</Link>
      </div>
    );
  }
  const details = outcome.error instanceof ApiError ? outcome.error.details : [];
  const shown = details.slice(0, MAX_PROBLEMS);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert--error" role="alert">
      <p className="alert__title">{outcome.action === 'import' ? t('systems.import.failed') : t('systems.import.checkFailed')}</p>
      <p>{failureText(t, outcome.error)}</p>
      {shown.length > 0 && (
        <div className="problems">
          <h3 className="subsection-title">{t('systems.import.problemsTitle')}</h3>
          <ul className="problem-list">
            {shown.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one place can have several problems.
              <li key={`${i}-${d.path}`} className="problem-list__item">
                {d.path && <span className="problem-list__where">{d.path}</span>}
                <span className="problem-list__message">{d.message}</span>
              </li>
            ))}
          </ul>
          {details.length > shown.length && <p>{t('systems.import.more', { count: formatNumber(details.length - shown.length) })}</p>}
        </div>
      )}
    </div>
  );
}

/**
 * /systems/import: choose a CSV or XLSX file → it is uploaded and checked (nothing stored) →
 * the rows with their problems → "Import N systems", enabled only when no row has a problem.
 */
export function ImportSystemsPage() {
  const { t, tp, formatNumber } = useI18n();
  const { can } = useAuth();
  const fileId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState('');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = phase.step !== 'idle';

  useEffect(() => () => abortRef.current?.abort(), []);

  const choose = (file: File | undefined) => {
    setPreview(null);
    setOutcome(null);
    setFileError('');
    setChosen(null);
    if (!file) return;
    const format = formatOfFile(file);
    if (!format) {
      setFileError(t('systems.import.fileType'));
      return;
    }
    setChosen({ file, format });
  };

  const upload = async <T,>(action: 'check' | 'import', path: string, onDone: (result: T) => void) => {
    if (!chosen) {
      setFileError(fileError || t('systems.import.fileRequired'));
      inputRef.current?.focus();
      return;
    }
    const { file, format } = chosen;
    const controller = new AbortController();
    abortRef.current = controller;
    const step = action === 'import' ? 'import' : 'validate';
    setOutcome(null);
    setPhase({ step: 'uploading', action: step, file: file.name, loaded: 0, total: file.size });
    try {
      const result = await postBody<T>(path, file, 'application/octet-stream', {
        query: { format, fileName: file.name.slice(0, 300) },
        signal: controller.signal,
        size: file.size,
        onProgress: (p) => setPhase({ step: 'uploading', action: step, file: file.name, ...p }),
        onUploaded: () => setPhase({ step: 'processing', action: step }),
      });
      onDone(result);
    } catch (e) {
      if (controller.signal.aborted && isAbort(e)) setOutcome({ kind: 'cancelled' });
      else setOutcome({ kind: 'failed', action, error: e });
    } finally {
      abortRef.current = null;
      setPhase({ step: 'idle' });
    }
  };

  const check = () =>
    upload<ImportPreview>('check', '/systems/import/preview', (result) => {
      setPreview(result);
    });

  const runImport = () =>
    upload<ImportResult>('import', '/systems/import', (result) => {
      setOutcome({ kind: 'imported', result });
      setPreview(null);
      setChosen(null);
      if (inputRef.current) inputRef.current.value = '';
    });

  const ready = preview !== null && preview.summary.total > 0 && preview.summary.invalid === 0;

  return (
    <>
      <Breadcrumbs
        label={t('systems.breadcrumb')}
        items={[{ label: t('systems.title'), to: '/systems' }, { label: t('systems.import.title') }]}
      />
      <PageHeader title={t('systems.import.title')} intro={t('systems.import.intro')} />
      <section className="card card--flat" aria-labelledby="import-file-title">
        <h2 id="import-file-title" className="card__title">
          {t('systems.import.fileTitle')}
        </h2>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <div className={`field${fileError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={fileId}>
              {t('systems.import.file')}
            </label>
            <input
              ref={inputRef}
              id={fileId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="input input--file"
              onChange={(e) => choose(e.target.files?.[0])}
              disabled={busy}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            />
            <p className="field__hint" id={`${fileId}-hint`}>
              {t('systems.import.fileHint', { rows: formatNumber(MAX_ROWS) })}
              {!can('systems:manage-all') && ` ${t('systems.import.ownHint')}`}
            </p>
            {fileError && (
              <p className="field__error" id={`${fileId}-error`}>
                {fileError}
              </p>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className={`button ${preview ? 'button--secondary' : 'button--primary'}`} disabled={busy}>
              {preview ? t('systems.import.checkAgain') : t('systems.import.check')}
            </button>
          </div>
        </form>
        <UploadStatus phase={phase} onCancel={() => abortRef.current?.abort()} />
        <OutcomeAlert outcome={outcome} />
      </section>
      {preview && chosen && (
        <>
          <ImportPreviewTable key={`${chosen.file.name}|${preview.summary.total}`} preview={preview} fileName={chosen.file.name} />
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={!ready || busy} onClick={() => void runImport()}>
              {tp('systems.import.submit', preview.summary.valid, { count: formatNumber(preview.summary.valid) })}
            </button>
          </div>
        </>
      )}
    </>
  );
}
