import { useT } from '../../i18n';
import type { EditorPartProps } from './editorTypes';
import { LevelFields } from './LevelFields';
import { emptyLevel, rankCount } from './methodDraft';
import { RankedListEditor } from './RankedListEditor';

/** The overall levels a system can get (they select its baseline), lowest first. */
export function SecurityLevelsEditor({ draft, update, errors }: EditorPartProps) {
  const t = useT();
  return (
    <section className="card card--flat" aria-labelledby="method-security-levels-title">
      <h2 id="method-security-levels-title" className="card__title">
        {t('methodEditor.sections.securityLevels')}
      </h2>
      <p className="muted small">{t('methodEditor.securityLevelsIntro')}</p>
      {errors.securityLevels && <p className="field__error">{errors.securityLevels}</p>}
      <RankedListEditor
        items={draft.securityLevels}
        update={update}
        select={(d) => d.securityLevels}
        renderFields={(level, i, change) => (
          <LevelFields
            level={level}
            nameLabel={t('methodEditor.securityLevelName')}
            at={`securityLevels[${i}]`}
            errors={errors}
            change={change}
          />
        )}
        rowLabel={(level, i) => t('methodEditor.securityLevelNamed', { name: level.name.trim() || t('methodEditor.levelN', { n: i + 1 }) })}
        newItem={emptyLevel}
        addText={t('methodEditor.addSecurityLevel')}
      />
    </section>
  );
}

/** The rule: the highest rank any dimension has → the system's security level, one select per rank. */
export function MappingTableEditor({ draft, update, errors }: EditorPartProps) {
  const t = useT();
  const ranks = Array.from({ length: rankCount(draft) }, (_, rank) => rank);
  const options = draft.securityLevels.map((s, i) => ({ value: s.uid, label: s.name.trim() || t('methodEditor.levelN', { n: i + 1 }) }));
  return (
    <section className="card card--flat" aria-labelledby="method-table-title">
      <h2 id="method-table-title" className="card__title">
        {t('methodEditor.sections.table')}
      </h2>
      <p className="muted small">{t('methodEditor.tableIntro')}</p>
      {errors['securityLevelRule.table'] && <p className="field__error">{errors['securityLevelRule.table']}</p>}
      {errors.securityLevelRule && <p className="field__error">{errors.securityLevelRule}</p>}
      <div className="table-wrap">
        <table className="table table--mapping">
          <caption className="visually-hidden">{t('methodEditor.sections.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('methodEditor.tableRank')}</th>
              <th scope="col">{t('methodEditor.tableLevels')}</th>
              <th scope="col">{t('methodEditor.tableSecurityLevel')}</th>
            </tr>
          </thead>
          <tbody>
            {ranks.map((rank) => {
              const error = errors[`securityLevelRule.table.${rank}`];
              const id = `mapping-rank-${rank}`;
              const levels = draft.dimensions
                .filter((d) => d.levels[rank])
                .map((d) => `${d.shortName.trim() || d.name.trim() || '?'}: ${d.levels[rank]?.name.trim() || '?'}`);
              return (
                <tr key={rank}>
                  <th scope="row" className="cell-num">
                    {rank}
                  </th>
                  <td className="cell-wrap">{levels.join(' · ')}</td>
                  <td>
                    <div className={`field${error ? ' field--invalid' : ''}`}>
                      <label className="visually-hidden" htmlFor={id}>
                        {t('methodEditor.tableSelect', { rank })}
                      </label>
                      <select
                        id={id}
                        className="input select"
                        value={draft.table[rank] ?? ''}
                        onChange={(e) => {
                          const uid = e.target.value;
                          update((d) => {
                            d.table[rank] = uid;
                          });
                        }}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                      >
                        <option value="">{t('methodEditor.tableNone')}</option>
                        {options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      {error && (
                        <p className="field__error" id={`${id}-error`}>
                          {error}
                        </p>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
