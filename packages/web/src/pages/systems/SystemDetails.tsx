import type { ReactNode } from 'react';
import type { InfoSystem } from '../../api/register';
import { useI18n } from '../../i18n';
import { PersonalDataBadges } from './SystemBadges';
import { vocabLabel } from './vocab';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The description list of a system's facts. */
export function SystemDetails({ system: s }: { system: InfoSystem }) {
  const { t, formatDateTime } = useI18n();
  const none = t('common.none');
  const custom = Object.entries(s.customFields);

  return (
    <section className="card card--flat" aria-labelledby="details-title">
      <h2 id="details-title" className="card__title">
        {t('systems.details.title')}
      </h2>
      <dl className="summary-list">
        <Row label={t('systems.details.description')}>
          <span className={s.description ? 'system-description' : 'muted'}>{s.description || t('systems.details.noDescription')}</span>
        </Row>
        <Row label={t('systems.details.owner')}>{s.ownerName ?? t('systems.noOwner')}</Row>
        <Row label={t('systems.details.department')}>{s.departmentName ?? t('systems.noDepartment')}</Row>
        <Row label={t('systems.details.hosting')}>{vocabLabel(t, 'hosting', s.hosting)}</Row>
        <Row label={t('systems.details.supplier')}>{s.supplier ?? none}</Row>
        <Row label={t('systems.details.personalData')}>
          <PersonalDataBadges values={s.personalData} />
        </Row>
        <Row label={t('systems.details.tags')}>
          {s.tags.length ? (
            <ul className="chip-list">
              {s.tags.map((tag) => (
                <li key={tag} className="chip">
                  {tag}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Row>
        <Row label={t('systems.details.customFields')}>
          {custom.length ? (
            <dl className="kv-list">
              {custom.map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{value || none}</dd>
                </div>
              ))}
            </dl>
          ) : (
            none
          )}
        </Row>
        <Row label={t('systems.details.created')}>{formatDateTime(s.createdAt)}</Row>
        <Row label={t('systems.details.updated')}>{formatDateTime(s.updatedAt)}</Row>
      </dl>
    </section>
  );
}
