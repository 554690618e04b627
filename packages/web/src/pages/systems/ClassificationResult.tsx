import { Link } from 'react-router-dom';
import type { ClassificationMethod, ClassifyResult, DimensionExplanation } from '../../api/classification';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n';
import { dimensionName, formatDay, levelName, levelTone, securityLevelName, securityTone } from './classificationView';
import { systemPath } from './vocab';

/** Why a dimension has its level: the override and its reason, else the answers that set it. */
export function WhyLevel({
  method,
  entry,
  direct = false,
}: {
  method: ClassificationMethod;
  entry: DimensionExplanation;
  direct?: boolean;
}) {
  const { t } = useI18n();
  const decisive = entry.reasons.filter((r) => r.decisive);
  return (
    <div className="why">
      {entry.override && (
        <p>
          {!direct && <strong>{t('classification.result.overridden')}</strong>} {entry.override.reason}{' '}
          {!direct && (
            <span className="muted">
              {entry.override.from
                ? t('classification.result.questionnaireSaid', { level: levelName(method, entry.dimension, entry.override.from) ?? '' })
                : t('classification.result.questionnaireSaidNothing')}
            </span>
          )}
        </p>
      )}
      {decisive.length > 0 ? (
        <ul className="why__list">
          {decisive.map((r) => (
            <li key={`${r.questionId}-${r.optionId}`}>
              {r.reason || r.answer}{' '}
              {r.answer && <span className="muted">({t('classification.result.answered', { answer: r.answer })})</span>}
            </li>
          ))}
        </ul>
      ) : (
        !entry.override && <p className="muted">{t('classification.result.noAnswers')}</p>
      )}
    </div>
  );
}

interface Props {
  method: ClassificationMethod;
  systemId: string;
  systemName: string;
  result: ClassifyResult;
  onEdit: () => void;
  /** The method has no questionnaire: levels were set directly. */
  direct?: boolean;
}

/** After submitting: the levels, the security level, why, and the other systems whose need changed. */
export function ClassificationResult({ method, systemId, systemName, result, onEdit, direct = false }: Props) {
  const { t, tp, locale } = useI18n();
  const c = result.classification;
  const others = result.changes.filter((x) => x.systemId !== systemId);
  const explanation = c.explanation.explanation ?? [];

  return (
    <div className="stack">
      <section className="card classify-result" aria-labelledby="result-title">
        <h2 id="result-title" className="card__title" tabIndex={-1}>
          {t('classification.result.title')}
        </h2>
        <dl className="summary-list summary-list--inline">
          <div>
            <dt>{t('classification.notation')}</dt>
            <dd className="notation">{c.notation}</dd>
          </div>
          <div>
            <dt>{t('classification.securityLevel')}</dt>
            <dd>
              {c.securityLevel ? (
                <Badge tone={securityTone(method, c.securityLevel)}>{securityLevelName(method, c.securityLevel)}</Badge>
              ) : (
                <span className="muted">{t('classification.noSecurityLevel')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('classification.reviewDue')}</dt>
            <dd>{formatDay(locale, c.reviewDue) ?? t('common.none')}</dd>
          </div>
        </dl>
        <div className="table-wrap">
          <table className="table table--classification">
            <caption className="visually-hidden">{t('classification.result.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('classification.dimension')}</th>
                <th scope="col">{t('classification.level')}</th>
                <th scope="col">{t('classification.result.why')}</th>
              </tr>
            </thead>
            <tbody>
              {explanation.map((e) => (
                <tr key={e.dimension}>
                  <th scope="row">{e.dimensionName}</th>
                  <td>
                    {e.level !== undefined ? (
                      <Badge tone={levelTone(method, e.dimension, e.level)}>{e.levelName ?? levelName(method, e.dimension, e.level)}</Badge>
                    ) : (
                      <span className="muted">{t('classification.unset')}</span>
                    )}
                  </td>
                  <td className="cell-wrap">
                    <WhyLevel method={method} entry={e} direct={direct} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {c.explanation.unanswered?.length > 0 && (
          <p className="muted small">{tp('classification.result.unanswered', c.explanation.unanswered.length)}</p>
        )}
      </section>

      <section className="card card--flat" aria-labelledby="changes-title">
        <h2 id="changes-title" className="card__title">
          {t('classification.result.changesTitle')}
        </h2>
        {others.length === 0 ? (
          <p className="muted">{t('classification.result.noChanges')}</p>
        ) : (
          <>
            <p className="muted small">{t('classification.result.changesIntro')}</p>
            <ul className="change-list">
              {others.map((x) => (
                <li key={x.systemId}>
                  <Link to={systemPath(x.systemId)}>{x.name}</Link>
                  <ul className="change-list__dims">
                    {x.dimensions.map((d) => (
                      <li key={d.dimension}>
                        {t('classification.result.dimensionChange', {
                          dimension: dimensionName(method, d.dimension),
                          before: levelName(method, d.dimension, d.before) ?? t('classification.unset'),
                          after: levelName(method, d.dimension, d.after) ?? t('classification.unset'),
                        })}
                      </li>
                    ))}
                    {x.securityLevel.before !== x.securityLevel.after && (
                      <li>
                        {t('classification.result.securityLevelChange', {
                          before: securityLevelName(method, x.securityLevel.before) ?? t('classification.unset'),
                          after: securityLevelName(method, x.securityLevel.after) ?? t('classification.unset'),
                        })}
                      </li>
                    )}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <div className="form-actions">
        <Link to={systemPath(systemId)} className="button button--primary">
          {t('classification.result.back', { name: systemName })}
        </Link>
        <button type="button" className="button button--secondary" onClick={onEdit}>
          {direct ? t('directClassification.edit') : t('classification.result.edit')}
        </button>
      </div>
    </div>
  );
}
