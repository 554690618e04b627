import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { MethodInfo } from '../../api/classification';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError, Notice } from '../../components/Feedback';
import { FormError } from '../../components/FormError';
import { IconAlert } from '../../components/Icons';
import { Loading } from '../../components/Loading';
import { useSubmit } from '../../hooks/useSubmit';
import { hasMessage, useT } from '../../i18n';
import { DUE_PATH, useMethod } from '../systems/classificationView';

/**
 * The organisation's classification method (for those with systems:manage-all). Changing it keeps
 * every existing classification as history, but each system must then be classified again.
 */
export function ClassificationMethodSection({ onChanged }: { onChanged?: () => void } = {}) {
  const t = useT();
  const id = useId();
  const res = useMethod();
  const form = useSubmit();
  const current = res.data?.method.key ?? '';
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    if (current) setChosen(current);
  }, [current]);

  const save = async () => {
    setConfirming(false);
    await form.handle(null, async () => {
      const next = await api.put<MethodInfo>('/classification/method', { method: chosen });
      res.setData(() => next);
      onChanged?.();
      setSaved(t('classification.method.saved', { method: next.method.name }));
    });
  };
  const description = (key: string) => {
    const k = `classification.method.descriptions.${key}`;
    return hasMessage(k) ? t(k) : null;
  };
  const chosenName = res.data?.available.find((m) => m.key === chosen)?.name ?? chosen;

  return (
    <section className="card" aria-labelledby="classification-method-title">
      <h2 id="classification-method-title" className="card__title">
        {t('classification.method.title')}
      </h2>
      <p className="muted small">{t('classification.method.intro')}</p>
      {res.loading && !res.data ? (
        <Loading />
      ) : res.error || !res.data ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setSaved('');
            if (chosen !== current) setConfirming(true);
          }}
        >
          <FormError error={form.error} />
          <Notice>{saved}</Notice>
          <fieldset className="fieldset">
            <legend className="field__label">{t('classification.method.legend')}</legend>
            <ul className="method-list">
              {res.data.available.map((m) => (
                <li key={m.key}>
                  <label className="checkbox method-option">
                    <input type="radio" name={`${id}-method`} value={m.key} checked={chosen === m.key} onChange={() => setChosen(m.key)} />
                    <span>
                      <span className="method-option__name">
                        {m.name}
                        {m.key === current && <span className="muted small"> {t('classification.method.current')}</span>}
                      </span>
                      {description(m.key) && <span className="checkbox__desc">{description(m.key)}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="alert alert--warning">
            <IconAlert className="alert__icon" />
            <span>{t('classification.method.warning')}</span>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.busy || chosen === current}>
              {form.busy ? t('common.saving') : t('classification.method.save')}
            </button>
            <Link to={DUE_PATH} className="button button--secondary">
              {t('classification.method.toWorklist')}
            </Link>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('classification.method.confirmTitle')}
        confirmLabel={t('classification.method.confirm', { method: chosenName })}
        busy={form.busy}
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('classification.method.confirmText', { method: chosenName })}</p>
      </ConfirmDialog>
    </section>
  );
}
