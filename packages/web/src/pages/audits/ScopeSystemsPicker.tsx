import { useId, useState } from 'react';
import type { ClassificationMethod } from '../../api/classification';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { Badge } from '../../components/Badge';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useT } from '../../i18n';
import { securityLevelName, securityTone } from '../systems/classificationView';

const LIMIT = 10;

export interface ScopeSystem {
  id: string;
  name: string;
  securityLevel: string | null;
  notation: string | null;
  ownerName: string | null;
}

function SystemClass({ system, method }: { system: ScopeSystem; method: ClassificationMethod | undefined }) {
  const t = useT();
  if (!system.securityLevel) return <Badge>{t('audits.plan.unclassified')}</Badge>;
  const name = securityLevelName(method, system.securityLevel) ?? system.securityLevel;
  return (
    <Badge tone={securityTone(method, system.securityLevel)}>
      {system.notation
        ? t('audits.plan.classWithNotation', { level: name, notation: system.notation })
        : t('audits.plan.class', { level: name })}
    </Badge>
  );
}

interface Props {
  value: ScopeSystem[];
  onChange: (value: ScopeSystem[]) => void;
  method: ClassificationMethod | undefined;
  error?: string | undefined;
}

/** Search the register and add systems to the audit's scope; each shows its class and owner. */
export function ScopeSystemsPicker({ value, onChange, method, error }: Props) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const res = useApi((signal) => api.get<Page<ScopeSystem>>('/systems', { q, pageSize: LIMIT }, { signal }), `scope|${q}`);
  const chosen = new Set(value.map((s) => s.id));
  const hits = (res.data?.items ?? []).filter((s) => !chosen.has(s.id));
  const pick = (s: ScopeSystem): ScopeSystem => ({
    id: s.id,
    name: s.name,
    securityLevel: s.securityLevel,
    notation: s.notation,
    ownerName: s.ownerName,
  });

  const row = (s: ScopeSystem, chosenRow: boolean) => (
    <li key={s.id} className="scope-picker__item">
      <span className="scope-picker__name">{s.name}</span>
      <span className="badge-row">
        <SystemClass system={s} method={method} />
        <span className="muted small">{s.ownerName ? t('audits.plan.owner', { name: s.ownerName }) : t('audits.plan.noOwner')}</span>
      </span>
      {chosenRow ? (
        <button
          type="button"
          className="button button--ghost-danger button--small"
          onClick={() => onChange(value.filter((x) => x.id !== s.id))}
          aria-label={t('audits.plan.removeNamed', { name: s.name })}
        >
          {t('audits.plan.remove')}
        </button>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange([...value, pick(s)])}
          aria-label={t('audits.plan.addNamed', { name: s.name })}
        >
          {t('audits.plan.add')}
        </button>
      )}
    </li>
  );

  return (
    <fieldset className={`fieldset scope-picker${error ? ' field--invalid' : ''}`} aria-describedby={`${id}-hint`}>
      <legend className="field__label">{t('audits.plan.systems')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('audits.plan.systemsHint')}
      </p>
      {value.length > 0 ? (
        <ul className="scope-picker__list" aria-label={t('audits.plan.chosen')}>
          {value.map((s) => row(s, true))}
        </ul>
      ) : (
        <p className="muted small">{t('audits.plan.noneChosen')}</p>
      )}
      <div className="field">
        <label className="field__label field__label--secondary" htmlFor={`${id}-search`}>
          {t('audits.plan.searchSystems')}
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
          aria-controls={`${id}-results`}
        />
      </div>
      <div id={`${id}-results`} aria-live="polite" aria-busy={res.loading}>
        {res.error ? (
          <p className="field__error">{t('audits.plan.searchFailed')}</p>
        ) : res.data && hits.length === 0 ? (
          <p className="muted small">{q ? t('audits.plan.noMatch', { q }) : t('audits.plan.noMore')}</p>
        ) : (
          <ul className="scope-picker__list scope-picker__list--results" aria-label={t('audits.plan.results')}>
            {hits.map((s) => row(s, false))}
          </ul>
        )}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
