import { Link } from 'react-router-dom';
import type { GraphNode, SystemGraph } from '../../api/register';
import { useT } from '../../i18n';
import { systemPath, vocabLabel } from './vocab';

interface Props {
  graph: SystemGraph;
  focusId: string;
  /** Shown next to each "Depends on" entry when given. */
  onRemove?: ((node: GraphNode) => void) | undefined;
  busy?: boolean;
}

type Direction = 'dependsOn' | 'usedBy';

/** The text alternative to the graph: direct dependencies and dependents, each with the next step nested. */
export function DependencyLists({ graph, focusId, onRemove, busy }: Props) {
  const t = useT();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const step = (id: string, dir: Direction): GraphNode[] =>
    graph.edges
      .filter((e) => (dir === 'dependsOn' ? e.from === id : e.to === id))
      .flatMap((e) => byId.get(dir === 'dependsOn' ? e.to : e.from) ?? [])
      .sort((a, b) => a.name.localeCompare(b.name));

  const entry = (n: GraphNode) => (
    <>
      <Link to={systemPath(n.id)}>{n.name}</Link> <span className="muted small">({vocabLabel(t, 'systemKind', n.kind)})</span>
    </>
  );

  const column = (dir: Direction) => {
    const direct = step(focusId, dir);
    return (
      <div className="dep-lists__column">
        <h3 className="subsection-title">{t(`systems.deps.${dir}`)}</h3>
        {direct.length === 0 ? (
          <p className="muted">{t(dir === 'dependsOn' ? 'systems.deps.noneDependsOn' : 'systems.deps.noneUsedBy')}</p>
        ) : (
          <ul className="dep-list">
            {direct.map((n) => {
              const next = step(n.id, dir);
              return (
                <li key={n.id}>
                  <div className="dep-list__row">
                    <span>{entry(n)}</span>
                    {dir === 'dependsOn' && onRemove && (
                      <button
                        type="button"
                        className="button button--ghost-danger button--small"
                        aria-label={t('systems.deps.removeLabel', { name: n.name })}
                        disabled={busy}
                        onClick={() => onRemove(n)}
                      >
                        {t('systems.deps.remove')}
                      </button>
                    )}
                  </div>
                  {next.length > 0 && (
                    <ul
                      className="dep-list dep-list--nested"
                      aria-label={t(dir === 'dependsOn' ? 'systems.deps.nestedDependsOn' : 'systems.deps.nestedUsedBy', { name: n.name })}
                    >
                      {next.map((m) => (
                        <li key={m.id}>{entry(m)}</li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    );
  };

  return (
    <div className="dep-lists">
      {column('dependsOn')}
      {column('usedBy')}
    </div>
  );
}
