import { TextField } from '../../components/Field';
import { useT } from '../../i18n';
import type { EditorPartProps } from './editorTypes';
import { emptyLevel, rankCount, slug } from './methodDraft';
import { move, RowActions } from './RowActions';

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
      <ol className="level-rows">
        {draft.securityLevels.map((s, i) => {
          const at = `securityLevels[${i}]`;
          const label = t('methodEditor.securityLevelNamed', { name: s.name.trim() || t('methodEditor.levelN', { n: i + 1 }) });
          return (
            <li key={s.uid} className="level-row">
              <span className="level-row__rank" title={t('methodEditor.rankTitle')}>
                <span className="visually-hidden">{t('methodEditor.rankTitle')} </span>
                {i}
              </span>
              <TextField
                label={t('methodEditor.securityLevelName')}
                value={s.name}
                onValueChange={(name) =>
                  update((d) => {
                    const l = d.securityLevels[i];
                    if (!l) return;
                    l.name = name;
                    if (!l.keyEdited) l.key = slug(name);
                  })
                }
                error={errors[`${at}.name`]}
                maxLength={200}
                required
              />
              <TextField
                label={t('methodEditor.fieldNames.key')}
                value={s.key}
                onValueChange={(key) =>
                  update((d) => {
                    const l = d.securityLevels[i];
                    if (!l) return;
                    l.key = key;
                    l.keyEdited = true;
                  })
                }
                error={errors[`${at}.key`] ?? errors[`${at}.rank`]}
                maxLength={100}
                spellCheck={false}
                autoCapitalize="off"
                required
              />
              <TextField
                label={t('methodEditor.fieldNames.description')}
                value={s.description}
                onValueChange={(description) =>
                  update((d) => {
                    const l = d.securityLevels[i];
                    if (l) l.description = description;
                  })
                }
                error={errors[`${at}.description`]}
                maxLength={2000}
                fieldClassName="level-row__description"
              />
              <RowActions
                label={label}
                index={i}
                count={draft.securityLevels.length}
                min={1}
                onMove={(to) =>
                  update((d) => {
                    d.securityLevels = move(d.securityLevels, i, to);
                  })
                }
                onRemove={() =>
                  update((d) => {
                    d.securityLevels.splice(i, 1);
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
            update((d) => {
              d.securityLevels.push(emptyLevel());
            })
          }
        >
          {t('methodEditor.addSecurityLevel')}
        </button>
      </div>
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
