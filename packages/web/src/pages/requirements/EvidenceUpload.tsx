import { useEffect, useId, useRef, useState } from 'react';
import type { Evidence } from '../../api/baselines';
import { ApiError, isAbort, NETWORK_ERROR } from '../../api/client';
import { EVIDENCE_EXTENSIONS, extensionOf, isEvidenceFileName, postFile } from '../../api/uploadFile';
import { describeError } from '../../components/errors';
import { type Translate, useI18n } from '../../i18n';
import { formatBytes } from '../catalogs/paths';

type Phase = { step: 'idle' } | { step: 'uploading'; loaded: number; total: number } | { step: 'checking' };

const allowedList = () => EVIDENCE_EXTENSIONS.filter((e) => e !== 'jpeg').join(', ');

/** Why an upload failed, in plain words: too large (413), a type that is not allowed (415), or the server's message. */
export function uploadErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return t('requirements.evidence.tooLarge');
    if (error.status === 415) return `${t('requirements.evidence.badType')} ${error.message}`.trim();
    if (error.code === NETWORK_ERROR) return t('requirements.evidence.network');
  }
  return describeError(t, error);
}

interface Props {
  /** API path the file is posted to (…/evidence); the file name goes in ?name=. */
  path: string;
  onAdded: (evidence: Evidence) => void;
  /** Accessible name of the file input, e.g. "Evidence file for CS-IAM-1". */
  label?: string;
}

/** Choose a file and upload it with a progress bar; the type is checked here first and again by the server. */
export function EvidenceUpload({ path, onAdded, label }: Props) {
  const { t, locale } = useI18n();
  const fileId = useId();
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const busy = phase.step !== 'idle';

  useEffect(() => () => abortRef.current?.abort(), []);

  const choose = (f: File | null) => {
    setDone('');
    setError('');
    setFile(f);
    if (f && !isEvidenceFileName(f.name)) {
      setError(
        t('requirements.evidence.typeNotAllowed', {
          ext: extensionOf(f.name) || t('requirements.evidence.noExtension'),
          allowed: allowedList(),
        }),
      );
    } else if (f && f.size === 0) setError(t('requirements.evidence.empty'));
  };

  const upload = async () => {
    if (!file) {
      setError(t('requirements.evidence.fileRequired'));
      inputRef.current?.focus();
      return;
    }
    if (error) {
      inputRef.current?.focus();
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ step: 'uploading', loaded: 0, total: file.size });
    try {
      const evidence = await postFile<Evidence>(path, file, {
        query: { name: file.name.slice(0, 255) },
        signal: controller.signal,
        onProgress: (p) => setPhase({ step: 'uploading', ...p }),
        onUploaded: () => setPhase({ step: 'checking' }),
      });
      setDone(t('requirements.evidence.uploaded', { name: evidence.name }));
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onAdded(evidence);
    } catch (e) {
      if (isAbort(e)) setError(t('requirements.evidence.cancelled'));
      else setError(uploadErrorText(t, e));
      inputRef.current?.focus();
    } finally {
      abortRef.current = null;
      setPhase({ step: 'idle' });
    }
  };

  return (
    <form
      className="form evidence-upload"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={fileId}>
          {label ?? t('requirements.evidence.file')}
        </label>
        <input
          ref={inputRef}
          id={fileId}
          type="file"
          className="input input--file"
          accept={EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',')}
          disabled={busy}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${fileId}-hint${error ? ` ${fileId}-error` : ''}`}
        />
        <p className="field__hint" id={`${fileId}-hint`}>
          {t('requirements.evidence.fileHint', { allowed: allowedList() })}
        </p>
        {error && (
          <p className="field__error" id={`${fileId}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('requirements.evidence.upload')}
        </button>
      </div>
      <div className="upload-status" aria-live="polite">
        <p id={statusId} className="upload-status__label" role="status">
          {phase.step === 'uploading'
            ? t('requirements.evidence.uploading', { name: file?.name ?? '' })
            : phase.step === 'checking'
              ? t('requirements.evidence.checking')
              : done}
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
        {phase.step === 'checking' && <progress className="progress" aria-labelledby={statusId} />}
      </div>
    </form>
  );
}
