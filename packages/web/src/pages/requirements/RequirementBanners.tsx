import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Requirement, RequirementPatch } from '../../api/baselines';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/Feedback';
import { IconAlert } from '../../components/Icons';
import { useT } from '../../i18n';
import { componentPath } from './paths';
import { statusLabel } from './status';

interface Props {
  requirement: Requirement;
  editable: boolean;
  onChanged: (next: Requirement) => void;
}

/**
 * What the record's state needs to say first: inherited from a common component (override it),
 * overriding one (inherit again), flagged for review after a catalog upgrade (mark reviewed),
 * retired from the system's list.
 */
export function RequirementBanners({ requirement: r, editable, onChanged }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = async (patch: RequirementPatch) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.patch<Requirement>(`/requirements/${encodeURIComponent(r.id)}`, patch));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorAlert error={error} />
      {!r.applies && (
        <div className="banner banner--neutral" role="note">
          <IconAlert className="banner__icon" />
          <div>
            <p className="banner__title">{t('requirements.banner.retiredTitle')}</p>
            <p className="banner__text">{t('requirements.banner.retiredText')}</p>
          </div>
        </div>
      )}
      {r.reviewRequired && (
        <div className="banner banner--warning" role="note">
          <IconAlert className="banner__icon" />
          <div className="banner__body">
            <p className="banner__title">{t('requirements.banner.reviewTitle')}</p>
            <p className="banner__text">{r.reviewNote ?? t('requirements.banner.reviewText')}</p>
          </div>
          {editable && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => void send({ reviewed: true })}
            >
              {t('requirements.banner.markReviewed')}
            </button>
          )}
        </div>
      )}
      {r.inherited && (
        <div className="banner banner--info" role="note">
          <div className="banner__body">
            <p className="banner__title">
              {t('requirements.banner.inheritedFrom')} <Link to={componentPath(r.inherited.componentId)}>{r.inherited.componentName}</Link>{' '}
              — {statusLabel(t, r.inherited.status)}
            </p>
            {r.inherited.statement && <p className="banner__text pre-line">{r.inherited.statement}</p>}
            <p className="banner__text">{t('requirements.banner.inheritedText')}</p>
          </div>
          {editable && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => void send({ override: true })}
            >
              {t('requirements.banner.override')}
            </button>
          )}
        </div>
      )}
      {!r.inherited && r.overridden && (
        <div className="banner banner--info" role="note">
          <div className="banner__body">
            <p className="banner__title">{t('requirements.banner.overriddenTitle')}</p>
            <p className="banner__text">{t('requirements.banner.overriddenText')}</p>
          </div>
          {editable && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => void send({ override: false })}
            >
              {t('requirements.banner.inheritAgain')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
