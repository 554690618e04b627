import { useId, useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { SystemGraph } from '../../api/register';
import { useT } from '../../i18n';
import { layoutGraph, NODE_H, NODE_W } from './graphLayout';
import { systemPath, vocabLabel } from './vocab';

const MAX_CHARS = 22;
const truncate = (text: string) => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1).trimEnd()}…` : text);

/**
 * The dependency neighbourhood as an inline SVG: dependents on the left, the
 * focus system in the middle, what it depends on to the right. Every node is
 * a link (Tab moves through them column by column, after each column's
 * heading in reading order); arrows point from a system to what it depends on.
 */
export function DependencyGraph({ graph, label }: { graph: SystemGraph; label: string }) {
  const t = useT();
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const markerId = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const focusMarkerId = `${markerId}-focus`;

  /** The middle column is headed "This system" unless other systems share it. */
  const columnLabel = (layer: number, count: number) => {
    if (layer === 0) return count === 1 ? t('systems.deps.columnFocus') : '';
    const steps = Math.abs(layer);
    if (layer > 0) return steps === 1 ? t('systems.deps.dependsOn') : t('systems.deps.columnDependsOnFar', { steps });
    return steps === 1 ? t('systems.deps.usedBy') : t('systems.deps.columnUsedByFar', { steps });
  };

  return (
    <div className="graph__scroll">
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; "group" keeps the node links reachable (a named svg root is otherwise exposed as an image). */}
      <svg
        className="graph__svg"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={label}
      >
        <defs>
          {[markerId, focusMarkerId].map((id) => (
            <marker
              key={id}
              id={id}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="9"
              markerHeight="9"
              markerUnits="userSpaceOnUse"
              orient="auto"
            >
              <path
                d="M 0 0 L 10 5 L 0 10 z"
                className={id === markerId ? 'graph__arrowhead' : 'graph__arrowhead graph__arrowhead--focus'}
              />
            </marker>
          ))}
        </defs>
        <g>
          {layout.edges.map((e) => (
            <path
              key={`${e.from}>${e.to}`}
              d={e.d}
              className={e.focus ? 'graph__edge graph__edge--focus' : 'graph__edge'}
              markerEnd={`url(#${e.focus ? focusMarkerId : markerId})`}
            />
          ))}
        </g>
        {layout.columns.map((c) => (
          <g key={c.layer}>
            {columnLabel(c.layer, c.count) && (
              <text x={c.x} y={layout.headerY} textAnchor="middle" className="graph__column">
                {columnLabel(c.layer, c.count)}
              </text>
            )}
            {layout.nodes
              .filter((n) => n.layer === c.layer)
              .map((n) => {
                const kind = vocabLabel(t, 'systemKind', n.kind);
                return (
                  <Link
                    key={n.id}
                    to={systemPath(n.id)}
                    className={n.focus ? 'graph__node graph__node--focus' : 'graph__node'}
                    aria-label={t(n.focus ? 'systems.deps.focusLabel' : 'systems.deps.nodeLabel', { name: n.name, kind })}
                    aria-current={n.focus ? 'page' : undefined}
                  >
                    <title>{n.name}</title>
                    <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx="8" className="graph__box" />
                    <text x={n.x + 12} y={n.y + 23} className="graph__name">
                      {truncate(n.name)}
                    </text>
                    <text x={n.x + 12} y={n.y + 42} className="graph__kind">
                      {kind}
                    </text>
                  </Link>
                );
              })}
          </g>
        ))}
      </svg>
    </div>
  );
}
