import { type FormEvent, useState } from 'react';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';

export interface AuditFilterValues {
  action: string;
  actor: string;
  entityType: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = {
  action: '',
  actor: '',
  entityType: '',
  from: '',
  to: '',
};

interface Props {
  value: AuditFilterValues;
  entityTypes: string[];
  onApply: (value: AuditFilterValues) => void;
}

export function AuditFilters({ value, entityTypes, onApply }: Props) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilterValues) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      ...draft,
      action: draft.action.trim(),
      actor: draft.actor.trim(),
    });
  };

  return (
    <search>
      <form className="filters filters--audit" onSubmit={submit} aria-label={t('audit.filters')}>
        <TextField label={t('audit.action')} value={draft.action} onValueChange={set('action')} autoComplete="off" />
        <TextField label={t('audit.actor')} type="email" value={draft.actor} onValueChange={set('actor')} autoComplete="off" />
        <SelectField
          label={t('audit.entityType')}
          value={draft.entityType}
          onValueChange={set('entityType')}
          options={[{ value: '', label: t('audit.allTypes') }, ...entityTypes.map((e) => ({ value: e, label: e }))]}
        />
        <TextField label={t('audit.from')} type="date" value={draft.from} onValueChange={set('from')} max={draft.to || undefined} />
        <TextField label={t('audit.to')} type="date" value={draft.to} onValueChange={set('to')} min={draft.from || undefined} />
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('common.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(EMPTY_FILTERS);
              onApply(EMPTY_FILTERS);
            }}
          >
            {t('common.reset')}
          </button>
        </div>
      </form>
    </search>
  );
}

/** Local calendar day → ISO instant at the start ("from") or end ("to") of that day. */
export function dayToIso(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return date.toISOString();
}
