import { useState } from 'react';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import type { Page } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';

const LIMIT = 200;

interface Props {
  system: InfoSystem;
  /** Systems it already depends on (left out of the list). */
  existing: string[];
  onAdded: (target: InfoSystem) => void;
}

/** A search box that narrows a select of systems; the server refuses cycles with a message naming the path. */
export function AddDependencyForm({ system, existing, onAdded }: Props) {
  const { t, formatNumber } = useI18n();
  const form = useSubmit();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [targetId, setTargetId] = useState('');
  const list = useApi((signal) => api.get<Page<InfoSystem>>('/systems', { pageSize: LIMIT, q }, { signal }), q);
  const candidates = (list.data?.items ?? []).filter((s) => s.id !== system.id && !existing.includes(s.id));
  const selected = candidates.find((s) => s.id === targetId);

  const validate = (): FieldErrors => (selected ? {} : { dependsOnId: t('systems.deps.chooseRequired') });
  const submit = async () => {
    if (!selected) return;
    await api.post(`/systems/${encodeURIComponent(system.id)}/dependencies`, { dependsOnId: selected.id });
    setTargetId('');
    onAdded(selected);
  };

  return (
    <section className="card card--flat" aria-labelledby="add-dependency-title">
      <h3 id="add-dependency-title" className="card__title">
        {t('systems.deps.addTitle')}
      </h3>
      <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <FormError error={form.error} />
        <div className="form-row">
          <TextField
            label={t('systems.deps.find')}
            type="search"
            value={search}
            onValueChange={setSearch}
            hint={t('systems.deps.findHint')}
            autoComplete="off"
          />
          <SelectField
            label={t('systems.deps.dependsOn')}
            value={selected ? targetId : ''}
            onValueChange={setTargetId}
            options={[
              { value: '', label: candidates.length ? t('systems.deps.choose') : t('systems.deps.noCandidates') },
              ...candidates.map((s) => ({ value: s.id, label: s.departmentName ? `${s.name} (${s.departmentName})` : s.name })),
            ]}
            error={typeof form.error === 'string' ? form.fieldErrors.dependsOnId : undefined}
            hint={list.data && list.data.total > LIMIT ? t('systems.deps.more', { count: formatNumber(LIMIT) }) : undefined}
            aria-busy={list.loading}
          />
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {t('systems.deps.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
