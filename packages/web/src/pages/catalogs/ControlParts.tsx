import { createContext, type ReactNode, useContext, useId } from 'react';
import { hasMessage, type Translate, useT } from '../../i18n';
import { type OscalParam, type OscalPart, splitProse } from './oscal';

/** The control's parameters by id, for `{{ insert: param, … }}` in prose. */
export const ParamsContext = createContext<Map<string, OscalParam>>(new Map());

const MAX_NESTING = 3;

/** Choice text with insertions replaced by their plain-text form (choices may reference other parameters). */
function plainText(t: Translate, params: Map<string, OscalParam>, text: string, depth: number): string {
  return splitProse(text)
    .map((c) => ('text' in c ? c.text : depth < MAX_NESTING ? paramText(t, params, c.param, depth + 1) : c.param))
    .join('');
}

/** What a parameter stands for: its values, else its choices, else its label, else its id. */
export function paramText(t: Translate, params: Map<string, OscalParam>, id: string, depth = 0): string {
  const p = params.get(id);
  if (!p) return id;
  if (p.values.length > 0) return p.values.join(', ');
  if (p.select && p.select.choices.length > 0) {
    const choices = p.select.choices.map((c) => plainText(t, params, c, depth)).join('; ');
    return p.select.howMany === 'one-or-more'
      ? t('catalogs.control.selectionMany', { choices })
      : t('catalogs.control.selection', { choices });
  }
  if (p.label) return t('catalogs.control.assignment', { label: p.label });
  return id;
}

/** Prose as one plain string, insertions replaced by their text (for choices and guidelines). */
export function proseText(t: Translate, params: Map<string, OscalParam>, text: string): string {
  return plainText(t, params, text, 0);
}

/** Prose as plain text (never HTML), with parameter insertions as highlighted chips. */
export function Prose({ text }: { text: string }) {
  const t = useT();
  const params = useContext(ParamsContext);
  return (
    <p className="prose">
      {splitProse(text).map((chunk, i) =>
        'text' in chunk ? (
          chunk.text
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: chunks are positional and never reordered.
          <mark key={i} className="param-chip" title={t('catalogs.control.parameter', { id: chunk.param })}>
            {paramText(t, params, chunk.param)}
          </mark>
        ),
      )}
    </p>
  );
}

export function partName(t: Translate, name: string): string {
  const key = `catalogs.parts.${name}`;
  if (hasMessage(key)) return t(key);
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** Statement items ("a.", "1.") are listed with their label; other parts get a heading. */
const isItem = (p: OscalPart) => p.title === null && (p.name === 'item' || p.label !== null);

function Children({ parts, level }: { parts: OscalPart[]; level: number }) {
  const out: ReactNode[] = [];
  let run: OscalPart[] = [];
  const flush = () => {
    if (run.length === 0) return;
    out.push(
      <ul key={`items-${run[0]?.key}`} className="part-items">
        {run.map((p) => (
          <li key={p.key} className="part-items__item">
            {p.label && <span className="part-items__label">{p.label}</span>}
            <div className="part-items__body">
              {p.prose && <Prose text={p.prose} />}
              <Children parts={p.parts} level={level} />
            </div>
          </li>
        ))}
      </ul>,
    );
    run = [];
  };
  for (const p of parts) {
    if (isItem(p)) run.push(p);
    else {
      flush();
      out.push(<PartSection key={p.key} part={p} level={level} />);
    }
  }
  flush();
  return <>{out}</>;
}

/** A part with a heading (its title, else its name), its prose and its sub-parts, recursively. */
export function PartSection({ part, level }: { part: OscalPart; level: number }) {
  const t = useT();
  const id = useId();
  const Heading = HEADINGS[Math.min(level, 6) - 2] ?? 'h6';
  return (
    <section className={`part part--${level === 2 ? 'top' : 'nested'}`} aria-labelledby={id}>
      <Heading id={id} className="part__title">
        {part.title ?? partName(t, part.name)}
      </Heading>
      {part.prose && <Prose text={part.prose} />}
      <Children parts={part.parts} level={level + 1} />
    </section>
  );
}
