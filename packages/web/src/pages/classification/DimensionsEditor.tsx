import { TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import type { EditorPartProps } from './editorTypes';
import { LevelFields } from './LevelFields';
import { type DimensionDraft, emptyDimension, emptyLevel, type MethodDraft, rankCount, slug } from './methodDraft';
import { RankedListEditor } from './RankedListEditor';
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
          <RankedListEditor
            items={dim.levels}
            update={update}
            select={(d) => d.dimensions[index]?.levels}
            labelledBy={`${dim.uid}-levels`}
            renderFields={(level, j, changeLevel) => (
              <LevelFields
                level={level}
                nameLabel={t('methodEditor.levelName')}
                at={`${at}.levels[${j}]`}
                errors={errors}
                change={changeLevel}
              />
            )}
            rowLabel={(level, j) =>
              t('methodEditor.levelOf', { level: level.name.trim() || t('methodEditor.levelN', { n: j + 1 }), dimension: label })
            }
            newItem={emptyLevel}
            // A new rank needs a security level in the mapping table.
            afterAdd={mapNewRanks}
            addText={t('methodEditor.addLevel', { dimension: label })}
          />
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
