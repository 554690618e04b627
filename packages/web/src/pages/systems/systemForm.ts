import { ApiError } from '../../api/client';
import type { InfoSystem, InfoSystemInput } from '../../api/register';
import type { FieldErrors } from '../../hooks/useSubmit';
import type { Translate } from '../../i18n';

export interface CustomFieldRow {
  /** Stable React key; not sent. */
  rowId: number;
  key: string;
  value: string;
}

export interface SystemFormValues {
  name: string;
  description: string;
  ownerId: string;
  departmentId: string;
  sector: string;
  kind: string;
  personalData: string[];
  hosting: string;
  supplier: string;
  lifecycle: string;
  tags: string;
  customFields: CustomFieldRow[];
}

let nextRowId = 1;
export const newRow = (key = '', value = ''): CustomFieldRow => ({ rowId: nextRowId++, key, value });

export function emptyValues(ownerId: string): SystemFormValues {
  return {
    name: '',
    description: '',
    ownerId,
    departmentId: '',
    sector: '',
    kind: '',
    personalData: ['none'],
    hosting: '',
    supplier: '',
    lifecycle: 'production',
    tags: '',
    customFields: [],
  };
}

export function valuesOf(s: InfoSystem): SystemFormValues {
  return {
    name: s.name,
    description: s.description,
    ownerId: s.ownerId ?? '',
    departmentId: s.departmentId ?? '',
    sector: s.sector,
    kind: s.kind,
    personalData: s.personalData,
    hosting: s.hosting,
    supplier: s.supplier ?? '',
    lifecycle: s.lifecycle,
    tags: s.tags.join(', '),
    customFields: Object.entries(s.customFields).map(([k, v]) => newRow(k, v)),
  };
}

/** "a, b,, a " → ["a", "b"] */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()))].filter(Boolean);
}

const filledRows = (rows: CustomFieldRow[]) => rows.filter((r) => r.key.trim() || r.value.trim());

/** The request body; `ownerId` only when the user may choose the owner (others may not send it). */
export function bodyOf(v: SystemFormValues, withOwner: boolean): InfoSystemInput {
  const body: InfoSystemInput = {
    name: v.name.trim(),
    description: v.description.trim(),
    departmentId: v.departmentId || null,
    sector: v.sector,
    kind: v.kind,
    personalData: v.personalData,
    hosting: v.hosting,
    supplier: v.supplier.trim() || null,
    lifecycle: v.lifecycle,
    tags: parseTags(v.tags),
    customFields: Object.fromEntries(filledRows(v.customFields).map((r) => [r.key.trim(), r.value])),
  };
  if (withOwner) body.ownerId = v.ownerId || null;
  return body;
}

export function validate(t: Translate, v: SystemFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const required = t('common.required');
  if (!v.name.trim()) errors.name = required;
  if (!v.sector) errors.sector = required;
  if (!v.kind) errors.kind = required;
  if (!v.hosting) errors.hosting = required;
  if (!v.lifecycle) errors.lifecycle = required;
  if (v.personalData.length === 0) errors.personalData = t('systems.form.personalDataRequired');
  const tags = parseTags(v.tags);
  if (tags.length > 30 || tags.some((tag) => tag.length > 50)) errors.tags = t('systems.form.tagsInvalid');
  const seen = new Set<string>();
  v.customFields.forEach((row, i) => {
    const key = row.key.trim();
    if (errors.customFields || (!key && !row.value.trim())) return;
    if (!key) errors.customFields = t('systems.form.keyRequired', { n: i + 1 });
    else if (key.length > 60) errors.customFields = t('systems.form.keyTooLong');
    else if (seen.has(key)) errors.customFields = t('systems.form.keyDuplicate', { key });
    seen.add(key);
  });
  return errors;
}

const FIELDS = new Set([
  'name',
  'description',
  'ownerId',
  'departmentId',
  'sector',
  'kind',
  'personalData',
  'hosting',
  'supplier',
  'lifecycle',
  'tags',
  'customFields',
]);

/**
 * Server field errors by form field. Paths look like "name" (checks by the
 * service) or "body.tags.0" / "body.customFields.x" (schema validation), so
 * the field is the first segment after "body" — not the last one.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    const parts = d.path.split(/[./]/).filter(Boolean);
    const field = parts[0] === 'body' ? parts[1] : parts[0];
    if (field && FIELDS.has(field) && !(field in out)) out[field] = d.message;
  }
  return out;
}
