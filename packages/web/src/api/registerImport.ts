import { buildUrl, type Query } from './client';

/** Shapes of spreadsheet import (POST /systems/import[/preview]) and export (GET /systems/export). */

export type SpreadsheetFormat = 'csv' | 'xlsx';

export interface ImportCellError {
  /** A register field (`name`, `owner`, …, `custom:<field>`), or '' for the row as a whole. */
  column: string;
  message: string;
}

export interface ImportPreviewRow {
  /** The row number as the spreadsheet shows it (the header is usually row 1). */
  row: number;
  values: Record<string, string>;
  errors: ImportCellError[];
}

export interface ImportColumn {
  header: string;
  field: string | null;
  status: 'mapped' | 'read-only' | 'ignored';
}

export interface ImportPreview {
  columns: ImportColumn[];
  rows: ImportPreviewRow[];
  summary: { total: number; valid: number; invalid: number; duplicates: number };
}

export interface ImportResult {
  created: number;
  ids: string[];
}

/** The format of a chosen file, by its extension (or its type when the name says nothing). */
export function formatOfFile(file: { name: string; type: string }): SpreadsheetFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (file.type === 'text/csv') return 'csv';
  if (file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  return null;
}

/** A plain download link of the register with the list's filters. */
export function exportUrl(format: SpreadsheetFormat, filters: Query): string {
  return buildUrl('/systems/export', { ...filters, format });
}
