import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The fonts of the PDF reports: DejaVu Sans Condensed (regular and bold) from the npm package
 * `dejavu-fonts-ttf`, a dependency of @cityshield/server. Unlike the standard PDF fonts (WinAnsi
 * only) they cover Latin Extended, Greek and Cyrillic, so "Šiaulių registras", "Київ портал" or
 * "Ελλάδα" print as written. The condensed cut is within a few per cent of Helvetica's widths,
 * so the reports keep their layout. pdfkit embeds only the glyphs a report uses.
 *
 * The files are resolved through Node's module resolution (works from src/ under vitest, from
 * dist/ and in a clean `npm ci`), read once per process and shared by every report. A missing or
 * unreadable font is an error, not a silent fallback to fonts that would print "?" for names.
 */

/** The names the fonts are registered under in each pdfkit document. */
export const REGULAR = 'CityShield-Regular';
export const BOLD = 'CityShield-Bold';

const PACKAGE = 'dejavu-fonts-ttf';
const FILES = {
  [REGULAR]: `${PACKAGE}/ttf/DejaVuSansCondensed.ttf`,
  [BOLD]: `${PACKAGE}/ttf/DejaVuSansCondensed-Bold.ttf`,
} as const;

export interface ReportFonts {
  /** Font name → TTF bytes, for `doc.registerFont(name, bytes)`. */
  files: ReadonlyArray<readonly [string, Buffer]>;
  /** Code points that every report font has a glyph for. */
  covered: ReadonlySet<number>;
}

let loaded: ReportFonts | undefined;

/** Loads the report fonts (once); throws a clear error when they are not installed. */
export function reportFonts(): ReportFonts {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const files: [string, Buffer][] = [];
  let covered: Set<number> | undefined;
  for (const [name, spec] of Object.entries(FILES)) {
    let bytes: Buffer;
    let font: fontkit.Font | fontkit.FontCollection;
    try {
      bytes = readFileSync(require.resolve(spec));
      font = fontkit.create(bytes);
    } catch (err) {
      throw new Error(
        `The PDF report font ${spec} could not be loaded (${(err as Error).message}). ` +
          `PDF reports need the npm package ${PACKAGE}, a dependency of @cityshield/server: run npm install (or npm ci).`,
      );
    }
    if (!('characterSet' in font)) throw new Error(`The PDF report font ${spec} is a font collection, not a single font.`);
    const chars = new Set(font.characterSet);
    covered = covered ? new Set([...covered].filter((c) => chars.has(c))) : chars;
    files.push([name, bytes]);
  }
  loaded = { files, covered: covered ?? new Set() };
  return loaded;
}
