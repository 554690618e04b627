import type { MethodInfo } from '../../api/classification';
import { ApiError } from '../../api/client';
import { METHOD_KEY, type MethodBody, type MethodDefinition, type NotationStyle, type QuestionDefinition } from '../../api/customMethods';
import type { FieldErrors } from '../../hooks/useSubmit';
import { hasMessage, type Translate } from '../../i18n';

/**
 * The method editor's form state. Levels and security levels get their rank from their position
 * (lowest first), so reordering a list is all it takes to change the scale. Items carry a `uid`
 * for React and for references (an answer implies a level of a dimension by uid, the mapping table
 * points at a security level by uid), so renaming a key never breaks them. Field ids are the
 * server's paths (`dimensions[0].levels[1].name`), so its errors land next to the right field.
 */

export interface LevelDraft {
  uid: string;
  key: string;
  name: string;
  description: string;
  /** The key follows the name until it is edited by hand. */
  keyEdited: boolean;
}

export interface DimensionDraft {
  uid: string;
  key: string;
  name: string;
  shortName: string;
  description: string;
  keyEdited: boolean;
  levels: LevelDraft[];
}

export interface OptionDraft {
  uid: string;
  id: string;
  text: string;
  reason: string;
  /** Dimension uid → level uid ('' or absent: says nothing about that dimension). */
  implies: Record<string, string>;
}

export interface QuestionDraft {
  uid: string;
  id: string;
  /** Dimension uid the question is mainly about. */
  dimension: string;
  text: string;
  help: string;
  multiple: boolean;
  options: OptionDraft[];
}

export interface MethodDraft {
  key: string;
  keyEdited: boolean;
  name: string;
  description: string;
  notation: NotationStyle;
  dimensions: DimensionDraft[];
  securityLevels: LevelDraft[];
  /** Rank (position of a level) → security level uid. */
  table: Record<number, string>;
  questions: QuestionDraft[];
}

let counter = 0;
export const newUid = (): string => {
  counter += 1;
  return `u${counter}`;
};

/** A key from a name: lower-case letters, digits and dashes. */
export function slug(text: string, max = 63): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** Keys inside a method: lower-case letters, digits, ".", "_" and "-". */
export const INNER_KEY = /^[a-z0-9][a-z0-9._-]*$/;

export const emptyLevel = (): LevelDraft => ({ uid: newUid(), key: '', name: '', description: '', keyEdited: false });

export const emptyDimension = (levels = 3): DimensionDraft => ({
  uid: newUid(),
  key: '',
  name: '',
  shortName: '',
  description: '',
  keyEdited: false,
  levels: Array.from({ length: levels }, emptyLevel),
});

export const emptyOption = (): OptionDraft => ({ uid: newUid(), id: '', text: '', reason: '', implies: {} });

export function emptyQuestion(draft: MethodDraft): QuestionDraft {
  return {
    uid: newUid(),
    id: '',
    dimension: draft.dimensions[0]?.uid ?? '',
    text: '',
    help: '',
    multiple: false,
    options: [emptyOption(), emptyOption()],
  };
}

/** A blank method: one dimension with three levels and three security levels mapped rank by rank. */
export function blankDraft(): MethodDraft {
  const securityLevels = [emptyLevel(), emptyLevel(), emptyLevel()];
  return {
    key: '',
    keyEdited: false,
    name: '',
    description: '',
    notation: 'rank',
    dimensions: [emptyDimension()],
    securityLevels,
    table: Object.fromEntries(securityLevels.map((s, i) => [i, s.uid])),
    questions: [],
  };
}

/** Number of ranks the mapping table needs: the longest dimension's levels. */
export const rankCount = (draft: MethodDraft): number => Math.max(0, ...draft.dimensions.map((d) => d.levels.length));

type SourceQuestion = {
  id: string;
  dimension: string;
  text: string;
  help?: string;
  multiple?: boolean;
  options: { id: string; text?: string; label?: string; reason: string; implies: { dimension: string; level: string }[] }[];
};

/**
 * A draft from a stored or built-in method and its questionnaire. `lowerKeys` turns keys lower-case
 * (for a copy of a built-in method such as ISKE, whose security levels are L, M and H).
 */
export function draftOf(
  method: Pick<MethodDefinition, 'key' | 'name' | 'description' | 'dimensions' | 'securityLevels' | 'notation'> & {
    securityLevelRule?: { table: Record<string, string> };
  },
  questions: SourceQuestion[],
  opts: { lowerKeys?: boolean } = {},
): MethodDraft {
  const k = (key: string) => (opts.lowerKeys ? key.toLowerCase() : key);
  const dimensions: DimensionDraft[] = method.dimensions.map((d) => ({
    uid: newUid(),
    key: k(d.key),
    name: d.name,
    shortName: d.shortName,
    description: d.description ?? '',
    keyEdited: true,
    levels: d.levels.map((l) => ({ uid: newUid(), key: k(l.key), name: l.name, description: l.description ?? '', keyEdited: true })),
  }));
  const securityLevels: LevelDraft[] = method.securityLevels.map((s) => ({
    uid: newUid(),
    key: k(s.key),
    name: s.name,
    description: s.description ?? '',
    keyEdited: true,
  }));
  // Ranks become positions: the table entry of position p is the one of the rank the level at p had.
  const table: Record<number, string> = {};
  const ruleTable = method.securityLevelRule?.table ?? {};
  const positions = Math.max(0, ...method.dimensions.map((d) => d.levels.length));
  for (let p = 0; p < positions; p++) {
    const rank = method.dimensions.find((d) => d.levels[p])?.levels[p]?.rank;
    const target = rank === undefined ? undefined : ruleTable[String(rank)];
    const index = method.securityLevels.findIndex((s) => s.key === target);
    const uid = securityLevels[index]?.uid;
    if (uid) table[p] = uid;
  }
  const dimUid = (key: string) => dimensions[method.dimensions.findIndex((d) => d.key === key)]?.uid;
  const levelUid = (dimension: string, level: string) => {
    const i = method.dimensions.findIndex((d) => d.key === dimension);
    const j = method.dimensions[i]?.levels.findIndex((l) => l.key === level) ?? -1;
    return dimensions[i]?.levels[j]?.uid;
  };
  return {
    key: method.key,
    keyEdited: true,
    name: method.name,
    description: method.description,
    notation: method.notation ?? 'level',
    dimensions,
    securityLevels,
    table,
    questions: questions.map((q) => ({
      uid: newUid(),
      id: q.id,
      dimension: dimUid(q.dimension) ?? dimensions[0]?.uid ?? '',
      text: q.text,
      help: q.help ?? '',
      multiple: q.multiple ?? false,
      options: q.options.map((o) => {
        const implies: Record<string, string> = {};
        for (const imp of o.implies) {
          const d = dimUid(imp.dimension);
          const l = levelUid(imp.dimension, imp.level);
          if (d && l) implies[d] = l;
        }
        return { uid: newUid(), id: o.id, text: o.text ?? o.label ?? '', reason: o.reason, implies };
      }),
    })),
  };
}

/** A copy as the start of a new method: new name, key from the name. */
export function copyDraft(t: Translate, source: MethodDraft): MethodDraft {
  const name = t('methodEditor.copyName', { name: source.name });
  return { ...source, name, key: slug(name), keyEdited: false };
}

/** The current method (GET /classification/method) as a template: built-in keys turned lower-case. */
export function draftOfInfo(info: Pick<MethodInfo, 'method' | 'questions'>): MethodDraft {
  return draftOf(info.method, info.questions, { lowerKeys: true });
}

/** Unique ids within a list: keeps given ones, fills the rest with `prefix` + position. */
function ids(given: string[], prefix: string): string[] {
  const used = new Set<string>();
  return given.map((id, i) => {
    let out = id.trim() && !used.has(id.trim()) ? id.trim() : `${prefix}${i + 1}`;
    let n = i + 1;
    while (used.has(out)) {
      n += 1;
      out = `${prefix}${n}`;
    }
    used.add(out);
    return out;
  });
}

const optional = (text: string) => (text.trim() ? { description: text.trim() } : {});

/** The PUT body. Ranks are positions; answers that imply nothing leave `implies` empty. */
export function bodyOf(draft: MethodDraft): MethodBody {
  const method: MethodDefinition = {
    key: draft.key.trim(),
    name: draft.name.trim(),
    description: draft.description.trim(),
    notation: draft.notation,
    dimensions: draft.dimensions.map((d) => ({
      key: d.key.trim(),
      name: d.name.trim(),
      shortName: d.shortName.trim(),
      ...optional(d.description),
      levels: d.levels.map((l, rank) => ({ key: l.key.trim(), name: l.name.trim(), rank, ...optional(l.description) })),
    })),
    securityLevels: draft.securityLevels.map((s, rank) => ({ key: s.key.trim(), name: s.name.trim(), rank, ...optional(s.description) })),
    securityLevelRule: {
      kind: 'max-rank-table',
      table: Object.fromEntries(
        Array.from({ length: rankCount(draft) }, (_, rank) => [
          String(rank),
          draft.securityLevels.find((s) => s.uid === draft.table[rank])?.key.trim() ?? '',
        ]),
      ),
    },
  };
  const questionIds = ids(
    draft.questions.map((q) => q.id),
    'q',
  );
  const questions: QuestionDefinition[] = draft.questions.map((q, i) => {
    const optionIds = ids(
      q.options.map((o) => o.id),
      'a',
    );
    return {
      id: questionIds[i] ?? `q${i + 1}`,
      dimension: draft.dimensions.find((d) => d.uid === q.dimension)?.key.trim() ?? '',
      text: q.text.trim(),
      ...(q.help.trim() ? { help: q.help.trim() } : {}),
      ...(q.multiple ? { multiple: true } : {}),
      options: q.options.map((o, j) => ({
        id: optionIds[j] ?? `a${j + 1}`,
        text: o.text.trim(),
        reason: o.reason.trim(),
        implies: draft.dimensions.flatMap((d) => {
          const level = d.levels.find((l) => l.uid === o.implies[d.uid]);
          return level ? [{ dimension: d.key.trim(), level: level.key.trim() }] : [];
        }),
      })),
    };
  });
  return { method, questions };
}

/** The obvious mistakes, found before the round trip; the server checks everything again. */
export function validateDraft(t: Translate, draft: MethodDraft, opts: { isNew: boolean; builtInKeys: string[] }): FieldErrors {
  const errors: FieldErrors = {};
  const put = (path: string, message: string) => {
    if (!(path in errors)) errors[path] = message;
  };
  const required = (path: string, value: string) => {
    if (!value.trim()) put(path, t('common.required'));
  };
  const key = (path: string, value: string, seen: Set<string>) => {
    const v = value.trim();
    if (!v) return put(path, t('common.required'));
    if (!INNER_KEY.test(v)) return put(path, t('methodEditor.errors.innerKey'));
    if (seen.has(v)) return put(path, t('methodEditor.errors.duplicateKey', { key: v }));
    seen.add(v);
  };

  if (opts.isNew) {
    const k = draft.key.trim();
    if (!k) put('key', t('common.required'));
    else if (!METHOD_KEY.test(k)) put('key', t('methodEditor.errors.methodKey'));
    else if (opts.builtInKeys.includes(k)) put('key', t('methodEditor.errors.builtInKey'));
  }
  required('name', draft.name);

  if (draft.dimensions.length === 0) put('dimensions', t('methodEditor.errors.noDimensions'));
  const dimKeys = new Set<string>();
  const shortNames = new Set<string>();
  draft.dimensions.forEach((d, i) => {
    const at = `dimensions[${i}]`;
    key(`${at}.key`, d.key, dimKeys);
    required(`${at}.name`, d.name);
    const short = d.shortName.trim();
    if (!short) put(`${at}.shortName`, t('common.required'));
    else if (shortNames.has(short)) put(`${at}.shortName`, t('methodEditor.errors.duplicateShortName', { shortName: short }));
    shortNames.add(short);
    if (d.levels.length === 0) put(`${at}.levels`, t('methodEditor.errors.noLevels'));
    const levelKeys = new Set<string>();
    d.levels.forEach((l, j) => {
      key(`${at}.levels[${j}].key`, l.key, levelKeys);
      required(`${at}.levels[${j}].name`, l.name);
    });
  });

  if (draft.securityLevels.length === 0) put('securityLevels', t('methodEditor.errors.noSecurityLevels'));
  const slKeys = new Set<string>();
  draft.securityLevels.forEach((s, i) => {
    key(`securityLevels[${i}].key`, s.key, slKeys);
    required(`securityLevels[${i}].name`, s.name);
  });

  // Every rank needs a security level, and a higher rank must never give a lower one.
  let previous = -1;
  for (let rank = 0; rank < rankCount(draft); rank++) {
    const index = draft.securityLevels.findIndex((s) => s.uid === draft.table[rank]);
    if (index < 0) put(`securityLevelRule.table.${rank}`, t('methodEditor.errors.unmapped'));
    else if (index < previous) put(`securityLevelRule.table.${rank}`, t('methodEditor.errors.descending'));
    else previous = index;
  }

  const rated = new Set<string>();
  draft.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    required(`${at}.text`, q.text);
    if (!draft.dimensions.some((d) => d.uid === q.dimension)) put(`${at}.dimension`, t('common.required'));
    if (q.options.length === 0) put(`${at}.options`, t('methodEditor.errors.noOptions'));
    q.options.forEach((o, j) => {
      required(`${at}.options[${j}].text`, o.text);
      const implied = draft.dimensions.filter((d) => d.levels.some((l) => l.uid === o.implies[d.uid]));
      for (const d of implied) rated.add(d.uid);
      if (implied.length > 0 && !o.reason.trim()) put(`${at}.options[${j}].reason`, t('methodEditor.errors.reasonNeeded'));
    });
  });
  if (draft.questions.length > 0) {
    const unrated = draft.dimensions.filter((d) => !rated.has(d.uid));
    if (unrated.length > 0)
      put('questions', t('methodEditor.errors.unrated', { dimensions: unrated.map((d) => d.name || d.key || '?').join(', ') }));
  }
  return errors;
}

/**
 * A server path in the editor's form: `method.dimensions[0].levels` and zod's
 * `body.questions.1.options.0.text` become `dimensions[0].levels` and `questions[1].options[0].text`.
 */
export function normalisePath(path: string): string {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  if (parts[0] === 'method') parts.shift();
  let out = '';
  parts.forEach((p, i) => {
    const numeric = /^\d+$/.test(p);
    // The mapping table's keys are ranks, not list positions: `securityLevelRule.table.2` stays.
    if (numeric && parts[i - 1] !== 'table') out += `[${p}]`;
    else out += out ? `.${p}` : p;
  });
  return out;
}

export interface ServerProblem {
  path: string;
  message: string;
}

/** The server's refusal as field errors (by normalised path) and as a list to show on top. */
export function serverProblems(error: unknown): { fields: FieldErrors; list: ServerProblem[] } {
  const fields: FieldErrors = {};
  const list: ServerProblem[] = [];
  if (!(error instanceof ApiError)) return { fields, list };
  for (const d of error.details) {
    const path = normalisePath(d.path);
    list.push({ path, message: d.message });
    if (!(path in fields)) fields[path] = d.message;
    // `implies[0].level` is shown on the answer as a whole.
    const implies = /^(questions\[\d+\]\.options\[\d+\])\.implies/.exec(path);
    if (implies?.[1] && !(`${implies[1]}.implies` in fields)) fields[`${implies[1]}.implies`] = d.message;
  }
  return { fields, list };
}

const FIELD_NAMES = ['key', 'name', 'shortName', 'description', 'levels', 'text', 'help', 'reason', 'options', 'dimension', 'implies'];

/** "Dimension 2 (Continuity) › Level 1 (Green) › Key" for a path such as `dimensions[1].levels[0].key`. */
export function readablePath(t: Translate, draft: MethodDraft, path: string): string {
  const out: string[] = [];
  const rest = path.split('.');
  let dimension: DimensionDraft | undefined;
  let question: QuestionDraft | undefined;
  for (const part of rest) {
    const m = /^(\w+)(?:\[(\d+)\])?(?:\[(\d+)\])?$/.exec(part);
    const name = m?.[1] ?? part;
    const index = m?.[2] === undefined ? undefined : Number(m[2]);
    const n = index === undefined ? 0 : index + 1;
    if (name === 'dimensions' && index !== undefined) {
      dimension = draft.dimensions[index];
      out.push(t('methodEditor.paths.dimension', { n, name: dimension?.name || '?' }));
    } else if (name === 'levels' && index !== undefined) {
      const l = dimension?.levels[index];
      out.push(t('methodEditor.paths.level', { n, name: l?.name || '?' }));
    } else if (name === 'securityLevels' && index !== undefined) {
      out.push(t('methodEditor.paths.securityLevel', { n, name: draft.securityLevels[index]?.name || '?' }));
    } else if (name === 'questions' && index !== undefined) {
      question = draft.questions[index];
      out.push(t('methodEditor.paths.question', { n }));
    } else if (name === 'options' && index !== undefined) {
      out.push(t('methodEditor.paths.option', { n, name: question?.options[index]?.text || '?' }));
    } else if (name === 'securityLevelRule') {
      out.push(t('methodEditor.paths.table'));
    } else if (name === 'table') {
      // the rank follows as its own part
    } else if (/^\d+$/.test(name) && rest.includes('table')) {
      out.push(t('methodEditor.paths.rank', { rank: name }));
    } else if (name === 'dimensions') {
      out.push(t('methodEditor.sections.dimensions'));
    } else if (name === 'securityLevels') {
      out.push(t('methodEditor.sections.securityLevels'));
    } else if (name === 'questions') {
      out.push(t('methodEditor.sections.questionnaire'));
    } else if (name === 'rank') {
      out.push(t('methodEditor.paths.order'));
    } else if (FIELD_NAMES.includes(name)) {
      const key = `methodEditor.fieldNames.${name}`;
      out.push(hasMessage(key) ? t(key) : name);
    } else if (name === 'notation') {
      out.push(t('methodEditor.notation'));
    } else out.push(part);
  }
  return out.join(' › ') || t('methodEditor.paths.method');
}

/** An example of the notation with each dimension at its second level (or first). */
export function notationExample(draft: MethodDraft): string {
  const parts = draft.dimensions.map((d) => {
    const index = Math.min(1, Math.max(0, d.levels.length - 1));
    const short = d.shortName.trim() || '?';
    if (draft.notation === 'rank') return `${short}${index}`;
    return `${short}:${d.levels[index]?.key.trim() || '?'}`;
  });
  return parts.join(draft.notation === 'rank' ? '' : ' ');
}
