import PDFDocument from 'pdfkit';
import type { LinePoint, ReportWriter, Stat, TableOptions } from './document.js';
import { BOLD, REGULAR, reportFonts } from './fonts.js';

/**
 * The reports engine: a small builder over pdfkit that gives every CityShield report the same
 * branding (the city's name and logo on each page, page numbers, generation time) and the few
 * building blocks reports for a council need — headings, plain paragraphs, key/value lists,
 * tables that break across pages, bar charts and heatmaps. Text is set in DejaVu Sans Condensed
 * (see fonts.ts), embedded as a subset, so Latin Extended, Greek and Cyrillic print as written;
 * the few characters it has no glyph for (CJK, emoji) are replaced rather than drawn as boxes.
 */

export interface ReportBranding {
  orgName: string;
  title: string;
  subtitle?: string;
  generatedAt: Date;
  /** PNG or JPEG bytes of the city's logo. */
  logo?: Buffer;
  timeZone?: string;
}

export interface Bar {
  label: string;
  /** 0..1 when `share` (shown as a percentage), else any non-negative number. */
  value: number | null;
}

const MARGIN = 50;
const INK = '#1f2933';
const MUTED = '#616e7c';
const ACCENT = '#1d4ed8';
const LINE = '#cbd2d9';
const TONES: Record<NonNullable<Stat['tone']>, string> = { good: '#2f9e44', warn: '#e8a317', bad: '#d9480f', neutral: ACCENT };
const TEXT_TONES: Record<NonNullable<Stat['tone']>, string> = { good: '#2b8a3e', warn: '#a8650b', bad: '#c92a2a', neutral: INK };

/** Invisible format characters (zero-width space and joiners, variation selectors, BOM): dropped when the font lacks them. */
const ignorable = (cp: number) =>
  (cp >= 0x200b && cp <= 0x200f) ||
  (cp >= 0x2060 && cp <= 0x2064) ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  cp === 0xfeff ||
  (cp >= 0xe0100 && cp <= 0xe01ef);

/**
 * Text as the report fonts can show it: every character they have a glyph for is kept (Latin
 * Extended, Greek, Cyrillic, punctuation, €); others (CJK, emoji, control characters) become "?"
 * instead of empty boxes. Tabs and line breaks are kept.
 */
export function pdfText(s: string): string {
  if (/^[\t\n\r\u0020-\u007e]*$/.test(s)) return s;
  const { covered } = reportFonts();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const control = cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
    if (ch === '\t' || ch === '\n' || ch === '\r' || (!control && covered.has(cp))) out += ch;
    else if (!ignorable(cp)) out += '?';
  }
  return out;
}

/** A colour from red (0) through amber to green (1) for shares; grey for no data. */
export function shareColour(share: number | null): string {
  if (share === null) return '#e4e7eb';
  const s = Math.max(0, Math.min(1, share));
  const hue = Math.round(s * 120);
  return hslToHex(hue, 65, 78);
}

function hslToHex(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(Math.min(k - 3, 9 - k, 1), -1);
    return Math.round(255 * c)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

export class PdfReport implements ReportWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(private readonly branding: ReportBranding) {
    // Fails here, before anything is written, when the font package is missing.
    const fonts = reportFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN + 20, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
      bufferPages: true,
      // Document properties are stored as UTF-16 by pdfkit: no replacement needed.
      info: { Title: branding.title, Author: branding.orgName, Creator: 'CityShield' },
    });
    for (const [name, bytes] of fonts.files) this.doc.registerFont(name, bytes);
    this.doc.font(REGULAR);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.titleBlock();
  }

  get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  private titleBlock() {
    const d = this.doc;
    const b = this.branding;
    if (b.logo) {
      try {
        d.image(b.logo, MARGIN, MARGIN, { fit: [120, 48] });
        d.moveDown(3);
      } catch {
        // A logo pdfkit cannot read is left out rather than failing the report.
      }
    }
    d.fillColor(MUTED).font(REGULAR).fontSize(11).text(pdfText(b.orgName));
    d.moveDown(0.3);
    d.fillColor(INK).font(BOLD).fontSize(22).text(pdfText(b.title));
    // DejaVu sits lower in its line than Helvetica did: a little air keeps the title off the subtitle.
    d.moveDown(0.1);
    if (b.subtitle) d.fillColor(MUTED).font(REGULAR).fontSize(12).text(pdfText(b.subtitle));
    d.moveDown(0.3);
    d.fillColor(MUTED)
      .font(REGULAR)
      .fontSize(9)
      .text(`Generated ${formatDateTime(b.generatedAt, b.timeZone)}`);
    d.moveDown(1);
    this.rule();
  }

  private rule() {
    const y = this.doc.y;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    this.doc.moveDown(0.8);
  }

  /** Starts a new page when less than `height` points are left. */
  ensure(height: number): this {
    if (this.doc.y + height > this.doc.page.height - MARGIN - 20) this.doc.addPage();
    return this;
  }

  pageBreak(): this {
    this.doc.addPage();
    return this;
  }

  heading(text: string, level: 1 | 2 = 1): this {
    this.ensure(level === 1 ? 60 : 40);
    this.doc.moveDown(level === 1 ? 0.6 : 0.3);
    this.doc
      .fillColor(level === 1 ? ACCENT : INK)
      .font(BOLD)
      .fontSize(level === 1 ? 15 : 12)
      .text(pdfText(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4);
    return this;
  }

  paragraph(text: string, opts: { muted?: boolean; size?: number } = {}): this {
    this.doc
      .fillColor(opts.muted ? MUTED : INK)
      .font(REGULAR)
      .fontSize(opts.size ?? 10.5)
      .text(pdfText(text), MARGIN, this.doc.y, { width: this.width, lineGap: 2 });
    this.doc.moveDown(0.6);
    return this;
  }

  keyValues(rows: ReadonlyArray<readonly [string, string]>): this {
    const keyWidth = Math.min(170, this.width * 0.35);
    for (const [k, v] of rows) {
      // Measured in the font it is drawn in, the key as well as the value (either may wrap).
      this.doc.font(REGULAR).fontSize(10);
      const h = Math.max(
        this.doc.heightOfString(pdfText(v), { width: this.width - keyWidth }),
        this.doc.heightOfString(pdfText(k), { width: keyWidth - 8 }),
        12,
      );
      this.ensure(h + 4);
      const y = this.doc.y;
      this.doc.fillColor(MUTED).text(pdfText(k), MARGIN, y, { width: keyWidth - 8 });
      this.doc.fillColor(INK).text(pdfText(v), MARGIN + keyWidth, y, { width: this.width - keyWidth });
      this.doc.y = y + h + 3;
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.5);
    return this;
  }

  /**
   * A table with a repeated header on every page; `widths` are fractions of the page width.
   * `firstLineBold`: the first line of the first column is a title (bold), the rest detail (grey);
   * `tone`: colours a cell's text (e.g. a status: good green, warn amber, bad red).
   */
  table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, widths?: readonly number[], opts: TableOptions = {}): this {
    const w = (widths ?? headers.map(() => 1 / headers.length)).map((f) => f * this.width);
    const split = (c: string, i: number, header: boolean): [string, string | null] => {
      if (header || i !== 0 || !opts.firstLineBold) return [c, null];
      const n = c.indexOf('\n');
      return n < 0 ? [c, null] : [c.slice(0, n), c.slice(n + 1)];
    };
    // A header word wider than its column ("Implemented" in a narrow one) is set smaller, down
    // to 7.5 pt, rather than broken inside the word; its baseline stays in line with the others
    // (DejaVu's ascent is 0.93 em).
    const headerSize = (text: string, width: number) => {
      this.doc.font(BOLD).fontSize(9);
      const widest = Math.max(
        0,
        ...pdfText(text)
          .split(/\s+/)
          .map((word) => this.doc.widthOfString(word)),
      );
      return widest <= width ? 9 : Math.max(7.5, Math.floor((18 * width) / widest) / 2);
    };
    const drawRow = (cells: readonly string[], header: boolean) => {
      const parts = cells.map((c, i) => {
        const [first, rest] = split(c, i, header);
        const width = (w[i] ?? 50) - 6;
        const tone = header ? undefined : opts.tone?.(cells, i);
        const bold = header || (opts.firstLineBold === true && i === 0) || tone === 'bad';
        return { first, rest, width, tone, font: bold ? BOLD : REGULAR, size: header ? headerSize(first, width) : 9 };
      });
      const heights = parts.map(({ first, rest, width, font, size }) => {
        this.doc.font(font).fontSize(size);
        const top = this.doc.heightOfString(pdfText(first), { width });
        this.doc.font(REGULAR).fontSize(8.5);
        return top + (rest ? this.doc.heightOfString(pdfText(rest), { width }) + 1 : 0);
      });
      const h = Math.max(...heights, 10) + 6;
      return {
        h,
        draw: (y: number) => {
          let x = MARGIN;
          if (header) this.doc.rect(MARGIN, y, this.width, h).fill('#f0f4f8');
          parts.forEach(({ first, rest, width, tone, font, size }, i) => {
            this.doc
              .fillColor(tone ? TEXT_TONES[tone] : INK)
              .font(font)
              .fontSize(size)
              .text(pdfText(first), x + 3, y + 3 + (9 - size) * 0.93, { width });
            if (rest) {
              const top = this.doc.y;
              this.doc
                .fillColor(MUTED)
                .font(REGULAR)
                .fontSize(8.5)
                .text(pdfText(rest), x + 3, top + 1, { width });
            }
            x += w[i] ?? 50;
          });
          this.doc
            .moveTo(MARGIN, y + h)
            .lineTo(MARGIN + this.width, y + h)
            .lineWidth(0.3)
            .strokeColor(LINE)
            .stroke();
          this.doc.y = y + h;
        },
      };
    };
    const header = drawRow(headers, true);
    const firstRow = rows[0] ? drawRow(rows[0], false) : undefined;
    this.ensure(header.h + Math.min(firstRow?.h ?? header.h, 120));
    header.draw(this.doc.y);
    for (const r of rows) {
      const row = drawRow(r, false);
      if (this.doc.y + row.h > this.doc.page.height - MARGIN - 20) {
        this.doc.addPage();
        header.draw(this.doc.y);
      }
      row.draw(this.doc.y);
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.8);
    return this;
  }

  /** Points left on the current page above the footer. */
  spaceLeft(): number {
    return this.doc.page.height - MARGIN - 20 - this.doc.y;
  }

  /** Horizontal bars, one per item; shares are drawn against 100 %. */
  bars(title: string, items: readonly Bar[], opts: { share?: boolean } = {}): this {
    const share = opts.share ?? true;
    const max = share ? 1 : Math.max(1, ...items.map((i) => i.value ?? 0));
    const labelWidth = this.width * 0.35;
    const barWidth = this.width * 0.5;
    this.heading(title, 2);
    for (const item of items) {
      this.ensure(18);
      const y = this.doc.y;
      this.doc
        .fillColor(INK)
        .font(REGULAR)
        .fontSize(9)
        .text(pdfText(item.label), MARGIN, y + 2, { width: labelWidth - 6, ellipsis: true, height: 12 });
      this.doc.rect(MARGIN + labelWidth, y, barWidth, 12).fill('#eef2f6');
      const v = item.value ?? 0;
      const len = Math.max(0, Math.min(1, v / max)) * barWidth;
      if (item.value !== null) this.doc.rect(MARGIN + labelWidth, y, len, 12).fill(share ? shareColour(v) : ACCENT);
      const shown = item.value === null ? '–' : share ? `${Math.round(v * 100)} %` : String(v);
      this.doc
        .fillColor(INK)
        .fontSize(9)
        .text(shown, MARGIN + labelWidth + barWidth + 6, y + 2, { width: this.width - labelWidth - barWidth - 6 });
      this.doc.y = y + 16;
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.6);
    return this;
  }

  /** A grid of coloured cells (rows × columns); values are shares (0..1) or counts with `format`. */
  heatmap(
    title: string,
    rows: readonly string[],
    columns: readonly string[],
    cells: ReadonlyArray<ReadonlyArray<number | null>>,
    opts: { format?: (v: number) => string; colour?: (v: number | null) => string } = {},
  ): this {
    const format = opts.format ?? ((v: number) => `${Math.round(v * 100)} %`);
    const colour = opts.colour ?? shareColour;
    const labelWidth = this.width * 0.3;
    const cellWidth = (this.width - labelWidth) / Math.max(1, columns.length);
    const h = 18;
    this.heading(title, 2);
    this.ensure(h * (rows.length + 1) + 10);
    let y = this.doc.y;
    columns.forEach((c, i) => {
      this.doc
        .fillColor(MUTED)
        .font(BOLD)
        .fontSize(8.5)
        .text(pdfText(c), MARGIN + labelWidth + i * cellWidth, y + 4, { width: cellWidth, align: 'center' });
    });
    y += h;
    rows.forEach((r, ri) => {
      if (y + h > this.doc.page.height - MARGIN - 20) {
        this.doc.addPage();
        y = this.doc.y;
      }
      this.doc
        .fillColor(INK)
        .font(REGULAR)
        .fontSize(9)
        .text(pdfText(r), MARGIN, y + 4, { width: labelWidth - 6, ellipsis: true, height: 12 });
      columns.forEach((_, ci) => {
        const v = cells[ri]?.[ci] ?? null;
        this.doc.rect(MARGIN + labelWidth + ci * cellWidth + 1, y + 1, cellWidth - 2, h - 2).fill(colour(v));
        this.doc
          .fillColor(INK)
          .fontSize(8.5)
          .text(v === null ? '–' : format(v), MARGIN + labelWidth + ci * cellWidth, y + 5, { width: cellWidth, align: 'center' });
      });
      y += h;
    });
    this.doc.x = MARGIN;
    this.doc.y = y + 8;
    this.doc.moveDown(0.5);
    return this;
  }

  /** A bulleted list; each item may wrap over several lines. */
  bullets(items: readonly string[]): this {
    const indent = 14;
    for (const item of items) {
      this.doc.font(REGULAR).fontSize(10.5);
      const h = this.doc.heightOfString(pdfText(item), { width: this.width - indent, lineGap: 2 });
      this.ensure(h + 4);
      const y = this.doc.y;
      this.doc.fillColor(ACCENT).text('•', MARGIN + 2, y, { width: indent, lineBreak: false });
      this.doc.fillColor(INK).text(pdfText(item), MARGIN + indent, y, { width: this.width - indent, lineGap: 2 });
      this.doc.y = Math.max(this.doc.y, y + h) + 3;
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.4);
    return this;
  }

  /** Key figures as tiles, up to four in a row: a large value, its label (up to two lines) and an optional note. */
  stats(items: readonly Stat[]): this {
    const perRow = Math.min(4, Math.max(1, items.length));
    const gap = 10;
    const w = (this.width - gap * (perRow - 1)) / perRow;
    const h = 70;
    for (let start = 0; start < items.length; start += perRow) {
      this.ensure(h + 10);
      const y = this.doc.y;
      items.slice(start, start + perRow).forEach((s, i) => {
        const x = MARGIN + i * (w + gap);
        this.doc.rect(x, y, w, h).fill('#f5f7fa');
        this.doc.rect(x, y, 3, h).fill(TONES[s.tone ?? 'neutral']);
        // A long value ("2332 of 4955") is set smaller rather than cut.
        let size = 19;
        this.doc.font(BOLD).fontSize(size);
        while (size > 11 && this.doc.widthOfString(pdfText(s.value)) > w - 16) this.doc.fontSize(--size);
        this.doc
          .fillColor(INK)
          .text(pdfText(s.value), x + 10, y + 8 + (19 - size) * 0.7, { width: w - 16, lineBreak: false, ellipsis: true, height: 22 });
        this.doc.font(REGULAR).fontSize(8.5);
        const labelHeight = Math.min(22, this.doc.heightOfString(pdfText(s.label), { width: w - 16 }));
        this.doc.fillColor(INK).text(pdfText(s.label), x + 10, y + 32, { width: w - 16, height: 22, ellipsis: true });
        if (s.note)
          this.doc
            .fillColor(MUTED)
            .fontSize(7.5)
            .text(pdfText(s.note), x + 10, y + 34 + labelHeight, { width: w - 16, height: h - 38 - labelHeight, ellipsis: true });
      });
      this.doc.y = y + h + 10;
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.4);
    return this;
  }

  /**
   * A line over time (e.g. the compliance trend). Shares are drawn against 0–100 %; a missing
   * value leaves a gap. One point is drawn as a dot, so a new installation still gets a chart.
   */
  lineChart(title: string, points: readonly LinePoint[], opts: { share?: boolean; height?: number } = {}): this {
    const share = opts.share ?? true;
    const height = opts.height ?? 150;
    this.heading(title, 2);
    this.ensure(height + 30);
    const axisWidth = 34;
    const x0 = MARGIN + axisWidth;
    const plotWidth = this.width - axisWidth - 10;
    const y0 = this.doc.y + 4;
    const values = points.map((p) => p.value).filter((v): v is number => v !== null);
    const max = share ? 1 : Math.max(1, ...values) * 1.1;
    const yOf = (v: number) => y0 + height - (Math.max(0, Math.min(max, v)) / max) * height;
    const xOf = (i: number) => (points.length <= 1 ? x0 + plotWidth / 2 : x0 + (i / (points.length - 1)) * plotWidth);
    // Grid and axis labels.
    for (let k = 0; k <= 4; k++) {
      const v = (max * k) / 4;
      const y = yOf(v);
      this.doc
        .moveTo(x0, y)
        .lineTo(x0 + plotWidth, y)
        .lineWidth(0.3)
        .strokeColor(k === 0 ? MUTED : LINE)
        .stroke();
      this.doc
        .fillColor(MUTED)
        .font(REGULAR)
        .fontSize(7.5)
        .text(share ? `${Math.round(v * 100)} %` : String(Math.round(v)), MARGIN, y - 4, {
          width: axisWidth - 6,
          align: 'right',
          lineBreak: false,
        });
    }
    // The line, broken where a value is missing.
    let drawing = false;
    points.forEach((p, i) => {
      if (p.value === null) {
        drawing = false;
        return;
      }
      if (drawing) this.doc.lineTo(xOf(i), yOf(p.value));
      else this.doc.moveTo(xOf(i), yOf(p.value));
      drawing = true;
    });
    this.doc.lineWidth(1.6).strokeColor(ACCENT).stroke();
    const dots = points.length <= 40;
    points.forEach((p, i) => {
      if (p.value === null || (!dots && i !== points.length - 1)) return;
      this.doc.circle(xOf(i), yOf(p.value), 2.6).fill(ACCENT);
    });
    // The last value is labelled; first, middle and last dates under the axis.
    const lastIndex = points.findLastIndex((p) => p.value !== null);
    const last = points[lastIndex];
    if (last && last.value !== null) {
      const label = share ? `${Math.round(last.value * 100)} %` : String(last.value);
      this.doc
        .fillColor(INK)
        .font(BOLD)
        .fontSize(8.5)
        .text(label, Math.min(xOf(lastIndex) - 20, x0 + plotWidth - 40), yOf(last.value) - 14, {
          width: 40,
          align: 'center',
          lineBreak: false,
        });
    }
    const ticks = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])].filter((i) => i >= 0);
    for (const i of ticks) {
      const p = points[i];
      if (!p) continue;
      const align = points.length <= 1 ? 'center' : i === 0 ? 'left' : i === points.length - 1 ? 'right' : 'center';
      const x = align === 'left' ? xOf(i) : align === 'right' ? xOf(i) - 80 : xOf(i) - 40;
      this.doc
        .fillColor(MUTED)
        .font(REGULAR)
        .fontSize(7.5)
        .text(pdfText(p.label), x, y0 + height + 5, { width: 80, align, lineBreak: false });
    }
    this.doc.x = MARGIN;
    this.doc.y = y0 + height + 20;
    this.doc.moveDown(0.5);
    return this;
  }

  /** Adds page numbers and the city's name to every page, then returns the file. */
  async toBuffer(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.height - MARGIN + 5;
      // A thin band in the report colour on every page; from page 2 on the city's name above it.
      this.doc.rect(0, 0, this.doc.page.width, 6).fill(ACCENT);
      if (i > range.start) {
        this.doc
          .fillColor(MUTED)
          .font(REGULAR)
          .fontSize(8)
          .text(pdfText(this.branding.orgName), MARGIN, MARGIN - 18, { width: this.width / 2, lineBreak: false })
          .text(pdfText(this.branding.title), MARGIN + this.width / 2, MARGIN - 18, {
            width: this.width / 2,
            align: 'right',
            lineBreak: false,
          });
      }
      // Writing below the bottom margin would make pdfkit add a page; lift the margin for the footer.
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .fillColor(MUTED)
        .font(REGULAR)
        .fontSize(8)
        .text(pdfText(`${this.branding.orgName} · ${this.branding.title}`), MARGIN, bottom, { width: this.width / 2, lineBreak: false })
        .text(`Page ${i + 1} of ${range.count}`, MARGIN + this.width / 2, bottom, {
          width: this.width / 2,
          align: 'right',
          lineBreak: false,
        });
      this.doc.page.margins.bottom = saved;
    }
    this.doc.end();
    return this.done;
  }
}

export function formatDateTime(d: Date, timeZone = 'UTC'): string {
  try {
    return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d)} (${timeZone})`;
  } catch {
    return d.toISOString();
  }
}
