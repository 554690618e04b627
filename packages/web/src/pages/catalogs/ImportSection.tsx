import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { isAbort } from '../../api/client';
import type { CatalogImportResult, CatalogSummary, OscalValidation } from '../../api/types';
import { postJsonText } from '../../api/upload';
import { useT } from '../../i18n';
import { ImportOutcome, type Outcome } from './ImportOutcome';
import { type Phase, UploadStatus } from './UploadStatus';

interface ChosenFile {
  name: string;
  text: string;
  size: number;
  /** Detected from the top-level key; null when the file is not parseable JSON (the server will say why). */
  model: 'catalog' | 'profile' | null;
}

function detectModel(text: string): ChosenFile['model'] {
  try {
    const doc = JSON.parse(text) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
    if ('profile' in doc) return 'profile';
    if ('catalog' in doc) return 'catalog';
  } catch {
    // Not JSON: leave it to the server's validation to explain.
  }
  return null;
}

interface Props {
  catalogs: CatalogSummary[];
  onImported: () => void;
}

/** Upload an OSCAL catalog or profile with a real progress bar; "Validate only" checks without storing. */
export function ImportSection({ catalogs, onImported }: Props) {
  const t = useT();
  const fileId = useId();
  const usingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const readSeq = useRef(0);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState('');
  const [reading, setReading] = useState(false);
  const [using, setUsing] = useState<string[]>([]);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = phase.step !== 'idle';
  const disabled = busy || reading;
  const sources = catalogs.filter((c) => c.kind === 'catalog' && c.latest);

  useEffect(() => () => abortRef.current?.abort(), []);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    const seq = ++readSeq.current;
    setOutcome(null);
    setFileError('');
    setFile(null);
    if (!chosen) return;
    setReading(true);
    try {
      const text = await chosen.text();
      if (seq === readSeq.current) setFile({ name: chosen.name, text, size: chosen.size, model: detectModel(text) });
    } catch {
      if (seq === readSeq.current) setFileError(t('catalogs.import.readFailed'));
    } finally {
      if (seq === readSeq.current) setReading(false);
    }
  };

  const run = async (action: 'import' | 'validate') => {
    if (!file) {
      setFileError(fileError || t('catalogs.import.fileRequired'));
      inputRef.current?.focus();
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setOutcome(null);
    setPhase({ step: 'uploading', action, file: file.name, loaded: 0, total: file.size });
    const opts = {
      signal: controller.signal,
      size: file.size,
      onProgress: (p: { loaded: number; total: number }) => setPhase({ step: 'uploading', action, file: file.name, ...p }),
      onUploaded: () => setPhase({ step: 'processing', action }),
    };
    try {
      if (action === 'import') {
        const resolveAgainst = file.model === 'profile' && using.length > 0 ? using.join(',') : undefined;
        const query = { source: file.name.slice(0, 300), using: resolveAgainst };
        const result = await postJsonText<CatalogImportResult>('/catalogs/import', file.text, { ...opts, query });
        setOutcome({ kind: 'imported', result });
        setFile(null);
        setUsing([]);
        if (inputRef.current) inputRef.current.value = '';
        onImported();
      } else {
        const result = await postJsonText<OscalValidation>('/oscal/validate', file.text, opts);
        setOutcome({ kind: 'validated', result });
      }
    } catch (e) {
      if (!controller.signal.aborted || !isAbort(e)) setOutcome({ kind: 'failed', action, error: e });
      else setOutcome({ kind: 'cancelled' });
    } finally {
      abortRef.current = null;
      setPhase({ step: 'idle' });
    }
  };

  return (
    <section className="card card--flat" aria-labelledby="import-title">
      <div>
        <h2 id="import-title" className="card__title">
          {t('catalogs.import.title')}
        </h2>
        <p className="muted">{t('catalogs.import.intro')}</p>
      </div>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run('import');
        }}
      >
        <div className="form-row">
          <div className={`field${fileError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={fileId}>
              {t('catalogs.import.file')}
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
              aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            />
            <p className="field__hint" id={`${fileId}-hint`}>
              {reading ? t('catalogs.import.reading') : t('catalogs.import.fileHint')}
            </p>
            {fileError && (
              <p className="field__error" id={`${fileId}-error`}>
                {fileError}
              </p>
            )}
          </div>
          {file?.model === 'profile' && sources.length > 0 && (
            <div className="field">
              <label className="field__label" htmlFor={usingId}>
                {t('catalogs.import.resolveAgainst')}
              </label>
              <select
                id={usingId}
                multiple
                size={Math.min(6, Math.max(3, sources.length))}
                className="input select select--multiple"
                value={using}
                disabled={busy}
                onChange={(e) => setUsing(Array.from(e.target.selectedOptions, (o) => o.value))}
                aria-describedby={`${usingId}-hint`}
              >
                {sources.map((c) =>
                  c.latest ? (
                    <option key={c.latest.id} value={c.latest.id}>
                      {`${c.name} ${c.latest.version}`}
                    </option>
                  ) : null,
                )}
              </select>
              <p className="field__hint" id={`${usingId}-hint`}>
                {t('catalogs.import.resolveHint')}
              </p>
            </div>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={disabled}>
            {t('catalogs.import.submit')}
          </button>
          <button type="button" className="button button--secondary" disabled={disabled} onClick={() => void run('validate')}>
            {t('catalogs.import.validate')}
          </button>
        </div>
      </form>
      <UploadStatus phase={phase} onCancel={() => abortRef.current?.abort()} />
      <ImportOutcome outcome={outcome} />
    </section>
  );
}
