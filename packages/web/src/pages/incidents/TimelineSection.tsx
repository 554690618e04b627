import { useState } from 'react';
import { api } from '../../api/client';
import { evidenceFileUrl, type Incident, incidentApiPath } from '../../api/incidents';
import { useAuth } from '../../auth/AuthContext';
import { Badge, type Tone } from '../../components/Badge';
import { TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import type { FieldErrors } from '../../hooks/useSubmit';
import { useSubmit } from '../../hooks/useSubmit';
import { hasMessage, useT } from '../../i18n';
import { EvidenceUpload } from '../requirements/EvidenceUpload';
import { ZonedTime } from './bits';
import { readZoned, ZonedDateTimeField } from './ZonedDateTimeField';

const KIND_TONE: Record<string, Tone> = {
  status: 'info',
  significance: 'danger',
  report: 'success',
  evidence: 'neutral',
  action: 'warning',
  note: 'neutral',
  'reported-again': 'warning',
};

interface Props {
  incident: Incident;
  zone: string;
  manage: boolean;
  onChanged: (incident: Incident) => void;
  /** After a file was attached (the upload answers with the evidence, not the incident). */
  onReload: () => void;
}

/** Who did what, when (on the organisation's clock); handlers add dated entries and attach files as evidence. */
export function TimelineSection({ incident: i, zone, manage, onChanged, onReload }: Props) {
  const t = useT();
  const { can } = useAuth();
  // Newest first: the latest state of handling is what people come back for.
  const entries = [...i.timeline].reverse();
  return (
    <section className="card card--flat" aria-labelledby="incident-timeline-title">
      <h2 id="incident-timeline-title" className="card__title">
        {t('incidents.timeline.title')}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t('incidents.timeline.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('incidents.timeline.listLabel')}>
          {entries.map((e) => {
            const kindKey = `incidents.timeline.kind.${e.kind}`;
            return (
              <li key={e.id} className={`timeline__entry timeline__entry--${e.kind}`}>
                <div className="timeline__head">
                  <ZonedTime iso={e.at} zone={zone} />
                  <Badge tone={KIND_TONE[e.kind] ?? 'neutral'}>{hasMessage(kindKey) ? t(kindKey) : e.kind}</Badge>
                  {e.authorName && <span className="muted small">{e.authorName}</span>}
                </div>
                <p className="timeline__text">{e.text}</p>
                {e.evidence &&
                  (can('systems:read') ? (
                    <a className="timeline__file" href={evidenceFileUrl(e.evidence.id)} download>
                      {t('incidents.timeline.download', { name: e.evidence.name })}
                    </a>
                  ) : (
                    <span className="timeline__file muted">{e.evidence.name}</span>
                  ))}
              </li>
            );
          })}
        </ol>
      )}
      {manage && (
        <div className="timeline-add">
          <EntryForm incident={i} zone={zone} onChanged={onChanged} />
          <div className="timeline-add__file">
            <h3 className="subsection-title">{t('incidents.timeline.attachTitle')}</h3>
            <EvidenceUpload path={`${incidentApiPath(i.id)}/evidence`} onAdded={onReload} label={t('incidents.timeline.file')} />
          </div>
        </div>
      )}
    </section>
  );
}

function EntryForm({ incident, zone, onChanged }: { incident: Incident; zone: string; onChanged: (incident: Incident) => void }) {
  const t = useT();
  const form = useSubmit();
  const [text, setText] = useState('');
  const [at, setAt] = useState('');
  const [done, setDone] = useState('');

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!text.trim()) e.text = t('common.required');
    const r = readZoned(t, at, zone, { required: false, notFuture: true });
    if (r.error) e.at = r.error;
    return e;
  };
  const submit = async () => {
    const next = await api.post<Incident>(`${incidentApiPath(incident.id)}/timeline`, {
      text: text.trim(),
      at: readZoned(t, at, zone, { required: false, notFuture: true }).iso,
    });
    setText('');
    setAt('');
    setDone(t('incidents.timeline.added'));
    onChanged(next);
  };

  return (
    <form
      className="form timeline-add__entry"
      noValidate
      onSubmit={(e) => {
        setDone('');
        void form.handle(e, submit, validate);
      }}
    >
      <h3 className="subsection-title">{t('incidents.timeline.addTitle')}</h3>
      <FormError error={form.error} />
      <TextAreaField
        label={t('incidents.timeline.text')}
        value={text}
        onValueChange={setText}
        error={form.fieldErrors.text}
        hint={t('incidents.timeline.textHint')}
        rows={3}
        maxLength={10000}
        required
      />
      <ZonedDateTimeField
        label={t('incidents.timeline.at')}
        value={at}
        onValueChange={setAt}
        zone={zone}
        error={form.fieldErrors.at}
        extraHint={t('incidents.timeline.atHint')}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('incidents.timeline.add')}
        </button>
        <p className="muted small" role="status">
          {done}
        </p>
      </div>
    </form>
  );
}
