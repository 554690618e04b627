import { type FormEvent, useEffect, useState } from 'react';
import type { AuditCycles } from '../../api/audits';
import { api } from '../../api/client';
import { Badge } from '../../components/Badge';
import { LoadError, Notice } from '../../components/Feedback';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import type { FieldErrors } from '../../hooks/useSubmit';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';

const MIN = 1;
const MAX = 10;

/**
 * Years between independent audits per security level (ISKE: H 2, M 3, L 4). Planners change
 * them; a level set back to its default follows the method again.
 */
export function CyclesSection({ editable, onChanged }: { editable: boolean; onChanged: () => void }) {
  const { t, tp, formatNumber } = useI18n();
  const res = useApi((signal) => api.get<AuditCycles>('/audit-cycles', undefined, { signal }), 'audit-cycles');
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const submit = useSubmit();
  const data = res.data;

  useEffect(() => {
    if (data) setDraft(Object.fromEntries(data.levels.map((l) => [l.level, String(l.years)])));
  }, [data]);

  const save = async (levels: Record<string, number | null>, message: string) => {
    const next = await api.put<AuditCycles>('/audit-cycles', { levels });
    res.setData(() => next);
    setNotice(message);
    onChanged();
  };

  const onSubmit = (e: FormEvent) =>
    submit.handle(
      e,
      async () => {
        if (!data) return;
        const changed: Record<string, number> = {};
        for (const l of data.levels) {
          const v = Number(draft[l.level]);
          if (v !== l.years) changed[l.level] = v;
        }
        if (Object.keys(changed).length === 0) {
          setNotice(t('audits.cycles.unchanged'));
          return;
        }
        await save(changed, t('audits.cycles.saved'));
      },
      () => {
        const errors: FieldErrors = {};
        for (const l of data?.levels ?? []) {
          const raw = draft[l.level] ?? '';
          const v = Number(raw);
          if (!raw.trim() || !Number.isInteger(v) || v < MIN || v > MAX) errors[l.level] = t('audits.cycles.range', { min: MIN, max: MAX });
        }
        return errors;
      },
    );

  return (
    <section className="card card--flat audits-card stack" aria-labelledby="audit-cycles-title">
      <div>
        <h2 id="audit-cycles-title" className="card__title">
          {t('audits.cycles.title')}
        </h2>
        <p className="muted small">{t('audits.cycles.intro')}</p>
      </div>
      <Notice>{notice}</Notice>
      {res.loading && !data ? (
        <Loading />
      ) : res.error || !data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : editable ? (
        <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
          <FormError error={submit.error} />
          <ul className="cycle-list">
            {data.levels.map((l) => {
              const id = `cycle-${l.level}`;
              const err = submit.fieldErrors[l.level];
              return (
                <li key={l.level} className="cycle-list__item">
                  <label htmlFor={id} className="cycle-list__level">
                    {l.levelName}
                  </label>
                  <span className="cycle-list__input">
                    <input
                      id={id}
                      className="input input--years"
                      type="number"
                      inputMode="numeric"
                      min={MIN}
                      max={MAX}
                      step={1}
                      value={draft[l.level] ?? ''}
                      onChange={(e) => setDraft((d) => ({ ...d, [l.level]: e.target.value }))}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={`${id}-unit${err ? ` ${id}-error` : ''}`}
                    />
                    <span id={`${id}-unit`} className="muted">
                      {t('audits.cycles.years')}
                    </span>
                  </span>
                  {l.isDefault ? (
                    <Badge>{t('audits.cycles.default')}</Badge>
                  ) : (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      disabled={submit.busy}
                      onClick={() =>
                        void submit.handle(null, () => save({ [l.level]: null }, t('audits.cycles.resetDone', { level: l.levelName })))
                      }
                      aria-label={t('audits.cycles.resetNamed', { level: l.levelName })}
                    >
                      {t('audits.cycles.reset')}
                    </button>
                  )}
                  {err && (
                    <p className="field__error cycle-list__error" id={`${id}-error`}>
                      {err}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={submit.busy}>
              {submit.busy ? t('common.saving') : t('audits.cycles.save')}
            </button>
          </div>
        </form>
      ) : (
        <ul className="cycle-list">
          {data.levels.map((l) => (
            <li key={l.level} className="cycle-list__item">
              <span className="cycle-list__level">{l.levelName}</span>
              <span>{tp('audits.cycles.every', l.years, { count: formatNumber(l.years) })}</span>
              {l.isDefault && <Badge>{t('audits.cycles.default')}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
