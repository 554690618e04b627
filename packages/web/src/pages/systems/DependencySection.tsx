import { useState } from 'react';
import { api } from '../../api/client';
import type { GraphNode, InfoSystem, SystemGraph } from '../../api/register';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { AddDependencyForm } from './AddDependencyForm';
import { DependencyGraph } from './DependencyGraph';
import { DependencyLists } from './DependencyLists';

const DEPTH = 2;

/** The graph, its text alternative and (with systems:edit) adding and removing dependencies. */
export function DependencySection({ system }: { system: InfoSystem }) {
  const t = useT();
  const { can } = useAuth();
  const edit = can('systems:edit');
  const res = useApi(
    (signal) => api.get<SystemGraph>(`/systems/${encodeURIComponent(system.id)}/graph`, { depth: DEPTH }, { signal }),
    system.id,
  );
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const graph = res.data;
  const existing = graph ? graph.edges.filter((e) => e.from === system.id).map((e) => e.to) : [];

  const remove = async (node: GraphNode) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await api.del(`/systems/${encodeURIComponent(system.id)}/dependencies/${encodeURIComponent(node.id)}`);
      setMessage(t('systems.deps.removed', { name: system.name, target: node.name }));
      res.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack" aria-labelledby="dependencies-title">
      <h2 id="dependencies-title" className="section-title">
        {t('systems.deps.title')}
      </h2>
      <Notice>{message}</Notice>
      <ErrorAlert error={error} />
      {res.loading && !graph ? (
        <Loading />
      ) : res.error || !graph ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : graph.edges.length === 0 ? (
        <p className="empty-state">{t('systems.deps.none')}</p>
      ) : (
        <>
          <figure className="graph" aria-busy={res.loading}>
            <DependencyGraph graph={graph} label={t('systems.deps.graphLabel', { name: system.name })} />
            <figcaption className="muted small">{t('systems.deps.intro')}</figcaption>
          </figure>
          <DependencyLists graph={graph} focusId={system.id} onRemove={edit ? (n) => void remove(n) : undefined} busy={busy} />
        </>
      )}
      {edit && (
        <AddDependencyForm
          system={system}
          existing={existing}
          onAdded={(target) => {
            setError(null);
            setMessage(t('systems.deps.added', { name: system.name, target: target.name }));
            res.reload();
          }}
        />
      )}
    </section>
  );
}
