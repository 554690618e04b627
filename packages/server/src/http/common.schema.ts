import { z } from 'zod';

/** Shared request/response pieces. Unknown fields in bodies are refused (z.strictObject). */
export const ZId = z.string().uuid().describe('UUIDv7 identifier');
export const ZIdParams = z.strictObject({ id: ZId });

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ZError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

/** One line of text: trimmed, `min`–`max` characters, no control characters. */
export const ZLine = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

/** Free text of up to `max` characters: line breaks and tabs, no other control characters. */
export const ZText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, 'must not contain control characters');

/** A person-facing name: trimmed, 1–200 characters, no control characters. */
export const ZName = ZLine(200);

/** A calendar day as YYYY-MM-DD that exists (not 2026-02-30). */
export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real date');

/** A flag in a query string: "true" or "false". */
export const ZFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZEmail = z.string().trim().max(254).email();
export const ZPassword = z.string().min(1).max(1024);

export const errorResponses = { 400: ZError, 401: ZError, 403: ZError, 404: ZError, 409: ZError, 410: ZError, 429: ZError };
