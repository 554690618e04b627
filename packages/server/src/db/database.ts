import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { TConfig } from '../config.js';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'sqlite' | 'postgres';
  /** Raw better-sqlite3 handle, for the online backup that only SQLite needs. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export function openDatabase(config: Pick<TConfig, 'databaseKind' | 'DATABASE_URL' | 'sqlitePath'>): DatabaseHandle {
  if (config.databaseKind === 'postgres') {
    // Text for timestamps, integers for flags: the same values come back from both drivers.
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  mkdirSync(dirname(config.sqlitePath), { recursive: true });
  const sqlite = new SQLite(config.sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: 'sqlite', sqlite, close: () => db.destroy() };
}

export async function databaseReachable(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
