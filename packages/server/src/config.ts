import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

/**
 * The only place that reads process.env. Everything is validated once at boot; a bad value stops
 * the process with one line per problem, naming the variable and what was expected.
 */
const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('CityShield <cityshield@localhost>'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(10000).default(30),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  OSCAL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(32 * 1024 * 1024),
  REGISTER_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(256 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  // Never "trust everything": a client could then forge X-Forwarded-For and dodge the per-address
  // login limit. A number trusts that many proxy hops ("true" = 1); otherwise a list of addresses.
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v): false | number | string[] =>
      v === 'false' || v === '0' || v === 'no'
        ? false
        : v === 'true' || v === 'yes'
          ? 1
          : /^\d+$/.test(v)
            ? Number(v)
            : v.split(',').map((x) => x.trim()),
    )
    .refine(
      (v) => !Array.isArray(v) || v.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a)),
      'a number of proxy hops, or proxy addresses / CIDR ranges separated by commas',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60000).default(1000),
  // Generated report files are copies of data kept elsewhere; after this many days they are removed.
  REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ROLE: z.enum(['web', 'worker', 'all']).default('all'),
});

export type TConfig = Readonly<
  z.infer<typeof ZConfig> & {
    databaseKind: 'sqlite' | 'postgres';
    baseUrl: string;
    secureCookies: boolean;
    sqlitePath: string;
    /** Evidence files, content-addressed by SHA-256; shared by every process of an installation. */
    evidenceDir: string;
  }
>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads `.env` from the working directory (if present) under the real environment. */
function readDotenv(cwd: string): Record<string, string> {
  const file = resolve(cwd, '.env');
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): TConfig {
  const merged = { ...readDotenv(cwd), ...env };
  // Empty strings mean "not set" so that `FOO= npm start` behaves like leaving FOO out.
  const input = Object.fromEntries(Object.entries(merged).filter(([k, v]) => k in ZConfig.shape && v !== undefined && v !== ''));
  const parsed = ZConfig.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(input[String(i.path[0])])})`),
    );
  }
  const c = parsed.data;
  const host = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST;
  const baseUrl = (c.BASE_URL ?? `http://${host}:${c.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    ...c,
    databaseKind: c.DATABASE_URL ? 'postgres' : 'sqlite',
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    sqlitePath: resolve(cwd, c.DATA_DIR, 'cityshield.db'),
    evidenceDir: resolve(cwd, c.DATA_DIR, 'evidence'),
  });
}
