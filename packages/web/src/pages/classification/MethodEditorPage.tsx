import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { CustomMethod, MethodsList } from '../../api/customMethods';
import { AccessDenied } from '../../components/AccessDenied';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeError, isForbidden } from '../../components/errors';
import { LoadError, Notice } from '../../components/Feedback';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { IconAlert } from '../../components/Icons';
import { Loading } from '../../components/Loading';
import { PageHeader, PageTitle } from '../../components/PageHeader';
import { useApi } from '../../hooks/useApi';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { useMethod } from '../systems/classificationView';
import { noticeOf } from '../systems/vocab';
import { DimensionsEditor } from './DimensionsEditor';
import {
  blankDraft,
  bodyOf,
  copyDraft,
  draftOf,
  draftOfInfo,
  type MethodDraft,
  notationExample,
  readablePath,
  serverProblems,
  slug,
  validateDraft,
} from './methodDraft';
import { QuestionnaireEditor } from './QuestionnaireEditor';
import { MappingTableEditor, SecurityLevelsEditor } from './SecurityLevelsEditor';

export const ORGANISATION_PATH = '/organisation';
export const methodEditorPath = (key: string) => `/classification/methods/${encodeURIComponent(key)}`;
/** A new method, optionally starting from a copy of `from` ('current' = the method in use, else an own or built-in method's key). */
export const newMethodPath = (from?: string) => `/classification/methods/new${from ? `?from=${encodeURIComponent(from)}` : ''}`;

function useMethodsList() {
  return useApi((signal) => api.get<MethodsList>('/classification/methods', undefined, { signal }), 'classification-methods');
}

interface EditorProps {
  methodKey: string | undefined;
  from: string | null;
}

/** The form, once the list of methods (and the template, if any) is loaded. */
function MethodEditor({ methodKey, from }: EditorProps) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const list = useMethodsList();
  const info = useMethod();
  const form = useSubmit();
  const [draft, setDraft] = useState<MethodDraft | null>(null);
  const [notice, setNotice] = useState(() => noticeOf(location.state));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const isNew = methodKey === undefined;
  const own: CustomMethod | undefined = list.data?.custom.find((m) => m.key === methodKey);
  const template = isNew && from && from !== 'current' ? list.data?.custom.find((m) => m.key === from) : undefined;
  const builtInTemplate = isNew && from && from !== 'current' && !template ? list.data?.builtIn.find((m) => m.key === from) : undefined;
  const needsInfo = isNew && from === 'current';

  // Start once: the stored method, a copy of a template, or a blank method.
  useEffect(() => {
    if (draft || !list.data || (needsInfo && !info.data)) return;
    if (!isNew) {
      if (own) setDraft(draftOf(own.method, own.questions));
    } else if (needsInfo && info.data) setDraft(copyDraft(t, draftOfInfo(info.data)));
    else if (template) setDraft(copyDraft(t, draftOf(template.method, template.questions)));
    else if (builtInTemplate) setDraft(copyDraft(t, draftOfInfo(builtInTemplate)));
    else setDraft(blankDraft());
  }, [draft, list.data, info.data, needsInfo, isNew, own, template, builtInTemplate, t]);

  useEffect(() => {
    if (form.error) summaryRef.current?.focus();
  }, [form.error]);

  const loadError = list.error ?? (needsInfo ? info.error : null);
  if (isForbidden(loadError)) return <AccessDenied />;
  const title = isNew ? t('methodEditor.newTitle') : t('methodEditor.editTitle', { name: own?.method.name ?? methodKey ?? '' });
  if (loadError || !list.data || (!draft && !(list.data && !isNew && !own))) {
    return (
      <>
        <PageTitle title={title} />
        {loadError ? (
          <LoadError
            error={loadError}
            onRetry={() => {
              list.reload();
              info.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </>
    );
  }
  if (!draft) {
    return (
      <>
        <PageHeader title={t('methodEditor.notFoundTitle')} />
        <p>
          {t('methodEditor.notFound', { key: methodKey ?? '' })} <Link to={ORGANISATION_PATH}>{t('methodEditor.backToOrganisation')}</Link>
        </p>
      </>
    );
  }

  const inUse = !isNew && list.data.current === methodKey;
  const builtInKeys = list.data.builtIn.map((m) => m.key);
  const clientErrors = typeof form.error === 'string' ? form.fieldErrors : {};
  const server = serverProblems(form.error);
  const errors = { ...server.fields, ...clientErrors };
  const problems =
    typeof form.error === 'string' ? Object.entries(clientErrors).map(([path, message]) => ({ path, message })) : server.list;
  const key = isNew ? draft.key.trim() : (methodKey ?? '');
  const update = (change: (d: MethodDraft) => void) => {
    setNotice('');
    setDraft((prev) => {
      if (!prev) return prev;
      const next = structuredClone(prev);
      change(next);
      return next;
    });
  };

  const save = () =>
    form.handle(
      null,
      async () => {
        const body = bodyOf({ ...draft, key });
        const saved = await api.put<CustomMethod>(`/classification/methods/${encodeURIComponent(key)}`, body);
        const message = t('methodEditor.saved', { name: saved.method.name });
        if (isNew) {
          navigate(methodEditorPath(saved.key), { state: { notice: message } });
          return;
        }
        list.setData((prev) => (prev ? { ...prev, custom: prev.custom.map((m) => (m.key === saved.key ? saved : m)) } : prev));
        setNotice(message);
        window.scrollTo({ top: 0 });
      },
      () => validateDraft(t, { ...draft, key }, { isNew, builtInKeys }),
    );

  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await api.del(`/classification/methods/${encodeURIComponent(key)}`);
      navigate(ORGANISATION_PATH, { state: { notice: t('methodEditor.deleted', { name: draft.name }) } });
    } catch (e) {
      setDeleteError(e);
      setConfirmDelete(false);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <>
      <Breadcrumbs
        label={t('methodEditor.breadcrumb')}
        items={[
          { label: t('organisation.title'), to: ORGANISATION_PATH },
          { label: isNew ? t('methodEditor.newCrumb') : (own?.method.name ?? key) },
        ]}
      />
      <PageHeader
        title={title}
        intro={t('methodEditor.intro')}
        actions={
          !isNew && (
            <div className="form-actions">
              <Link to={newMethodPath(key)} className="button button--secondary">
                {t('ownMethods.copy')}
              </Link>
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => setConfirmDelete(true)}
                disabled={inUse}
                aria-describedby={inUse ? 'method-in-use' : undefined}
              >
                {t('common.delete')}
              </button>
            </div>
          )
        }
      />
      <Notice>{notice}</Notice>
      {deleteError ? (
        <div className="alert alert--error" role="alert">
          {describeError(t, deleteError)}
        </div>
      ) : null}
      {inUse && (
        <div className="alert alert--warning" id="method-in-use">
          <IconAlert className="alert__icon" />
          <span>{t('ownMethods.inUseExplained', { name: own?.method.name ?? key })}</span>
        </div>
      )}
      <form
        className="form method-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {form.error ? (
          <div className="alert alert--error method-editor__summary" role="alert" tabIndex={-1} ref={summaryRef}>
            <p className="alert__title">{typeof form.error === 'string' ? t('common.fixErrors') : describeError(t, form.error)}</p>
            {problems.length > 0 && (
              <ul className="problem-list">
                {problems.map((p) => (
                  <li key={`${p.path}|${p.message}`}>
                    <strong className="problem-list__where">{readablePath(t, draft, p.path)}:</strong> {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
        <fieldset className="fieldset method-editor__body" disabled={inUse || form.busy}>
          <section className="card card--flat" aria-labelledby="method-general-title">
            <h2 id="method-general-title" className="card__title">
              {t('methodEditor.sections.general')}
            </h2>
            <div className="form-row form-row--method">
              <TextField
                label={t('methodEditor.methodName')}
                value={draft.name}
                onValueChange={(name) =>
                  update((d) => {
                    d.name = name;
                    if (isNew && !d.keyEdited) d.key = slug(name);
                  })
                }
                error={errors.name}
                maxLength={200}
                required
              />
              {isNew ? (
                <TextField
                  label={t('methodEditor.methodKey')}
                  hint={t('methodEditor.methodKeyHint')}
                  value={draft.key}
                  onValueChange={(value) =>
                    update((d) => {
                      d.key = value;
                      d.keyEdited = true;
                    })
                  }
                  error={errors.key}
                  maxLength={63}
                  spellCheck={false}
                  autoCapitalize="off"
                  required
                />
              ) : (
                <div className="field">
                  <span className="field__label">{t('methodEditor.methodKey')}</span>
                  <code className="method-editor__key">{key}</code>
                </div>
              )}
            </div>
            <TextAreaField
              label={t('methodEditor.fieldNames.description')}
              hint={t('methodEditor.descriptionHint')}
              value={draft.description}
              onValueChange={(description) =>
                update((d) => {
                  d.description = description;
                })
              }
              error={errors.description}
              rows={3}
              maxLength={2000}
            />
            <SelectField
              label={t('methodEditor.notation')}
              hint={t('methodEditor.notationExample', { example: notationExample(draft) })}
              value={draft.notation}
              onValueChange={(notation) =>
                update((d) => {
                  d.notation = notation === 'level' ? 'level' : 'rank';
                })
              }
              options={[
                { value: 'rank', label: t('methodEditor.notationRank') },
                { value: 'level', label: t('methodEditor.notationLevel') },
              ]}
              error={errors.notation}
              fieldClassName="method-editor__notation"
            />
          </section>
          <DimensionsEditor draft={draft} update={update} errors={errors} />
          <SecurityLevelsEditor draft={draft} update={update} errors={errors} />
          <MappingTableEditor draft={draft} update={update} errors={errors} />
          <QuestionnaireEditor draft={draft} update={update} errors={errors} />
          {!inUse && (
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                {form.busy ? t('common.saving') : isNew ? t('methodEditor.create') : t('methodEditor.save')}
              </button>
              <Link to={ORGANISATION_PATH} className="button button--secondary">
                {t('common.cancel')}
              </Link>
            </div>
          )}
        </fieldset>
      </form>
      <ConfirmDialog
        open={confirmDelete}
        title={t('ownMethods.deleteTitle')}
        confirmLabel={t('ownMethods.deleteConfirm')}
        busy={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t('ownMethods.deleteText', { name: draft.name })}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * /classification/methods/new (optionally `?from=current` or `?from=<own key>`) and
 * /classification/methods/:key: the structured editor of an own classification method.
 */
export function MethodEditorPage() {
  const { key } = useParams();
  const [params] = useSearchParams();
  const from = params.get('from');
  // A new instance per method: after creating, the address changes to the stored method.
  return <MethodEditor key={`${key ?? 'new'}|${from ?? ''}`} methodKey={key} from={from} />;
}
