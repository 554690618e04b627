import type { Progress, RequirementStatus } from '../../api/baselines';
import { useI18n } from '../../i18n';
import { StackedBar, StatusBar } from '../requirements/StatusBar';
import { formatShare } from '../requirements/status';

interface Props {
  progress: Progress;
  systemName: string;
  status: string;
  family: string;
  onStatus: (status: RequirementStatus) => void;
  onFamily: (family: string) => void;
  onOverdue: () => void;
  onReview: () => void;
}

/** A system's requirements by status (bar and legend), what is overdue or to review, and per-family bars. */
export function RequirementProgress({ progress: p, systemName, status, family, onStatus, onFamily, onOverdue, onReview }: Props) {
  const { t, tp, locale, formatNumber } = useI18n();
  const applicable = p.total - (p.counts['not-applicable'] ?? 0);
  const done = (p.counts.implemented ?? 0) + (p.counts.partially ?? 0) / 2;
  return (
    <div className="stack">
      <div className="progress-head">
        <p className="progress-head__share">
          <span className="progress-head__number">{formatShare(locale, applicable ? done / applicable : null) ?? t('common.none')}</span>{' '}
          <span className="muted">{t('requirements.progress.shareLabel')}</span>
        </p>
        <ul className="progress-flags">
          <li>
            <button type="button" className="flag-button" onClick={onOverdue} disabled={p.overdue === 0}>
              <span className={p.overdue ? 'flag-button__count flag-button__count--danger' : 'flag-button__count'}>
                {formatNumber(p.overdue)}
              </span>{' '}
              {tp('requirements.progress.overdue', p.overdue)}
            </button>
          </li>
          <li>
            <button type="button" className="flag-button" onClick={onReview} disabled={p.reviewRequired === 0}>
              <span className={p.reviewRequired ? 'flag-button__count flag-button__count--warning' : 'flag-button__count'}>
                {formatNumber(p.reviewRequired)}
              </span>{' '}
              {tp('requirements.progress.review', p.reviewRequired)}
            </button>
          </li>
        </ul>
      </div>
      <StatusBar
        counts={p.counts}
        label={t('requirements.progress.label', { name: systemName })}
        legend
        onSelect={onStatus}
        selected={status}
      />
      {p.families.length > 0 && (
        <details className="families" open={p.families.length <= 24}>
          <summary className="families__summary">{t('requirements.progress.byFamily')}</summary>
          <ul className="family-bars">
            {p.families.map((f) => {
              const open = f.total - f.implemented - f.partially - f.notApplicable;
              const name = f.familyTitle || f.family;
              return (
                <li key={f.family}>
                  <button
                    type="button"
                    className="family-bar"
                    aria-pressed={family === f.family}
                    onClick={() => onFamily(family === f.family ? '' : f.family)}
                  >
                    <span className="family-bar__name">{name}</span>
                    <span className="family-bar__count muted">
                      {t('requirements.progress.familyCount', { done: formatNumber(f.implemented), total: formatNumber(f.total) })}
                    </span>
                    <StackedBar
                      size="small"
                      decorative
                      label={name}
                      segments={[
                        { key: 'i', fill: 'status-fill--implemented', value: f.implemented, label: t('requirementStatus.implemented') },
                        { key: 'p', fill: 'status-fill--partially', value: f.partially, label: t('requirementStatus.partially') },
                        { key: 'o', fill: 'status-fill--not-started', value: open, label: t('requirements.progress.open') },
                        {
                          key: 'n',
                          fill: 'status-fill--not-applicable',
                          value: f.notApplicable,
                          label: t('requirementStatus.not-applicable'),
                        },
                      ]}
                    />
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </div>
  );
}
