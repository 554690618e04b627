import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { UpgradePlan, UpgradeResult } from '../../api/catalogUpgrades';
import { api } from '../../api/client';
import type { ControlRef } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { AccessDenied } from '../../components/AccessDenied';
import { Badge } from '../../components/Badge';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isForbidden } from '../../components/errors';
import { ErrorAlert, LoadError } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { hasMessage, useI18n } from '../../i18n';
import { catalogPath, controlPath, diffPath, versionPath } from './paths';
import { RecordsBar, type Tile, Tiles } from './UpgradeImpact';
import { useVersionInfo } from './useVersion';

/** The upgrade plan from `fromId` to `toId` (the newer version). */
export const upgradePath = (toId: string, fromId: string) => `${versionPath(toId)}/upgrade?from=${encodeURIComponent(fromId)}`;

interface ListProps {
  title: string;
  items: (ControlRef & { aspects?: string[] })[];
  versionId: string;
}

/** A collapsible list of controls (NIST-sized diffs stay out of the way until opened). */
function ControlList({ title, items, versionId }: ListProps) {
  const { t, formatNumber } = useI18n();
  const aspectLabel = (a: string) => {
    const key = `catalogs.aspects.${a}`;
    return hasMessage(key) ? t(key) : a;
  };
  return (
    <details className="history upgrade-list">
      <summary className="history__summary">
        {title} ({formatNumber(items.length)})
      </summary>
      {items.length === 0 ? (
        <p className="muted">{t('catalogs.diff.none')}</p>
      ) : (
        <ul className="diff-list">
          {items.map((c) => (
            <li key={c.id} className="diff-list__item">
              <Link to={controlPath(versionId, c.id)} className="control-list__link">
                <span className="control-list__label">{c.id}</span>
                <span className="control-list__title">{c.title}</span>
              </Link>
              {c.aspects && c.aspects.length > 0 && (
                <ul className="badge-row" aria-label={t('catalogs.diff.aspects')}>
                  {c.aspects.map((a) => (
                    <li key={a}>
                      <Badge tone="warning">{aspectLabel(a)}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/**
 * /catalog-versions/:versionId/upgrade?from=…: what moving the organisation's requirement records
 * from an older version to this one would do — the diff, the records kept, to review and retired —
 * and, for catalog managers, applying it (one transaction on the server), then the result.
 */
export function UpgradePage() {
  const { t, tp, formatDate } = useI18n();
  const { can } = useAuth();
  const { versionId = '' } = useParams();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const res = useApi(
    (signal) =>
      from
        ? api.get<UpgradePlan>(`/catalog-versions/${encodeURIComponent(versionId)}/upgrade-plan`, { from }, { signal })
        : Promise.resolve(undefined),
    `${versionId}|${from}`,
  );
  const info = useVersionInfo(versionId).info;
  const plan = res.data?.to.id === versionId && res.data.from.id === from ? res.data : undefined;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [applied, setApplied] = useState<UpgradeResult | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (applied) resultRef.current?.focus();
  }, [applied]);

  const apply = async () => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      setApplied(await api.post<UpgradeResult>(`/catalog-versions/${encodeURIComponent(versionId)}/upgrade`, { from }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (isForbidden(res.error)) return <AccessDenied />;
  if (!from) {
    return (
      <>
        <PageHeader title={t('upgrades.title')} />
        <p>
          {t('upgrades.missingFrom')} <Link to="/catalogs">{t('catalogs.title')}</Link>
        </p>
      </>
    );
  }
  if (!plan || res.error) {
    return (
      <>
        <PageTitle title={t('upgrades.title')} />
        {res.loading ? <Loading /> : <LoadError error={res.error} onRetry={res.reload} />}
      </>
    );
  }

  const name = plan.to.name || plan.to.title;
  const records = plan.records;
  const recordCount = records.kept + records.review + records.retired;
  const impactTiles: Tile[] = [
    { key: 'systems', label: t('upgrades.tiles.systems'), value: plan.systems, hint: t('upgrades.tiles.systemsHint'), tone: 'neutral' },
    { key: 'kept', label: t('upgrades.tiles.kept'), value: records.kept, hint: t('upgrades.tiles.keptHint'), tone: 'success' },
    { key: 'review', label: t('upgrades.tiles.review'), value: records.review, hint: t('upgrades.tiles.reviewHint'), tone: 'warning' },
    { key: 'retired', label: t('upgrades.tiles.retired'), value: records.retired, hint: t('upgrades.tiles.retiredHint'), tone: 'danger' },
    {
      key: 'new',
      label: t('upgrades.tiles.newControls'),
      value: plan.newControls,
      hint: t('upgrades.tiles.newControlsHint'),
      tone: 'info',
    },
  ];

  return (
    <>
      <Breadcrumbs
        label={t('catalogs.breadcrumb')}
        items={[
          { label: t('catalogs.title'), to: '/catalogs' },
          ...(info ? [{ label: info.name, to: catalogPath(info.catalogId) }] : []),
          { label: t('upgrades.crumb') },
        ]}
      />
      <PageHeader
        title={t('upgrades.pageTitle', { name, from: plan.from.version, to: plan.to.version })}
        intro={
          <>
            {t('upgrades.intro')}{' '}
            <Link to={versionPath(plan.from.id)}>
              {t('upgrades.versionOn', { version: plan.from.version, date: formatDate(plan.from.importedAt) })}
            </Link>
            {' → '}
            <Link to={versionPath(plan.to.id)}>
              {t('upgrades.versionOn', { version: plan.to.version, date: formatDate(plan.to.importedAt) })}
            </Link>
          </>
        }
        actions={
          <Link to={diffPath(plan.to.id, plan.from.id)} className="button button--secondary">
            {t('upgrades.toDiff')}
          </Link>
        }
      />

      {applied ? (
        <section className="card upgrade-result" aria-labelledby="upgrade-result-title">
          <h2 id="upgrade-result-title" className="card__title" tabIndex={-1} ref={resultRef}>
            {t('upgrades.result.title')}
          </h2>
          <p className="alert alert--success" role="status">
            {t('upgrades.result.text', { name, from: applied.from.version, to: applied.to.version })}
          </p>
          <Tiles
            label={t('upgrades.result.title')}
            tiles={[
              {
                key: 'systems',
                label: t('upgrades.tiles.systems'),
                value: applied.result.systems,
                hint: t('upgrades.result.systemsHint'),
                tone: 'neutral',
              },
              {
                key: 'kept',
                label: t('upgrades.tiles.kept'),
                value: applied.result.kept,
                hint: t('upgrades.result.keptHint'),
                tone: 'success',
              },
              {
                key: 'review',
                label: t('upgrades.result.flagged'),
                value: applied.result.flaggedForReview,
                hint: t('upgrades.result.flaggedHint'),
                tone: 'warning',
              },
              {
                key: 'retired',
                label: t('upgrades.tiles.retired'),
                value: applied.result.retired,
                hint: t('upgrades.result.retiredHint'),
                tone: 'danger',
              },
              {
                key: 'added',
                label: t('upgrades.result.added'),
                value: applied.result.added,
                hint: t('upgrades.result.addedHint'),
                tone: 'info',
              },
            ]}
          />
          <div className="form-actions">
            {applied.result.flaggedForReview > 0 && (
              <Link to="/requirements?reviewRequired=true" className="button button--primary">
                {t('upgrades.result.toReview')}
              </Link>
            )}
            <Link to="/catalogs" className={`button ${applied.result.flaggedForReview > 0 ? 'button--secondary' : 'button--primary'}`}>
              {t('upgrades.result.back')}
            </Link>
            <Link to={versionPath(applied.to.id)} className="button button--secondary">
              {t('upgrades.result.browse', { version: applied.to.version })}
            </Link>
          </div>
        </section>
      ) : (
        <section className="card" aria-labelledby="upgrade-impact-title">
          <h2 id="upgrade-impact-title" className="card__title">
            {t('upgrades.impactTitle')}
          </h2>
          {plan.systems === 0 ? (
            <p className="alert alert--info">{t('upgrades.noRecords', { version: plan.from.version })}</p>
          ) : (
            <p className="muted">{tp('upgrades.impactIntro', plan.systems, { records: recordCount, version: plan.from.version })}</p>
          )}
          <Tiles label={t('upgrades.impactTitle')} tiles={impactTiles} />
          {recordCount > 0 && <RecordsBar records={records} />}
          <ErrorAlert error={error} />
          {can('catalogs:manage') ? (
            <div className="upgrade-apply">
              <h3 className="subsection-title">{t('upgrades.applyTitle')}</h3>
              <ul className="upgrade-apply__rules">
                <li>{t('upgrades.rules.kept')}</li>
                <li>{t('upgrades.rules.review')}</li>
                <li>{t('upgrades.rules.added')}</li>
                <li>{t('upgrades.rules.retired')}</li>
                <li>{t('upgrades.rules.mapping')}</li>
              </ul>
              <div className="form-actions">
                <button type="button" className="button button--primary" onClick={() => setConfirming(true)} disabled={busy}>
                  {busy ? t('upgrades.applying') : t('upgrades.apply')}
                </button>
              </div>
            </div>
          ) : (
            <p className="muted small">{t('upgrades.needManage')}</p>
          )}
        </section>
      )}

      <section className="card card--flat" aria-labelledby="upgrade-diff-title">
        <h2 id="upgrade-diff-title" className="card__title">
          {t('upgrades.diffTitle')}
        </h2>
        <Tiles
          label={t('upgrades.diffTitle')}
          tiles={[
            {
              key: 'added',
              label: t('catalogs.diff.added'),
              value: plan.diff.added.length,
              hint: t('upgrades.diff.addedHint'),
              tone: 'info',
            },
            {
              key: 'removed',
              label: t('catalogs.diff.removed'),
              value: plan.diff.removed.length,
              hint: t('upgrades.diff.removedHint'),
              tone: 'danger',
            },
            {
              key: 'changed',
              label: t('catalogs.diff.changed'),
              value: plan.diff.changed.length,
              hint: t('upgrades.diff.changedHint'),
              tone: 'warning',
            },
            {
              key: 'unchanged',
              label: t('catalogs.diff.unchanged'),
              value: plan.diff.unchanged,
              hint: t('upgrades.diff.unchangedHint'),
              tone: 'neutral',
            },
          ]}
        />
        <div className="upgrade-lists">
          <ControlList title={t('catalogs.diff.changedTitle')} items={plan.diff.changed} versionId={plan.to.id} />
          <ControlList title={t('catalogs.diff.addedTitle')} items={plan.diff.added} versionId={plan.to.id} />
          <ControlList title={t('catalogs.diff.removedTitle')} items={plan.diff.removed} versionId={plan.from.id} />
        </div>
      </section>

      <ConfirmDialog
        open={confirming}
        title={t('upgrades.confirmTitle', { name, to: plan.to.version })}
        confirmLabel={t('upgrades.apply')}
        busy={busy}
        onConfirm={() => void apply()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {tp('upgrades.confirmText', plan.systems, {
            review: records.review,
            retired: records.retired,
            added: plan.newControls,
          })}
        </p>
      </ConfirmDialog>
    </>
  );
}
