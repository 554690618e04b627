import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ClassifyResult, CurrentClassification } from '../../api/classification';
import { api } from '../../api/client';
import type { InfoSystem } from '../../api/register';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { isForbidden } from '../../components/errors';
import { LoadError, Notice } from '../../components/Feedback';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useT } from '../../i18n';
import { ClassificationResult } from './ClassificationResult';
import { ClassifyForm } from './ClassifyForm';
import { useMethod } from './classificationView';
import { bodyOf, type ClassifyValues, initialValues } from './classifyForm';
import { systemPath } from './vocab';

/** /systems/:id/classify: the organisation's questionnaire, then the result and what it changed. */
export function ClassifyPage() {
  const t = useT();
  const { id = '' } = useParams();
  const enc = encodeURIComponent(id);
  const system = useApi((signal) => api.get<InfoSystem>(`/systems/${enc}`, undefined, { signal }), id);
  const current = useApi((signal) => api.get<CurrentClassification>(`/systems/${enc}/classification`, undefined, { signal }), id);
  const method = useMethod();
  const [values, setValues] = useState<ClassifyValues | null>(null);
  const [result, setResult] = useState<ClassifyResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) {
      resultRef.current?.querySelector<HTMLElement>('#result-title')?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [result]);

  const error = system.error ?? current.error ?? method.error;
  const s = system.data?.id === id ? system.data : undefined;
  const info = method.data;
  const latest = current.data?.latest ?? null;
  if (isForbidden(error)) return <AccessDenied />;
  if (!s || !info || !current.data || error) {
    return (
      <>
        <PageTitle title={t('classification.classifyTitle', { name: s?.name ?? '' })} />
        {error ? (
          <LoadError
            error={error}
            onRetry={() => {
              system.reload();
              current.reload();
              method.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </>
    );
  }

  const submit = async (v: ClassifyValues) => {
    const saved = await api.post<ClassifyResult>(`/systems/${enc}/classification`, bodyOf(info.questions, v));
    setValues(v);
    setResult(saved);
    current.reload();
  };
  const title = result
    ? t('classification.resultTitle', { name: s.name })
    : t(latest ? 'classification.reclassifyTitle' : 'classification.classifyTitle', { name: s.name });

  return (
    <>
      <Breadcrumbs
        label={t('systems.breadcrumb')}
        items={[
          { label: t('systems.title'), to: '/systems' },
          { label: s.name, to: systemPath(s.id) },
          { label: t('classification.classifyCrumb') },
        ]}
      />
      <PageHeader
        title={title}
        intro={
          result
            ? undefined
            : t(info.questions.length === 0 ? 'directClassification.intro' : 'classification.form.intro', { method: info.method.name })
        }
      />
      {result ? (
        <div ref={resultRef} className="stack">
          <Notice>{t('classification.result.saved')}</Notice>
          <ClassificationResult
            method={info.method}
            systemId={s.id}
            systemName={s.name}
            result={result}
            onEdit={() => setResult(null)}
            direct={info.questions.length === 0}
          />
        </div>
      ) : (
        <>
          <p className="muted classify-method">
            <strong>{info.method.name}:</strong> {info.method.description}
          </p>
          {latest && <p className="alert alert--info">{t('classification.form.prefilled')}</p>}
          <ClassifyForm
            method={info.method}
            questions={info.questions}
            initial={values ?? initialValues(info.method, info.questions, latest)}
            systemPath={systemPath(s.id)}
            submitLabel={t('classification.form.submit')}
            onSubmit={submit}
          />
        </>
      )}
    </>
  );
}
