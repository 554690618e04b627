import { useEffect, useId, useState } from 'react';
import { SelectField, TextField } from '../../components/Field';
import { useI18n, useT } from '../../i18n';
import type { EditorPartProps } from './editorTypes';
import { emptyOption, emptyQuestion, type OptionDraft, type QuestionDraft } from './methodDraft';
import { move, RowActions } from './RowActions';

interface OptionProps extends EditorPartProps {
  qi: number;
  oi: number;
  option: OptionDraft;
  question: QuestionDraft;
}

function OptionEditor({ draft, update, errors, qi, oi, option, question }: OptionProps) {
  const t = useT();
  const at = `questions[${qi}].options[${oi}]`;
  const label = t('methodEditor.optionNamed', { n: oi + 1, question: qi + 1 });
  const change = (fn: (o: OptionDraft) => void) =>
    update((d) => {
      const o = d.questions[qi]?.options[oi];
      if (o) fn(o);
    });
  return (
    <li className="option-editor">
      <fieldset className="fieldset">
        <legend className="option-editor__legend">{t('methodEditor.optionLegend', { n: oi + 1 })}</legend>
        <div className="form-row form-row--option">
          <TextField
            label={t('methodEditor.optionText')}
            value={option.text}
            onValueChange={(text) =>
              change((o) => {
                o.text = text;
              })
            }
            error={errors[`${at}.text`]}
            maxLength={500}
            required
          />
          <TextField
            label={t('methodEditor.optionReason')}
            value={option.reason}
            onValueChange={(reason) =>
              change((o) => {
                o.reason = reason;
              })
            }
            error={errors[`${at}.reason`]}
            maxLength={2000}
          />
        </div>
        <div className="implies">
          {draft.dimensions.map((d, di) => (
            <SelectField
              key={d.uid}
              label={t('methodEditor.implies', { dimension: d.name.trim() || t('methodEditor.dimensionN', { n: di + 1 }) })}
              value={option.implies[d.uid] ?? ''}
              onValueChange={(level) =>
                change((o) => {
                  if (level) o.implies[d.uid] = level;
                  else delete o.implies[d.uid];
                })
              }
              options={[
                { value: '', label: t('methodEditor.impliesNothing') },
                ...d.levels.map((l, li) => ({ value: l.uid, label: l.name.trim() || t('methodEditor.levelN', { n: li + 1 }) })),
              ]}
              error={di === 0 ? errors[`${at}.implies`] : undefined}
            />
          ))}
        </div>
        <RowActions
          label={label}
          index={oi}
          count={question.options.length}
          min={1}
          onMove={(to) =>
            update((d) => {
              const q = d.questions[qi];
              if (q) q.options = move(q.options, oi, to);
            })
          }
          onRemove={() =>
            update((d) => {
              d.questions[qi]?.options.splice(oi, 1);
            })
          }
        />
      </fieldset>
    </li>
  );
}

interface QuestionProps extends EditorPartProps {
  index: number;
  question: QuestionDraft;
  /** Open at first (a new question, or a short questionnaire). */
  initiallyOpen: boolean;
}

/** One question, collapsible (a copied questionnaire is long); it opens by itself when it has errors. */
function QuestionEditor(props: QuestionProps) {
  const { t, tp } = useI18n();
  const id = useId();
  const { draft, update, errors, index, question: q, initiallyOpen } = props;
  const at = `questions[${index}]`;
  const [open, setOpen] = useState(initiallyOpen);
  const hasErrors = Object.keys(errors).some((path) => path.startsWith(`${at}.`));
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  const change = (fn: (q: QuestionDraft) => void) =>
    update((d) => {
      const target = d.questions[index];
      if (target) fn(target);
    });
  return (
    <li className="method-item">
      <details className="question-editor" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="question-editor__summary">
          <span className="question-editor__title">{t('methodEditor.questionSummary', { n: index + 1, text: q.text.trim() || '…' })}</span>{' '}
          <span className="muted small">{tp('methodEditor.answerCount', q.options.length)}</span>
          {hasErrors && <span className="field__error"> {t('methodEditor.questionHasErrors')}</span>}
        </summary>
        <fieldset className="fieldset question-editor__body">
          <legend className="visually-hidden">{t('methodEditor.questionLegend', { n: index + 1 })}</legend>
          <TextField
            label={t('methodEditor.questionText')}
            value={q.text}
            onValueChange={(text) =>
              change((x) => {
                x.text = text;
              })
            }
            error={errors[`${at}.text`] ?? errors[`${at}.id`]}
            maxLength={1000}
            required
          />
          <div className="form-row form-row--method">
            <TextField
              label={t('methodEditor.questionHelp')}
              value={q.help}
              onValueChange={(help) =>
                change((x) => {
                  x.help = help;
                })
              }
              error={errors[`${at}.help`]}
              maxLength={2000}
            />
            <SelectField
              label={t('methodEditor.questionDimension')}
              hint={t('methodEditor.questionDimensionHint')}
              value={q.dimension}
              onValueChange={(dimension) =>
                change((x) => {
                  x.dimension = dimension;
                })
              }
              options={draft.dimensions.map((d, di) => ({
                value: d.uid,
                label: d.name.trim() || t('methodEditor.dimensionN', { n: di + 1 }),
              }))}
              error={errors[`${at}.dimension`]}
            />
          </div>
          <label className="checkbox checkbox--inline" htmlFor={`${id}-multiple`}>
            <input
              id={`${id}-multiple`}
              type="checkbox"
              checked={q.multiple}
              onChange={(e) => {
                const multiple = e.target.checked;
                change((x) => {
                  x.multiple = multiple;
                });
              }}
            />
            <span>{t('methodEditor.questionMultiple')}</span>
          </label>
          <h3 className="level-editor__title">{t('methodEditor.optionsTitle')}</h3>
          <p className="field__hint">{t('methodEditor.answersHint')}</p>
          {errors[`${at}.options`] && <p className="field__error">{errors[`${at}.options`]}</p>}
          <ol className="option-editors">
            {q.options.map((o, oi) => (
              <OptionEditor key={o.uid} {...props} qi={index} oi={oi} option={o} question={q} />
            ))}
          </ol>
          <div className="method-item__footer method-item__footer--split">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                change((x) => {
                  x.options.push(emptyOption());
                })
              }
            >
              {t('methodEditor.addOption', { n: index + 1 })}
            </button>
            <RowActions
              label={t('methodEditor.questionNamed', { n: index + 1 })}
              removeText={t('methodEditor.removeQuestion')}
              index={index}
              count={draft.questions.length}
              onMove={(to) =>
                update((d) => {
                  d.questions = move(d.questions, index, to);
                })
              }
              onRemove={() =>
                update((d) => {
                  d.questions.splice(index, 1);
                })
              }
            />
          </div>
        </fieldset>
      </details>
    </li>
  );
}

/** The optional guided questionnaire; without one, officers set each dimension's level with a reason. */
export function QuestionnaireEditor(props: EditorPartProps) {
  const t = useT();
  const { draft, update, errors } = props;
  // Questions present when the editor opened start collapsed if there are many; added ones start open.
  const [initial] = useState(() => new Set(draft.questions.length > 3 ? draft.questions.map((q) => q.uid) : []));
  return (
    <section className="card card--flat" aria-labelledby="method-questions-title">
      <h2 id="method-questions-title" className="card__title">
        {t('methodEditor.sections.questionnaire')}
      </h2>
      <p className="muted small">{t('methodEditor.questionnaireIntro')}</p>
      {errors.questions && <p className="field__error">{errors.questions}</p>}
      {draft.questions.length === 0 ? (
        <p className="alert alert--info">{t('methodEditor.noQuestions')}</p>
      ) : (
        <ol className="method-items">
          {draft.questions.map((q, i) => (
            <QuestionEditor key={q.uid} {...props} index={i} question={q} initiallyOpen={!initial.has(q.uid)} />
          ))}
        </ol>
      )}
      <div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            update((d) => {
              d.questions.push(emptyQuestion(d));
            })
          }
          disabled={draft.dimensions.length === 0}
        >
          {t('methodEditor.addQuestion')}
        </button>
      </div>
    </section>
  );
}
