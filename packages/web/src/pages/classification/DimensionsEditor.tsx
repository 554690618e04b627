import { TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import type { EditorPartProps } from './editorTypes';
import { type DimensionDraft, emptyDimension, emptyLevel, type MethodDraft, rankCount, slug } from './methodDraft';
import { move, RowActions } from './RowActions';

/** A level added at a new rank maps to the highest security level until the officer picks one. */
function mapNewRanks(d: MethodDraft) {
  const top = d.securityLevels[d.securityLevels.length - 1]?.uid;
  for (let rank = 0; rank < rankCount(d); rank++) if (!d.table[rank] && top) d.table[rank] = top;
}

interface DimensionProps extends EditorPartProps {
  index: number;
  dimension: DimensionDraft;
}

function DimensionEditor({ draft, update, errors, index, dimension: dim }: DimensionProps) {
  const t = useT();
  const at = `dimensions[${index}]`;
  const label = dim.name.trim() || t('methodEditor.dimensionN', { n: index + 1 });
  const change = (fn: (d: DimensionDraft, all: MethodDraft) => void) =>
    update((d) => {
      const target = d.dimensions[index];
      if (target) fn(target, d);
    });

  return (
    <li className="method-item">
      <fieldset className="fieldset">
        <legend className="method-item__legend">{t('methodEditor.dimensionLegend', { n: index + 1, name: dim.name.trim() || '…' })}</legend>
        <div className="form-row form-row--method">
          <TextField
            label={t('methodEditor.fieldNames.name')}
            value={dim.name}
            onValueChange={(name) =>
              change((d) => {
                d.name = name;
                if (!d.keyEdited) d.key = slug(name);
              })
            }
            error={errors[`${at}.name`]}
            maxLength={200}
            required
          />
          <TextField
            label={t('methodEditor.fieldNames.shortName')}
            hint={t('methodEditor.shortNameHint')}
            value={dim.shortName}
            onValueChange={(shortName) =>
              change((d) => {
                d.shortName = shortName;
              })
            }
            error={errors[`${at}.shortName`]}
            maxLength={10}
            required
          />
          <TextField
            label={t('methodEditor.fieldNames.key')}
            hint={t('methodEditor.keyHint')}
            value={dim.key}
            onValueChange={(key) =>
              change((d) => {
                d.key = key;
                d.keyEdited = true;
              })
            }
            error={errors[`${at}.key`]}
            maxLength={100}
            spellCheck={false}
            autoCapitalize="off"
            required
          />
        </div>
        <TextAreaField
          label={t('methodEditor.fieldNames.description')}
          value={dim.description}
          onValueChange={(description) =>
            change((d) => {
              d.description = description;
            })
          }
          error={errors[`${at}.description`]}
          rows={2}
          maxLength={2000}
        />
        <div className="level-editor">
          <h3 className="level-editor__title" id={`${dim.uid}-levels`}>
            {t('methodEditor.levelsTitle')}
          </h3>
          <p className="field__hint">{t('methodEditor.levelsHint')}</p>
          {errors[`${at}.levels`] && <p className="field__error">{errors[`${at}.levels`]}</p>}
          <ol className="level-rows" aria-labelledby={`${dim.uid}-levels`}>
            {dim.levels.map((level, j) => {
              const lat = `${at}.levels[${j}]`;
              const levelLabel = t('methodEditor.levelOf', {
                level: level.name.trim() || t('methodEditor.levelN', { n: j + 1 }),
                dimension: label,
              });
              return (
                <li key={level.uid} className="level-row">
                  <span className="level-row__rank" title={t('methodEditor.rankTitle')}>
                    <span className="visually-hidden">{t('methodEditor.rankTitle')} </span>
                    {j}
                  </span>
                  <TextField
                    label={t('methodEditor.levelName')}
                    value={level.name}
                    onValueChange={(name) =>
                      change((d) => {
                        const l = d.levels[j];
                        if (!l) return;
                        l.name = name;
                        if (!l.keyEdited) l.key = slug(name);
                      })
                    }
                    error={errors[`${lat}.name`]}
                    maxLength={200}
                    required
                  />
                  <TextField
                    label={t('methodEditor.fieldNames.key')}
                    value={level.key}
                    onValueChange={(key) =>
                      change((d) => {
                        const l = d.levels[j];
                        if (!l) return;
                        l.key = key;
                        l.keyEdited = true;
                      })
                    }
                    error={errors[`${lat}.key`] ?? errors[`${lat}.rank`]}
                    maxLength={100}
                    spellCheck={false}
                    autoCapitalize="off"
                    required
                  />
                  <TextField
                    label={t('methodEditor.fieldNames.description')}
                    value={level.description}
                    onValueChange={(description) =>
                      change((d) => {
                        const l = d.levels[j];
                        if (l) l.description = description;
                      })
                    }
                    error={errors[`${lat}.description`]}
                    maxLength={2000}
                    fieldClassName="level-row__description"
                  />
                  <RowActions
                    label={levelLabel}
                    index={j}
                    count={dim.levels.length}
                    min={1}
                    onMove={(to) =>
                      change((d) => {
                        d.levels = move(d.levels, j, to);
                      })
                    }
                    onRemove={() =>
                      change((d) => {
                        d.levels.splice(j, 1);
                      })
                    }
                  />
                </li>
              );
            })}
          </ol>
          <div>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() =>
                change((d, all) => {
                  d.levels.push(emptyLevel());
                  mapNewRanks(all);
                })
              }
            >
              {t('methodEditor.addLevel', { dimension: label })}
            </button>
          </div>
        </div>
        <div className="method-item__footer">
          <RowActions
            label={t('methodEditor.dimensionNamed', { name: label })}
            removeText={t('methodEditor.removeDimension')}
            index={index}
            count={draft.dimensions.length}
            min={1}
            onMove={(to) =>
              update((d) => {
                d.dimensions = move(d.dimensions, index, to);
              })
            }
            onRemove={() =>
              update((d) => {
                d.dimensions.splice(index, 1);
                const first = d.dimensions[0]?.uid ?? '';
                for (const q of d.questions) {
                  if (q.dimension === dim.uid) q.dimension = first;
                  for (const o of q.options) delete o.implies[dim.uid];
                }
              })
            }
          />
        </div>
      </fieldset>
    </li>
  );
}

/** The dimensions a system is rated on, each with its levels lowest first. */
export function DimensionsEditor(props: EditorPartProps) {
  const t = useT();
  const { draft, update, errors } = props;
  return (
    <section className="card card--flat" aria-labelledby="method-dimensions-title">
      <h2 id="method-dimensions-title" className="card__title">
        {t('methodEditor.sections.dimensions')}
      </h2>
      <p className="muted small">{t('methodEditor.dimensionsIntro')}</p>
      {errors.dimensions && <p className="field__error">{errors.dimensions}</p>}
      <ol className="method-items">
        {draft.dimensions.map((dim, i) => (
          <DimensionEditor key={dim.uid} {...props} index={i} dimension={dim} />
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            update((d) => {
              d.dimensions.push(emptyDimension(Math.max(1, rankCount(d))));
              mapNewRanks(d);
            })
          }
        >
          {t('methodEditor.addDimension')}
        </button>
      </div>
    </section>
  );
}
