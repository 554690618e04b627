import { useId, useState } from 'react';
import type { ClassificationMethod, MethodInfo } from '../../api/classification';
import { api } from '../../api/client';
import type { IncidentSystem } from '../../api/incidents';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Badge } from '../../components/Badge';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useT } from '../../i18n';
import { securityLevelName, securityTone } from '../systems/classificationView';
import { vocabLabel } from '../systems/vocab';

const LIMIT = 8;
const MAX_QUERY = 200;

/** The organisation's classification method (names and tones of security levels), for those who may read the register. */
export function useClassificationMethod(): ClassificationMethod | undefined {
  const { can } = useAuth();
  const read = can('systems:read');
  const res = useApi(
    (signal) =>
      read ? api.get<MethodInfo>('/classification/method', undefined, { signal }).catch(() => undefined) : Promise.resolve(undefined),
    `incident-method-${read}`,
  );
  return res.data?.method;
}

/**
 * The class of a system as the register knows it: security level (and notation), or "not
 * classified"; nothing when the caller may not see it (a wrong "not classified" would mislead).
 */
export function SystemClass({
  system,
  method,
}: {
  system: Pick<IncidentSystem, 'securityLevel' | 'notation' | 'levelVisible'>;
  method: ClassificationMethod | undefined;
}) {
  const t = useT();
  if (!system.levelVisible) return null;
  if (!system.securityLevel) return <Badge>{t('incidents.systems.unclassified')}</Badge>;
  const name = securityLevelName(method, system.securityLevel) ?? system.securityLevel;
  return (
    <Badge tone={securityTone(method, system.securityLevel)}>
      {system.notation
        ? t('incidents.systems.classWithNotation', { level: name, notation: system.notation })
        : t('incidents.systems.class', { level: name })}
    </Badge>
  );
}

interface Props {
  value: IncidentSystem[];
  onChange: (value: IncidentSystem[]) => void;
  error?: string | undefined;
}

/**
 * Search the organisation's systems by name (GET /incidents/reportable-systems?q=, open to every
 * reporter) and pick the affected systems; each shows its kind and, to those who may see it, its
 * class, so the stakes are visible while choosing.
 */
export function SystemPicker({ value, onChange, error }: Props) {
  const t = useT();
  const id = useId();
  const { can } = useAuth();
  const method = useClassificationMethod();
  const [search, setSearch] = useState('');
  // The server takes up to 200 characters without control characters: clip rather than fail the search.
  const q = useDebounced(
    search
      .replace(/\p{Cc}/gu, ' ')
      .trim()
      .slice(0, MAX_QUERY),
    250,
  );
  const res = useApi(
    (signal) => api.get<Page<IncidentSystem>>('/incidents/reportable-systems', { q, pageSize: LIMIT }, { signal }),
    `picker|${q}`,
  );
  const chosen = new Set(value.map((s) => s.id));
  const hits = (res.data?.items ?? []).filter((s) => !chosen.has(s.id));
  const add = (s: IncidentSystem) =>
    onChange([
      ...value,
      {
        id: s.id,
        name: s.name,
        kind: s.kind,
        sector: s.sector,
        securityLevel: s.securityLevel,
        notation: s.notation,
        levelVisible: s.levelVisible,
      },
    ]);
  const remove = (sid: string) => onChange(value.filter((s) => s.id !== sid));

  return (
    <fieldset className={`fieldset system-picker${error ? ' field--invalid' : ''}`} aria-describedby={`${id}-hint`}>
      <legend className="field__label">{t('incidents.systems.legend')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {can('systems:read') ? t('incidents.systems.hint') : t('incidents.systems.hintByName')}
      </p>
      {value.length > 0 ? (
        <ul className="system-picker__chosen" aria-label={t('incidents.systems.chosen')}>
          {value.map((s) => (
            <li key={s.id} className="system-picker__item">
              <span className="system-picker__name">{s.name}</span>
              <span className="badge-row">
                <Badge tone="info">{vocabLabel(t, 'systemKind', s.kind)}</Badge>
                <SystemClass system={s} method={method} />
              </span>
              <button
                type="button"
                className="button button--ghost-danger button--small"
                onClick={() => remove(s.id)}
                aria-label={t('incidents.systems.removeNamed', { name: s.name })}
              >
                {t('incidents.systems.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('incidents.systems.noneChosen')}</p>
      )}
      <div className="field">
        <label className="field__label field__label--secondary" htmlFor={`${id}-search`}>
          {t('incidents.systems.search')}
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
          maxLength={MAX_QUERY}
          aria-controls={`${id}-results`}
        />
      </div>
      <div id={`${id}-results`} aria-live="polite" aria-busy={res.loading}>
        {res.error ? (
          <p className="field__error">{t('incidents.systems.searchFailed')}</p>
        ) : res.data && hits.length === 0 ? (
          <p className="muted small">{q ? t('incidents.systems.noMatch', { q }) : t('incidents.systems.noMore')}</p>
        ) : (
          <ul className="system-picker__results" aria-label={t('incidents.systems.results')}>
            {hits.map((s) => (
              <li key={s.id} className="system-picker__item">
                <span className="system-picker__name">{s.name}</span>
                <span className="badge-row">
                  <Badge tone="info">{vocabLabel(t, 'systemKind', s.kind)}</Badge>
                  <SystemClass system={s} method={method} />
                </span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => add(s)}
                  aria-label={t('incidents.systems.addNamed', { name: s.name })}
                >
                  {t('incidents.systems.add')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
