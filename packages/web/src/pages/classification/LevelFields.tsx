import { TextField } from '../../components/Field';
import type { FieldErrors } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import { type LevelDraft, slug } from './methodDraft';

interface Props {
  level: LevelDraft;
  /** Label of the name field ("Level name", "Security level name"). */
  nameLabel: string;
  /** Path of the level in the errors ("securityLevels[1]"). */
  at: string;
  errors: FieldErrors;
  /** Applies `fn` to this level in the copy of the draft. */
  change: (fn: (level: LevelDraft) => void) => void;
}

/** Name, key and description of one level of a ranked list (a dimension's level or a security level). */
export function LevelFields({ level, nameLabel, at, errors, change }: Props) {
  const t = useT();
  return (
    <>
      <TextField
        label={nameLabel}
        value={level.name}
        onValueChange={(name) =>
          change((l) => {
            l.name = name;
            // The key follows the name until the officer edits it.
            if (!l.keyEdited) l.key = slug(name);
          })
        }
        error={errors[`${at}.name`]}
        maxLength={200}
        required
      />
      <TextField
        label={t('methodEditor.fieldNames.key')}
        value={level.key}
        onValueChange={(key) =>
          change((l) => {
            l.key = key;
            l.keyEdited = true;
          })
        }
        // The rank has no field (it is the position), so the server's complaints about it show here.
        error={errors[`${at}.key`] ?? errors[`${at}.rank`]}
        maxLength={100}
        spellCheck={false}
        autoCapitalize="off"
        required
      />
      <TextField
        label={t('methodEditor.fieldNames.description')}
        value={level.description}
        onValueChange={(description) =>
          change((l) => {
            l.description = description;
          })
        }
        error={errors[`${at}.description`]}
        maxLength={2000}
        fieldClassName="level-row__description"
      />
    </>
  );
}
