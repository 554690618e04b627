import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Json } from '../../api/types';
import { useT } from '../../i18n';
import { ParamsContext, PartSection } from '../catalogs/ControlParts';
import { ParamsTable } from '../catalogs/ControlTables';
import { orderParts, readParams, readParts } from '../catalogs/oscal';
import { controlPath } from '../catalogs/paths';

interface Props {
  control: Record<string, unknown> | null;
  versionId: string;
  controlId: string;
  name: string;
}

/** The control's statement, then (folded) its guidance and other parts and its parameters. */
export function ControlText({ control, versionId, controlId, name }: Props) {
  const t = useT();
  const view = useMemo(() => {
    const body = (control ?? {}) as { [key: string]: Json };
    const params = readParams(body.params);
    const parts = orderParts(readParts(body.parts));
    return {
      params,
      paramMap: new Map(params.map((p) => [p.id, p])),
      statement: parts.filter((p) => p.name === 'statement'),
      rest: parts.filter((p) => p.name !== 'statement'),
    };
  }, [control]);

  return (
    <ParamsContext.Provider value={view.paramMap}>
      <section className="card card--flat control-text" aria-labelledby="control-text-title">
        <div className="card__header">
          <h2 id="control-text-title" className="card__title">
            {t('requirements.control.title')}
          </h2>
          <Link to={controlPath(versionId, controlId)} className="button button--ghost button--small">
            {t('requirements.control.openInCatalog')}
          </Link>
        </div>
        {!control ? (
          <p className="muted">{t('requirements.control.missing')}</p>
        ) : (
          <>
            {view.statement.length > 0 ? (
              <div className="control-parts">
                {view.statement.map((p) => (
                  <PartSection key={p.key} part={p} level={3} />
                ))}
              </div>
            ) : (
              view.rest.length === 0 && <p className="muted">{t('catalogs.control.noContent')}</p>
            )}
            {(view.rest.length > 0 || view.params.length > 0) && (
              <details className="history control-text__more">
                <summary className="history__summary">{t('requirements.control.more')}</summary>
                <div className="control-parts">
                  {view.rest.map((p) => (
                    <PartSection key={p.key} part={p} level={3} />
                  ))}
                </div>
                {view.params.length > 0 && (
                  <div className="stack">
                    <h3 className="subsection-title">{t('catalogs.control.parameters')}</h3>
                    <ParamsTable params={view.params} control={name} />
                  </div>
                )}
              </details>
            )}
          </>
        )}
      </section>
    </ParamsContext.Provider>
  );
}
