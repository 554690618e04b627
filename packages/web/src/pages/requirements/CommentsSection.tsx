import { useState } from 'react';
import type { Comment } from '../../api/baselines';
import { api } from '../../api/client';
import { TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { type FieldErrors, useSubmit } from '../../hooks/useSubmit';
import { useI18n } from '../../i18n';

/** The discussion of a requirement, oldest first; everyone who can see it may comment. */
export function CommentsSection({
  requirementId,
  comments,
  onAdded,
}: {
  requirementId: string;
  comments: Comment[];
  onAdded: (c: Comment) => void;
}) {
  const { t, tp, formatDateTime, formatNumber } = useI18n();
  const form = useSubmit();
  const [body, setBody] = useState('');

  const validate = (): FieldErrors => (body.trim() ? {} : { body: t('requirements.comments.required') });
  const submit = async () => {
    const c = await api.post<Comment>(`/requirements/${encodeURIComponent(requirementId)}/comments`, { body: body.trim() });
    setBody('');
    onAdded(c);
  };

  return (
    <section className="card card--flat" aria-labelledby="comments-title">
      <h2 id="comments-title" className="card__title">
        {comments.length
          ? tp('requirements.comments.title', comments.length, { count: formatNumber(comments.length) })
          : t('requirements.comments.titlePlain')}
      </h2>
      {comments.length === 0 ? (
        <p className="muted">{t('requirements.comments.none')}</p>
      ) : (
        <ol className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment__head">
                <span className="comment__author">{c.authorName ?? t('classification.history.unknownUser')}</span>{' '}
                <time className="muted small" dateTime={c.createdAt}>
                  {formatDateTime(c.createdAt)}
                </time>
              </p>
              <p className="comment__body pre-line">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="form" noValidate onSubmit={(e) => void form.handle(e, submit, validate)}>
        <FormError error={form.error} />
        <TextAreaField
          label={t('requirements.comments.add')}
          value={body}
          onValueChange={setBody}
          error={form.fieldErrors.body}
          rows={3}
          maxLength={10000}
        />
        <div>
          <button type="submit" className="button button--secondary" disabled={form.busy}>
            {t('requirements.comments.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
