import type { AuditProgress } from '../../api/audits';
import { useI18n } from '../../i18n';
import { StackedBar } from '../requirements/StatusBar';
import { formatShare } from '../requirements/status';
import { resultLabel } from './vocab';

const ORDER = ['satisfied', 'partially', 'not-satisfied', 'not-applicable'] as const;

/** How far fieldwork has come: results per requirement in scope as a stacked bar with a legend. */
export function AuditProgressCard({ progress }: { progress: AuditProgress }) {
  const { t, locale, formatNumber } = useI18n();
  const unassessed = Math.max(0, progress.inScope - progress.assessed);
  const segments = [
    ...ORDER.map((r) => ({ key: r, fill: `result-fill--${r}`, value: progress[r], label: resultLabel(t, r) })),
    { key: 'unassessed', fill: 'result-fill--unassessed', value: unassessed, label: t('audits.fieldwork.unassessed') },
  ];
  const share = progress.inScope > 0 ? progress.assessed / progress.inScope : null;
  return (
    <section className="card card--flat audits-card" aria-labelledby="audit-progress-title">
      <div className="progress-head">
        <h2 id="audit-progress-title" className="card__title">
          {t('audits.progress.title')}
        </h2>
        <p>
          <span className="progress-head__number">{formatShare(locale, share) ?? '–'}</span>{' '}
          <span className="muted">
            {t('audits.progress.assessed', { assessed: formatNumber(progress.assessed), total: formatNumber(progress.inScope) })}
          </span>
        </p>
      </div>
      <div className="status-bar">
        <StackedBar segments={segments} label={t('audits.progress.barLabel')} />
        <ul className="status-legend">
          {segments.map((s) => (
            <li key={s.key}>
              <span className="status-legend__item">
                <span className={`status-swatch ${s.fill}`} aria-hidden="true" />
                <span className="status-legend__label">{s.label}</span>
                <span className="status-legend__count">{formatNumber(s.value)}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
