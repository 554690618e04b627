import { useEffect, useId, useState } from 'react';
import type { Mapping } from '../../api/baselines';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';

interface Choice {
  levels: Record<string, string>;
  narrowByKind: boolean;
}

const choiceOf = (m: Mapping): Choice => ({
  levels: Object.fromEntries(m.levels.map((l) => [l.level, l.isDefault ? '' : (l.versionId ?? '')])),
  narrowByKind: m.narrowByKind,
});

/**
 * Which catalog or profile version each security level of the organisation's method requires
 * ('' = the City Baseline default), and whether requirements are narrowed by system kind. Saving
 * recomputes every system's requirement list and says what changed.
 */
export function BaselineMappingSection() {
  const { t, tp, formatNumber } = useI18n();
  const id = useId();
  const res = useApi((signal) => api.get<Mapping>('/baselines/mapping', undefined, { signal }), 'mapping');
  const form = useSubmit();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState('');
  const m = res.data;

  useEffect(() => {
    if (m) setChoice(choiceOf(m));
  }, [m]);

  const initial = m ? choiceOf(m) : null;
  const dirty = !!choice && !!initial && JSON.stringify(choice) !== JSON.stringify(initial);

  const save = async () => {
    setConfirming(false);
    if (!choice) return;
    await form.handle(null, async () => {
      const body = {
        levels: Object.fromEntries(Object.entries(choice.levels).map(([k, v]) => [k, v || null])),
        narrowByKind: choice.narrowByKind,
      };
      const next = await api.put<Mapping>('/baselines/mapping', body);
      res.setData(() => next);
      const r = next.result;
      setSaved(
        r
          ? r.systemsChanged === 0
            ? t('baselines.savedNoChange')
            : tp('baselines.savedChanged', r.systemsChanged, {
                count: formatNumber(r.systemsChanged),
                added: tp('baselines.added', r.added, { count: formatNumber(r.added) }),
                removed: tp('baselines.removed', r.removed, { count: formatNumber(r.removed) }),
              })
          : t('common.saved'),
      );
    });
  };

  const optionLabel = (o: Mapping['options'][number]) =>
    t('baselines.option', {
      title: o.title,
      version: o.version,
      kind: o.kind === 'profile' ? t('catalogs.kindProfile') : t('catalogs.kindCatalog'),
      controls: tp('catalogs.controlCount', o.controlCount, { count: formatNumber(o.controlCount) }),
    });

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="card__title">
          {t('baselines.mappingTitle')}
        </h2>
        <p className="muted small">{t('baselines.mappingIntro')}</p>
      </div>
      {res.loading && !m ? (
        <Loading />
      ) : res.error || !m || !choice ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setSaved('');
            if (dirty) setConfirming(true);
          }}
        >
          <FormError error={form.error} />
          <Notice>{saved}</Notice>
          <div className="mapping-levels">
            {m.levels.map((l) => {
              const def = m.levels.find((x) => x.level === l.level);
              const defaultTitle = def?.isDefault ? def.title : null;
              return (
                <SelectField
                  key={l.level}
                  label={t('baselines.levelLabel', { level: l.levelName })}
                  value={choice.levels[l.level] ?? ''}
                  onValueChange={(v) => {
                    setSaved('');
                    setChoice((c) => (c ? { ...c, levels: { ...c.levels, [l.level]: v } } : c));
                  }}
                  options={[
                    {
                      value: '',
                      label: defaultTitle ? t('baselines.defaultNamed', { title: defaultTitle }) : t('baselines.default'),
                    },
                    ...m.options.map((o) => ({ value: o.id, label: optionLabel(o) })),
                  ]}
                  error={form.fieldErrors[l.level]}
                  hint={
                    l.title
                      ? t('baselines.current', {
                          title: l.title,
                          controls:
                            l.controlCount === null
                              ? ''
                              : tp('catalogs.controlCount', l.controlCount, { count: formatNumber(l.controlCount) }),
                        })
                      : undefined
                  }
                />
              );
            })}
          </div>
          <label className="checkbox mapping-narrow">
            <input
              type="checkbox"
              checked={choice.narrowByKind}
              onChange={(e) => {
                setSaved('');
                setChoice((c) => (c ? { ...c, narrowByKind: e.target.checked } : c));
              }}
            />
            <span>
              <span className="method-option__name">{t('baselines.narrow')}</span>
              <span className="checkbox__desc">{t('baselines.narrowHint')}</span>
            </span>
          </label>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.busy || !dirty}>
              {form.busy ? t('baselines.recomputing') : t('baselines.save')}
            </button>
            {dirty && (
              <button type="button" className="button button--secondary" onClick={() => initial && setChoice(initial)}>
                {t('requirements.form.discard')}
              </button>
            )}
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('baselines.confirmTitle')}
        confirmLabel={t('baselines.confirm')}
        busy={form.busy}
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('baselines.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
