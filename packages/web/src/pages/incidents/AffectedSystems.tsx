import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { type Incident, type IncidentSystem, incidentApiPath } from '../../api/incidents';
import { useAuth } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { ErrorAlert } from '../../components/Feedback';
import { useT } from '../../i18n';
import { systemPath, vocabLabel } from '../systems/vocab';
import { useSectorLabel } from './lookups';
import { SystemClass, SystemPicker, useClassificationMethod } from './SystemPicker';

interface Props {
  incident: Incident;
  manage: boolean;
  onChanged: (incident: Incident) => void;
}

/** The affected systems with their class (what is at stake); handlers change the list with the register's search. */
export function AffectedSystems({ incident: i, manage, onChanged }: Props) {
  const t = useT();
  const { can } = useAuth();
  const method = useClassificationMethod();
  const sectorLabel = useSectorLabel();
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<IncidentSystem[]>(i.systems);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mayPick = manage && can('systems:read');

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.patch<Incident>(incidentApiPath(i.id), { systemIds: chosen.map((s) => s.id) }));
      setEditing(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--flat" aria-labelledby="incident-systems-title">
      <div className="card__header">
        <h2 id="incident-systems-title" className="card__title">
          {t('incidents.systems.title')}
        </h2>
        {mayPick && !editing && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setChosen(i.systems);
              setEditing(true);
            }}
          >
            {t('incidents.systems.change')}
          </button>
        )}
      </div>
      {editing ? (
        <div className="form">
          <SystemPicker value={chosen} onChange={setChosen} />
          <ErrorAlert error={error} />
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : i.systems.length === 0 ? (
        <p className="muted">{t('incidents.systems.none')}</p>
      ) : (
        <ul className="affected-systems">
          {i.systems.map((s) => (
            <li key={s.id} className="affected-systems__item">
              {can('systems:read') ? (
                <Link to={systemPath(s.id)} className="affected-systems__name">
                  {s.name}
                </Link>
              ) : (
                <span className="affected-systems__name">{s.name}</span>
              )}
              <span className="badge-row">
                <SystemClass system={s} method={method} />
                <Badge tone="info">{vocabLabel(t, 'systemKind', s.kind)}</Badge>
                <Badge>{sectorLabel(s.sector)}</Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
