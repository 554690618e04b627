import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ComponentImportResult } from '../../api/baselines';
import { ApiError, isAbort } from '../../api/client';
import { postJsonText } from '../../api/upload';
import { describeError } from '../../components/errors';
import { useI18n } from '../../i18n';
import { formatBytes } from '../catalogs/paths';
import { componentPath } from '../requirements/paths';

type Phase = { step: 'idle' } | { step: 'uploading'; loaded: number; total: number } | { step: 'processing' };
type Outcome = { kind: 'done'; result: ComponentImportResult } | { kind: 'failed'; error: unknown } | { kind: 'cancelled' } | null;

/** Import components from an OSCAL component definition (JSON), with upload progress; validated first, all or nothing. */
export function ComponentImport({ onImported }: { onImported: () => void }) {
  const { t, tp, locale, formatNumber } = useI18n();
  const fileId = useId();
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<{ name: string; text: string; size: number } | null>(null);
  const [fileError, setFileError] = useState('');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const busy = phase.step !== 'idle';

  useEffect(() => () => abortRef.current?.abort(), []);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setOutcome(null);
    setFileError('');
    setFile(null);
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, text: await chosen.text(), size: chosen.size });
    } catch {
      setFileError(t('catalogs.import.readFailed'));
    }
  };

  const run = async () => {
    if (!file) {
      setFileError(t('catalogs.import.fileRequired'));
      inputRef.current?.focus();
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setOutcome(null);
    setPhase({ step: 'uploading', loaded: 0, total: file.size });
    try {
      const result = await postJsonText<ComponentImportResult>('/components/import', file.text, {
        signal: controller.signal,
        size: file.size,
        onProgress: (p) => setPhase({ step: 'uploading', ...p }),
        onUploaded: () => setPhase({ step: 'processing' }),
      });
      setOutcome({ kind: 'done', result });
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onImported();
    } catch (e) {
      setOutcome(isAbort(e) ? { kind: 'cancelled' } : { kind: 'failed', error: e });
    } finally {
      abortRef.current = null;
      setPhase({ step: 'idle' });
    }
  };

  const failure = (e: unknown) => {
    if (e instanceof ApiError && e.status === 413) return t('catalogs.import.tooLarge');
    return describeError(t, e);
  };

  return (
    <section className="card card--flat" aria-labelledby="component-import-title">
      <div>
        <h2 id="component-import-title" className="card__title">
          {t('components.import.title')}
        </h2>
        <p className="muted small">{t('components.import.intro')}</p>
      </div>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="inline-form">
          <div className={`field${fileError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={fileId}>
              {t('components.import.file')}
            </label>
            <input
              ref={inputRef}
              id={fileId}
              type="file"
              accept=".json,application/json"
              className="input input--file"
              onChange={(e) => void onFile(e)}
              disabled={busy}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${fileId}-error` : undefined}
            />
            {fileError && (
              <p className="field__error" id={`${fileId}-error`}>
                {fileError}
              </p>
            )}
          </div>
          <div className="inline-form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('components.import.submit')}
            </button>
          </div>
        </div>
      </form>
      <div className="upload-status">
        <p id={statusId} className="upload-status__label" role="status">
          {phase.step === 'uploading'
            ? t('catalogs.import.uploading', { file: file?.name ?? '' })
            : phase.step === 'processing'
              ? t('catalogs.import.processing')
              : ''}
        </p>
        {phase.step === 'uploading' && (
          <>
            <progress
              className="progress"
              aria-labelledby={statusId}
              max={Math.max(phase.total, 1)}
              value={Math.min(phase.loaded, phase.total)}
            />
            <div className="upload-status__row">
              <p className="muted small">
                {t('catalogs.import.uploadedOf', { loaded: formatBytes(locale, phase.loaded), total: formatBytes(locale, phase.total) })}
              </p>
              <button type="button" className="button button--secondary button--small" onClick={() => abortRef.current?.abort()}>
                {t('catalogs.import.cancel')}
              </button>
            </div>
          </>
        )}
        {phase.step === 'processing' && <progress className="progress" aria-labelledby={statusId} />}
      </div>
      {outcome?.kind === 'done' && (
        <div ref={outcomeRef} tabIndex={-1} className="alert alert--success" role="status">
          <p className="alert__title">
            {tp('components.import.done', outcome.result.created.length, { count: formatNumber(outcome.result.created.length) })}
          </p>
          <ul className="notes-list">
            {outcome.result.created.map((c) => (
              <li key={c.id}>
                <Link to={componentPath(c.id)}>{c.name}</Link>{' '}
                {tp('components.import.implementations', c.requirements, { count: formatNumber(c.requirements) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'cancelled' && (
        <div ref={outcomeRef} tabIndex={-1} className="alert alert--info" role="status">
          {t('catalogs.import.cancelled')}
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <div ref={outcomeRef} tabIndex={-1} className="alert alert--error" role="alert">
          <p className="alert__title">{t('catalogs.import.nothingImported')}</p>
          <p>{failure(outcome.error)}</p>
          {outcome.error instanceof ApiError && outcome.error.details.length > 0 && (
            <ul className="problem-list">
              {outcome.error.details.slice(0, 50).map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same path can have several problems.
                <li key={i}>
                  {d.path && <code className="problem-list__pointer">{d.path}</code>} {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
