import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Component, ComponentSummary } from '../../api/baselines';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import type { Items } from '../../api/types';
import { ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { componentKindLabel } from '../components/kinds';
import { componentPath } from '../requirements/paths';

interface Props {
  system: InfoSystem;
  editable: boolean;
  onChanged: () => void;
}

/** The common components a system uses: it inherits their implementations unless it overrides them. */
export function ComponentsUsedSection({ system, editable, onChanged }: Props) {
  const t = useT();
  const enc = encodeURIComponent(system.id);
  const used = useApi((signal) => api.get<Items<Component>>(`/systems/${enc}/components`, undefined, { signal }), system.id);
  const all = useApi(
    (signal) => (editable ? api.get<Items<ComponentSummary>>('/components', undefined, { signal }) : Promise.resolve({ items: [] })),
    `${editable}`,
  );
  const form = useSubmit();
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState('');
  const items = used.data?.items ?? [];
  const candidates = (all.data?.items ?? []).filter((c) => !items.some((u) => u.id === c.id));

  const validate = (): FieldErrors => (chosen ? {} : { componentId: t('components.used.chooseRequired') });
  const add = async () => {
    const c = candidates.find((x) => x.id === chosen);
    await api.post(`/systems/${enc}/components`, { componentId: chosen });
    setChosen('');
    setError(null);
    setMessage(t('components.used.added', { name: c?.name ?? '' }));
    used.reload();
    onChanged();
  };
  const remove = async (c: Component) => {
    setBusy(c.id);
    setError(null);
    setMessage('');
    try {
      await api.del(`/systems/${enc}/components/${encodeURIComponent(c.id)}`);
      setMessage(t('components.used.removed', { name: c.name }));
      used.reload();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
    }
  };

  return (
    <section className="card card--flat" aria-labelledby="components-used-title">
      <div>
        <h2 id="components-used-title" className="card__title">
          {t('components.used.title')}
        </h2>
        <p className="muted small">{t('components.used.intro')}</p>
      </div>
      <Notice>{message}</Notice>
      <ErrorAlert error={error} />
      {used.loading && !used.data ? (
        <Loading />
      ) : used.error ? (
        <LoadError error={used.error} onRetry={used.reload} />
      ) : items.length === 0 ? (
        <p className="muted">{t('components.used.none')}</p>
      ) : (
        <ul className="used-list">
          {items.map((c) => (
            <li key={c.id} className="used-list__item">
              <span>
                <Link to={componentPath(c.id)} className="used-list__name">
                  {c.name}
                </Link>{' '}
                <span className="muted small">
                  {componentKindLabel(t, c.kind)}
                  {c.provider ? ` · ${c.provider}` : ''}
                </span>
              </span>
              {editable && (
                <button
                  type="button"
                  className="button button--ghost-danger button--small"
                  onClick={() => void remove(c)}
                  disabled={busy === c.id}
                  aria-label={t('components.used.removeLabel', { name: c.name })}
                >
                  {t('components.used.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="inline-form" noValidate onSubmit={(e) => void form.handle(e, add, validate)}>
          <SelectField
            label={t('components.used.add')}
            value={chosen}
            onValueChange={setChosen}
            options={[
              { value: '', label: candidates.length ? t('components.used.choose') : t('components.used.noCandidates') },
              ...candidates.map((c) => ({ value: c.id, label: c.provider ? `${c.name} (${c.provider})` : c.name })),
            ]}
            error={form.fieldErrors.componentId}
          />
          <div className="inline-form__actions">
            <button type="submit" className="button button--primary" disabled={form.busy || candidates.length === 0}>
              {t('components.used.submit')}
            </button>
          </div>
        </form>
      )}
      {editable && form.error && typeof form.error !== 'string' ? <ErrorAlert error={form.error} /> : null}
    </section>
  );
}
