import { useId } from 'react';
import { useI18n } from '../../i18n';
import { formatBytes } from './paths';

export type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; action: 'import' | 'validate'; file: string; loaded: number; total: number }
  | { step: 'processing'; action: 'import' | 'validate' };

/**
 * Upload progress as a native <progress> (bytes sent), then an indeterminate
 * <progress> while the server validates (and stores). The phase text is a live
 * region, so each step is announced once rather than on every progress tick.
 */
export function UploadStatus({ phase, onCancel }: { phase: Phase; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const labelId = useId();
  const uploading = phase.step === 'uploading';
  const label = (() => {
    if (phase.step === 'uploading') return t('catalogs.import.uploading', { file: phase.file });
    if (phase.step === 'processing') return phase.action === 'import' ? t('catalogs.import.processing') : t('catalogs.import.validating');
    return '';
  })();

  return (
    <div className={phase.step === 'idle' ? 'upload-status upload-status--idle' : 'upload-status'}>
      <p id={labelId} role="status" className="upload-status__label">
        {label}
      </p>
      {phase.step !== 'idle' && (
        <>
          {uploading ? (
            <progress
              className="progress"
              aria-labelledby={labelId}
              max={Math.max(phase.total, 1)}
              value={Math.min(phase.loaded, phase.total)}
            />
          ) : (
            <progress className="progress" aria-labelledby={labelId} />
          )}
          {uploading && (
            <div className="upload-status__row">
              <p className="muted small">
                {t('catalogs.import.uploadedOf', { loaded: formatBytes(locale, phase.loaded), total: formatBytes(locale, phase.total) })}
              </p>
              <button type="button" className="button button--secondary button--small" onClick={onCancel}>
                {t('catalogs.import.cancel')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
