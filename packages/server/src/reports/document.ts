import type { Bar } from './pdf.js';

/**
 * What every report is written against: the building blocks of a CityShield report. A report is
 * written once and rendered by `PdfReport` (pdfkit) or `HtmlReport` (one self-contained HTML file),
 * so the PDF and HTML of a report always carry the same content.
 */

export type { Bar, ReportBranding } from './pdf.js';

/** A key figure shown as a tile ("Compliance 62 %"). */
export interface Stat {
  label: string;
  value: string;
  note?: string;
  /** The colour of the tile's edge: good (green), warn (amber), bad (red) or neutral (blue). */
  tone?: 'good' | 'warn' | 'bad' | 'neutral';
}

/** A point of a line chart; a null value leaves a gap in the line. */
export interface LinePoint {
  label: string;
  value: number | null;
}

export type Tone = NonNullable<Stat['tone']>;

export interface TableOptions {
  /** The first line of each first-column cell is a title (bold), the rest a detail (grey). */
  firstLineBold?: boolean;
  /** Colours a cell's text, e.g. a status (good green, warn amber, bad red). */
  tone?: (row: readonly string[], column: number) => Tone | undefined;
}

export interface HeatmapOptions {
  format?: (v: number) => string;
  colour?: (v: number | null) => string;
}

export interface ReportWriter {
  heading(text: string, level?: 1 | 2): this;
  paragraph(text: string, opts?: { muted?: boolean; size?: number }): this;
  keyValues(rows: ReadonlyArray<readonly [string, string]>): this;
  table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, widths?: readonly number[], opts?: TableOptions): this;
  bars(title: string, items: readonly Bar[], opts?: { share?: boolean }): this;
  heatmap(
    title: string,
    rows: readonly string[],
    columns: readonly string[],
    cells: ReadonlyArray<ReadonlyArray<number | null>>,
    opts?: HeatmapOptions,
  ): this;
  lineChart(title: string, points: readonly LinePoint[], opts?: { share?: boolean; height?: number }): this;
  stats(items: readonly Stat[]): this;
  bullets(items: readonly string[]): this;
  /** Room left on the current page (PDF); HTML has no pages and answers Infinity. */
  spaceLeft(): number;
  /** Keeps the next `height` points together (a new page in the PDF when they do not fit). */
  ensure(height: number): this;
  pageBreak(): this;
  toBuffer(): Promise<Buffer>;
}
