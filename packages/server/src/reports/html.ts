import type { Bar, HeatmapOptions, LinePoint, ReportBranding, ReportWriter, Stat, TableOptions } from './document.js';
import { formatDateTime, shareColour } from './pdf.js';

/**
 * The HTML twin of `PdfReport`: one self-contained file (inline CSS, charts as inline SVG, the logo
 * as a data: URI, no scripts, nothing fetched) that a person downloads and opens or forwards. Every
 * value is escaped; numbers that end up in style attributes are computed here, never taken from data.
 */

const ACCENT = '#1d4ed8';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const e = escapeHtml;
const num = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0);
const colour = (c: string) => (/^#[0-9a-f]{3,8}$/i.test(c) ? c : '#e4e7eb');

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#eef1f5;color:#1f2933;font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif}
.page{max-width:960px;margin:0 auto;background:#fff;padding:0 48px 40px;border-top:6px solid ${ACCENT}}
header.brand{padding:32px 0 16px;border-bottom:1px solid #cbd2d9;margin-bottom:16px}
header.brand img{max-height:56px;max-width:180px;display:block;margin-bottom:12px}
.org{color:#616e7c;font-size:14px}
h1{font-size:28px;margin:4px 0 2px}
.subtitle{color:#616e7c;font-size:16px}
.generated{color:#616e7c;font-size:12px;margin-top:6px}
h2{color:${ACCENT};font-size:20px;margin:28px 0 8px}
h3{font-size:16px;margin:20px 0 6px}
p{margin:0 0 10px}
p.muted{color:#616e7c}
dl.kv{display:grid;grid-template-columns:minmax(140px,30%) 1fr;gap:4px 16px;margin:0 0 14px}
dl.kv dt{color:#616e7c}
dl.kv dd{margin:0;white-space:pre-wrap}
table.data{width:100%;border-collapse:collapse;font-size:13px;margin:0 0 16px}
table.data th{background:#f0f4f8;text-align:left;font-weight:600}
table.data th,table.data td{padding:5px 6px;border-bottom:1px solid #cbd2d9;vertical-align:top;white-space:pre-wrap}
table.data .detail{color:#616e7c;font-size:12px}
.t-good{color:#2b8a3e}.t-warn{color:#a8650b}.t-bad{color:#c92a2a;font-weight:600}
figure{margin:0 0 16px}
figcaption{font-weight:600;margin:14px 0 8px}
.bar{display:grid;grid-template-columns:35% 1fr 64px;gap:8px;align-items:center;font-size:13px;margin:3px 0}
.bar .track{background:#eef2f6;height:14px}
.bar .fill{display:block;height:14px}
table.heat{border-collapse:separate;border-spacing:2px;font-size:13px}
table.heat th{color:#616e7c;font-weight:600;padding:2px 8px}
table.heat th.row{text-align:left;color:#1f2933;font-weight:400}
table.heat td{text-align:center;min-width:64px;padding:4px 8px}
svg.line{width:100%;height:auto;max-width:860px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:10px;margin:0 0 16px}
.tile{background:#f5f7fa;border-left:4px solid ${ACCENT};padding:10px 12px}
.tile.good{border-color:#2f9e44}.tile.warn{border-color:#e8a317}.tile.bad{border-color:#d9480f}
.tile .value{font-size:26px;font-weight:700;line-height:1.2}
.tile .label{font-size:13px}
.tile .note{font-size:12px;color:#616e7c}
ul.bullets{margin:0 0 12px;padding-left:22px}
hr.page-break{border:0;border-top:1px dashed #cbd2d9;margin:32px 0}
footer{color:#616e7c;font-size:12px;border-top:1px solid #cbd2d9;margin-top:32px;padding-top:8px}
@media print{body{background:#fff}.page{padding:0;border:0;max-width:none}hr.page-break{break-after:page;border:0;margin:0}}
`;

export class HtmlReport implements ReportWriter {
  private readonly parts: string[] = [];

  constructor(private readonly branding: ReportBranding) {}

  heading(text: string, level: 1 | 2 = 1): this {
    this.parts.push(level === 1 ? `<h2>${e(text)}</h2>` : `<h3>${e(text)}</h3>`);
    return this;
  }

  paragraph(text: string, opts: { muted?: boolean; size?: number } = {}): this {
    this.parts.push(`<p${opts.muted ? ' class="muted"' : ''}>${e(text)}</p>`);
    return this;
  }

  keyValues(rows: ReadonlyArray<readonly [string, string]>): this {
    this.parts.push(`<dl class="kv">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`);
    return this;
  }

  table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, widths?: readonly number[], opts: TableOptions = {}): this {
    const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${num(w * 100)}%">`).join('')}</colgroup>` : '';
    const head = `<thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>`;
    const td = (row: readonly string[], c: string, i: number) => {
      const tone = opts.tone?.(row, i);
      const cls = tone && tone !== 'neutral' ? ` class="t-${tone}"` : '';
      const n = c.indexOf('\n');
      if (i === 0 && opts.firstLineBold && n >= 0)
        return `<td${cls}><strong>${e(c.slice(0, n))}</strong><br><span class="detail">${e(c.slice(n + 1))}</span></td>`;
      return `<td${cls}>${i === 0 && opts.firstLineBold ? `<strong>${e(c)}</strong>` : e(c)}</td>`;
    };
    const body = rows.map((r) => `<tr>${r.map((c, i) => td(r, c, i)).join('')}</tr>`).join('');
    this.parts.push(`<table class="data">${cols}${head}<tbody>${body}</tbody></table>`);
    return this;
  }

  bars(title: string, items: readonly Bar[], opts: { share?: boolean } = {}): this {
    const share = opts.share ?? true;
    const max = share ? 1 : Math.max(1, ...items.map((i) => i.value ?? 0));
    const rows = items.map((i) => {
      const v = i.value ?? 0;
      const width = num(Math.max(0, Math.min(1, v / max)) * 100);
      const fill =
        i.value === null ? '' : `<span class="fill" style="width:${width}%;background:${colour(share ? shareColour(v) : ACCENT)}"></span>`;
      const shown = i.value === null ? '–' : share ? `${Math.round(v * 100)} %` : String(v);
      return `<div class="bar"><span>${e(i.label)}</span><span class="track">${fill}</span><span>${e(shown)}</span></div>`;
    });
    this.parts.push(`<figure><figcaption>${e(title)}</figcaption>${rows.join('')}</figure>`);
    return this;
  }

  heatmap(
    title: string,
    rows: readonly string[],
    columns: readonly string[],
    cells: ReadonlyArray<ReadonlyArray<number | null>>,
    opts: HeatmapOptions = {},
  ): this {
    const format = opts.format ?? ((v: number) => `${Math.round(v * 100)} %`);
    const paint = opts.colour ?? shareColour;
    const head = `<tr><th></th>${columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr>`;
    const body = rows
      .map((r, ri) => {
        const tds = columns.map((_, ci) => {
          const v = cells[ri]?.[ci] ?? null;
          return `<td style="background:${colour(paint(v))}">${e(v === null ? '–' : format(v))}</td>`;
        });
        return `<tr><th class="row">${e(r)}</th>${tds.join('')}</tr>`;
      })
      .join('');
    this.parts.push(`<figure><figcaption>${e(title)}</figcaption><table class="heat">${head}${body}</table></figure>`);
    return this;
  }

  lineChart(title: string, points: readonly LinePoint[], opts: { share?: boolean; height?: number } = {}): this {
    const share = opts.share ?? true;
    const W = 760;
    const H = 220;
    const left = 48;
    const right = 20;
    const top = 16;
    const bottom = 30;
    const pw = W - left - right;
    const ph = H - top - bottom;
    const values = points.map((p) => p.value).filter((v): v is number => v !== null);
    const max = share ? 1 : Math.max(1, ...values) * 1.1;
    const x = (i: number) => num(points.length <= 1 ? left + pw / 2 : left + (i / (points.length - 1)) * pw);
    const y = (v: number) => num(top + ph - (Math.max(0, Math.min(max, v)) / max) * ph);
    const svg: string[] = [];
    for (let k = 0; k <= 4; k++) {
      const v = (max * k) / 4;
      svg.push(
        `<line x1="${left}" x2="${left + pw}" y1="${y(v)}" y2="${y(v)}" stroke="${k === 0 ? '#616e7c' : '#cbd2d9'}" stroke-width="1"/>`,
      );
      svg.push(
        `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#616e7c">${share ? `${Math.round(v * 100)} %` : Math.round(v)}</text>`,
      );
    }
    let d = '';
    let drawing = false;
    points.forEach((p, i) => {
      if (p.value === null) {
        drawing = false;
        return;
      }
      d += `${drawing ? 'L' : 'M'}${x(i)} ${y(p.value)} `;
      drawing = true;
    });
    if (d) svg.push(`<path d="${d.trim()}" fill="none" stroke="${ACCENT}" stroke-width="2.5"/>`);
    points.forEach((p, i) => {
      if (p.value !== null && (points.length <= 40 || i === points.length - 1))
        svg.push(
          `<circle cx="${x(i)}" cy="${y(p.value)}" r="3.5" fill="${ACCENT}"><title>${e(`${p.label}: ${fmt(p.value, share)}`)}</title></circle>`,
        );
    });
    const lastIndex = points.findLastIndex((p) => p.value !== null);
    const last = points[lastIndex];
    if (last && last.value !== null)
      svg.push(
        `<text x="${Math.min(x(lastIndex), left + pw - 20)}" y="${y(last.value) - 9}" text-anchor="middle" font-size="12" font-weight="700" fill="#1f2933">${e(fmt(last.value, share))}</text>`,
      );
    const ticks = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])].filter((i) => i >= 0);
    for (const i of ticks) {
      const p = points[i];
      if (!p) continue;
      const anchor = points.length <= 1 ? 'middle' : i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
      svg.push(`<text x="${x(i)}" y="${H - 8}" text-anchor="${anchor}" font-size="11" fill="#616e7c">${e(p.label)}</text>`);
    }
    const alt = points.map((p) => `${p.label}: ${p.value === null ? '–' : fmt(p.value, share)}`).join(', ');
    this.parts.push(
      `<figure><figcaption>${e(title)}</figcaption><svg class="line" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(alt)}" xmlns="http://www.w3.org/2000/svg">${svg.join('')}</svg></figure>`,
    );
    return this;
  }

  stats(items: readonly Stat[]): this {
    const tiles = items.map(
      (s) =>
        `<div class="tile ${s.tone ?? 'neutral'}"><div class="value">${e(s.value)}</div><div class="label">${e(s.label)}</div>${s.note ? `<div class="note">${e(s.note)}</div>` : ''}</div>`,
    );
    this.parts.push(`<div class="tiles">${tiles.join('')}</div>`);
    return this;
  }

  bullets(items: readonly string[]): this {
    this.parts.push(`<ul class="bullets">${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`);
    return this;
  }

  spaceLeft(): number {
    return Number.POSITIVE_INFINITY;
  }

  ensure(_height: number): this {
    return this;
  }

  pageBreak(): this {
    this.parts.push('<hr class="page-break">');
    return this;
  }

  async toBuffer(): Promise<Buffer> {
    const b = this.branding;
    const logo = b.logo ? logoUri(b.logo) : null;
    const html = [
      '<!doctype html>',
      '<html lang="en"><head><meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="CityShield">',
      `<title>${e(`${b.title} · ${b.orgName}`)}</title>`,
      `<style>${STYLE}</style></head><body><div class="page">`,
      '<header class="brand">',
      logo ? `<img src="${logo}" alt="${e(b.orgName)}">` : '',
      `<div class="org">${e(b.orgName)}</div>`,
      `<h1>${e(b.title)}</h1>`,
      b.subtitle ? `<div class="subtitle">${e(b.subtitle)}</div>` : '',
      `<div class="generated">Generated ${e(formatDateTime(b.generatedAt, b.timeZone))}</div>`,
      '</header><main>',
      ...this.parts,
      `</main><footer>${e(`${b.orgName} · ${b.title}`)} · CityShield</footer></div></body></html>`,
    ].join('\n');
    return Buffer.from(html, 'utf8');
  }
}

function fmt(v: number, share: boolean): string {
  return share ? `${Math.round(v * 100)} %` : String(v);
}

/** Only PNG and JPEG (checked by their first bytes) become a data: URI; anything else is left out. */
function logoUri(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return `data:image/png;base64,${bytes.toString('base64')}`;
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return `data:image/jpeg;base64,${bytes.toString('base64')}`;
  return null;
}
