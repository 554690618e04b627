import { useState } from 'react';
import type { RequirementItem } from '../../api/baselines';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { TextField } from '../../components/Field';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { StatusBadge } from '../requirements/StatusBadge';

interface Props {
  /** The system whose requirement list shows each control's live status (none for components). */
  systemId: string | null;
  /** The threat's mitigating controls, offered first. */
  suggested: readonly string[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
}

/**
 * The requirements a "reduce" treatment relies on: the threat's mitigations (with the status each
 * has in the system's requirement list) to tick, and any other control id of the library.
 */
export function ControlsField({ systemId, suggested, value, onChange, error }: Props) {
  const t = useT();
  const [extra, setExtra] = useState('');
  const reqs = useApi(
    (signal) =>
      systemId
        ? api.get<Page<RequirementItem>>('/requirements', { systemId, pageSize: 200 }, { signal }).catch(() => undefined)
        : Promise.resolve(undefined),
    `risk-reqs|${systemId ?? ''}`,
  );
  const status = new Map((reqs.data?.items ?? []).map((r) => [r.controlId, r]));
  const shown = [...new Set([...suggested, ...value])];
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  const add = () => {
    const ids = extra
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0) return;
    onChange([...new Set([...value, ...ids])]);
    setExtra('');
  };

  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`}>
      <legend className="field__label">{t('risks.form.controls')}</legend>
      <p className="field__hint">{systemId ? t('risks.form.controlsHint') : t('risks.form.controlsHintComponent')}</p>
      {shown.length > 0 && (
        <ul className="checkbox-grid">
          {shown.map((id) => {
            const r = status.get(id);
            return (
              <li key={id}>
                <label className="checkbox">
                  <input type="checkbox" checked={value.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
                  <span>
                    <strong>{id}</strong> {r?.title}
                    <span className="checkbox__desc">
                      {r ? <StatusBadge status={r.effectiveStatus} /> : systemId ? t('risks.controlNotInList') : null}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <div className="risk-add-control">
        <TextField label={t('risks.form.addControl')} value={extra} onValueChange={setExtra} hint={t('risks.form.addControlHint')} />
        <button type="button" className="button button--secondary" onClick={add}>
          {t('risks.form.addControlButton')}
        </button>
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
