import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { TConfig } from '../config.js';
import { adaptNodeSqlite, nodeSqlite, useNodeSqlite } from './node-sqlite.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'sqlite' | 'postgres';
  /** SQLite's online backup (each SQLite driver has its own API for it). */
  backup?: (target: string) => Promise<void>;
  close(): Promise<void>;
}

// mmap_size: reads go through the operating system's page cache instead of being copied into
// SQLite's own 2 MB cache; at city scale (a 560 MB database) counting an organisation's records
// took 60 ms with the default and 27 ms with the map (bench/README.md). Address space only.
const PRAGMAS = ['journal_mode = WAL', 'foreign_keys = ON', 'busy_timeout = 5000', 'synchronous = NORMAL', 'mmap_size = 1073741824'];

export async function openDatabase(config: Pick<TConfig, 'databaseKind' | 'DATABASE_URL' | 'sqlitePath'>): Promise<DatabaseHandle> {
  if (config.databaseKind === 'postgres') {
    // Text for timestamps, integers for flags: the same values come back from both drivers.
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  mkdirSync(dirname(config.sqlitePath), { recursive: true });
  if (useNodeSqlite()) {
    const mod = await nodeSqlite();
    const raw = new mod.DatabaseSync(config.sqlitePath);
    for (const p of PRAGMAS) raw.exec(`PRAGMA ${p}`);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: adaptNodeSqlite(raw) }) });
    return {
      db,
      kind: 'sqlite',
      backup: async (target) => {
        await mod.backup(raw, target);
      },
      close: () => db.destroy(),
    };
  }
  const sqlite = new SQLite(config.sqlitePath);
  for (const p of PRAGMAS) sqlite.pragma(p);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    kind: 'sqlite',
    backup: async (target) => {
      await sqlite.backup(target);
    },
    close: () => db.destroy(),
  };
}

export async function databaseReachable(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
