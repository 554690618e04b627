import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Node 24 changed `node::ObjectWrap` so that better-sqlite3 12 aborts the process when a
 * statement is garbage-collected (WiseLibs/better-sqlite3#1515), and better-sqlite3 13 does not
 * run on Node 20. So on Node ≥ 24 CityShield uses Node's own `node:sqlite`, through this adapter
 * to the interface Kysely's SqliteDialect expects; on Node 20 and 22 it uses better-sqlite3 12.
 */
interface NodeStatement {
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
  columns?(): unknown[];
}

export interface NodeSqliteDatabase {
  prepare(sql: string): NodeStatement;
  exec(sql: string): void;
  close(): void;
}

interface NodeSqliteModule {
  DatabaseSync: new (path: string) => NodeSqliteDatabase;
  backup(source: NodeSqliteDatabase, destination: string): Promise<number>;
}

export const useNodeSqlite = (): boolean => Number(process.versions.node.split('.')[0]) >= 24;

let loaded: NodeSqliteModule | undefined;
export async function nodeSqlite(): Promise<NodeSqliteModule> {
  // A variable specifier keeps TypeScript (with Node 20 types) from resolving the module.
  const specifier = 'node:sqlite';
  loaded ??= (await import(specifier)) as NodeSqliteModule;
  return loaded;
}

const READER = /^\s*(select|with|pragma|explain|values)\b|\breturning\b/i;

export function adaptNodeSqlite(db: NodeSqliteDatabase): SqliteDatabase {
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const stmt = db.prepare(sql);
      const reader = stmt.columns ? stmt.columns().length > 0 : READER.test(sql);
      return {
        reader,
        all: (params) => stmt.all(...params),
        run: (params) => stmt.run(...params),
        iterate: (params) => stmt.iterate(...params),
      };
    },
  };
}
