import { useId, useState } from 'react';
import type { Evidence } from '../../api/baselines';
import { api } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, Notice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { isWebUrl } from '../catalogs/oscal';
import { formatBytes } from '../catalogs/paths';
import { EvidenceLinkForm } from './EvidenceLinkForm';
import { EvidenceUpload } from './EvidenceUpload';
import { evidenceFileUrl } from './paths';

interface Props {
  /** API path of the record's evidence, e.g. /requirements/:id/evidence or /component-requirements/:id/evidence. */
  base: string;
  evidence: Evidence[];
  /** Shown under the title, e.g. who else sees this evidence. */
  note?: string;
  editable: boolean;
  onChange: (evidence: Evidence[]) => void;
}

/** Files and links that show a requirement is met; those of an inherited component are marked and kept. */
export function EvidenceSection({ base, evidence, note, editable, onChange }: Props) {
  const { t, locale, formatDateTime } = useI18n();
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const titleId = useId();

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await api.del(`/evidence/${encodeURIComponent(removing.id)}`);
      onChange(evidence.filter((e) => e.id !== removing.id));
      setMessage(t('requirements.evidence.removed', { name: removing.name }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };
  const added = (e: Evidence) => {
    setMessage('');
    onChange([e, ...evidence]);
  };

  return (
    <section className="card card--flat" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t('requirements.evidence.title')}
      </h2>
      {note && <p className="muted small">{note}</p>}
      <Notice>{message}</Notice>
      <ErrorAlert error={error} />
      {evidence.length === 0 ? (
        <p className="muted">{t('requirements.evidence.none')}</p>
      ) : (
        <ul className="evidence-list">
          {evidence.map((e) => (
            <li key={e.id} className="evidence-list__item">
              <div className="evidence-list__main">
                {e.kind === 'file' ? (
                  <a href={evidenceFileUrl(e.id)} download={e.name} className="evidence-list__name">
                    {e.name}
                  </a>
                ) : e.url && isWebUrl(e.url) ? (
                  <a href={e.url} target="_blank" rel="noopener noreferrer" className="evidence-list__name">
                    {e.name}
                  </a>
                ) : (
                  <span className="evidence-list__name">{e.name}</span>
                )}
                <span className="badge-row">
                  <Badge tone="neutral">
                    {e.kind === 'file' ? t('requirements.evidence.kindFile') : t('requirements.evidence.kindLink')}
                  </Badge>
                  {e.inherited && <Badge tone="info">{t('requirements.evidence.inherited')}</Badge>}
                </span>
              </div>
              <p className="muted small evidence-list__meta">
                {e.kind === 'file' && e.size !== null && `${formatBytes(locale, e.size)} · `}
                {e.kind === 'link' && e.url && <span className="break-anywhere">{e.url} · </span>}
                {t('requirements.evidence.addedBy', {
                  name: e.addedByName ?? t('classification.history.unknownUser'),
                  date: formatDateTime(e.addedAt),
                })}
                {e.sha256 && (
                  <>
                    {' · '}
                    <span title={e.sha256}>{t('requirements.evidence.sha', { hash: e.sha256.slice(0, 12) })}</span>
                  </>
                )}
              </p>
              {editable && !e.inherited && (
                <button
                  type="button"
                  className="button button--ghost-danger button--small evidence-list__remove"
                  onClick={() => setRemoving(e)}
                  aria-label={t('requirements.evidence.removeLabel', { name: e.name })}
                >
                  {t('common.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="subsection stack">
          <h3 className="subsection-title">{t('requirements.evidence.addTitle')}</h3>
          <EvidenceUpload path={base} onAdded={added} />
          <EvidenceLinkForm path={`${base}/link`} onAdded={added} />
        </div>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('requirements.evidence.removeTitle')}
        confirmLabel={t('common.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('requirements.evidence.removeText', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
