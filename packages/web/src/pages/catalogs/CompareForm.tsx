import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CatalogVersion } from '../../api/types';
import { SelectField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n';
import { diffPath } from './paths';

/** Pick two versions ("from" older, "to" newer by default) and open the diff view. */
export function CompareForm({ versions }: { versions: CatalogVersion[] }) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const [from, setFrom] = useState(versions[1]?.id ?? '');
  const [to, setTo] = useState(versions[0]?.id ?? '');
  const [error, setError] = useState('');
  const options = versions.map((v) => ({
    value: v.id,
    label: t('catalogs.diff.optionLabel', { version: v.version, date: formatDate(v.importedAt) }),
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to || from === to) {
      setError(t('catalogs.diff.sameVersion'));
      return;
    }
    navigate(diffPath(to, from));
  };

  return (
    <section className="card card--flat" aria-labelledby="compare-title">
      <div>
        <h2 id="compare-title" className="card__title">
          {t('catalogs.diff.compare')}
        </h2>
        <p className="muted">{versions.length < 2 ? t('catalogs.diff.needTwo') : t('catalogs.diff.compareIntro')}</p>
      </div>
      {versions.length >= 2 && (
        <form className="form" noValidate onSubmit={submit}>
          <FormError error={error} />
          <div className="form-row form-row--compare">
            <SelectField
              label={t('catalogs.diff.from')}
              value={from}
              options={options}
              onValueChange={(v) => {
                setFrom(v);
                setError('');
              }}
            />
            <SelectField
              label={t('catalogs.diff.to')}
              value={to}
              options={options}
              onValueChange={(v) => {
                setTo(v);
                setError('');
              }}
            />
            <div className="form-row__action">
              <button type="submit" className="button button--primary">
                {t('catalogs.diff.submit')}
              </button>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}
