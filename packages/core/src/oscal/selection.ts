/**
 * Import phase of profile resolution: which controls of a catalog an import selects.
 *
 * The result keeps the source structure (groups, nesting) so that `merge` can reproduce it
 * (`as-is`), flatten it (`flat`) or re-arrange it (`custom`). Objects of the source catalog are
 * referenced, not copied: later phases copy what they change.
 */
import type { ResolutionWarning } from './errors.js';
import { globToRegExp } from './json-util.js';
import type { BackMatter, Catalog, Control, Group, IncludeAll, Metadata, Parameter, SelectControlById } from './model.js';

/** A selected control with its selected descendants (unselected ones are left out). */
export interface SelectedControl {
  control: Control;
  children: SelectedControl[];
}

export interface SelectedGroup {
  group: Group;
  groups: SelectedGroup[];
  controls: SelectedControl[];
}

/** What one import contributes: the selected part of one (resolved) catalog. */
export interface Selection {
  /** Where the catalog came from (location or href), for messages. */
  source: string;
  metadata: Metadata;
  /** Loose catalog-level parameters: all are carried and pruned at the end if unreferenced. */
  params: Parameter[];
  controls: SelectedControl[];
  groups: SelectedGroup[];
  backMatter: BackMatter | undefined;
}

/** The include/exclude part of an `import` or of a custom `insert-controls`. */
export interface SelectionDirective {
  'include-all'?: IncludeAll;
  'include-controls'?: SelectControlById[];
  'exclude-controls'?: SelectControlById[];
}

interface CompiledRule {
  ids: Set<string>;
  patterns: RegExp[];
  withChildren: boolean;
}

function compileRules(rules: SelectControlById[] | undefined): CompiledRule[] {
  return (rules ?? []).map((rule) => ({
    ids: new Set(rule['with-ids'] ?? []),
    // A `matching` without a pattern matches nothing (spec requirement req-include-by-match-empty).
    patterns: (rule.matching ?? []).flatMap((m) => (m.pattern ? [globToRegExp(m.pattern)] : [])),
    withChildren: rule['with-child-controls'] === 'yes',
  }));
}

function ruleMatches(rule: CompiledRule, id: string): boolean {
  return rule.ids.has(id) || rule.patterns.some((p) => p.test(id));
}

/**
 * Decides, for every control of a tree, whether a directive selects it. The semantics are those
 * of the OSCAL specification and NIST's reference resolver (OPRXP):
 *  - a control is included when `include-all` is given, when an include rule names or matches
 *    it, when a rule with `with-child-controls: yes` names or matches one of its ancestors, or
 *    when a rule names or matches one of its descendants: parents of selected controls are
 *    selected too ("with-parent-controls" defaults to yes), which is why the rev5 PRIVACY
 *    baseline resolves to 102 controls although it names 96;
 *  - exclusion wins over inclusion; an exclude rule with `with-child-controls: yes` also
 *    excludes descendants. Unlike the XSLT we do not let an excluded *child* exclude its parent:
 *    excluding an enhancement must not silently drop the base control (JSON OSCAL has no
 *    `with-parent-controls` switch to turn that off).
 */
export class ControlSelector {
  private readonly includeAll: boolean;
  private readonly topLevelOnly: boolean;
  private readonly includes: CompiledRule[];
  private readonly excludes: CompiledRule[];
  readonly used = new Set<string>();

  constructor(directive: SelectionDirective) {
    const hasInclude = directive['include-all'] !== undefined || directive['include-controls'] !== undefined;
    // An import with only exclusions (or nothing at all) means "include all" (spec: implicit all).
    this.includeAll = directive['include-all'] !== undefined || !hasInclude;
    this.topLevelOnly = directive['include-all']?.['with-child-controls'] === 'no';
    this.includes = compileRules(directive['include-controls']);
    this.excludes = compileRules(directive['exclude-controls']);
  }

  /** Selects within a list of sibling controls; `ancestors` are the enclosing controls. */
  selectControls(controls: readonly Control[] | undefined, ancestors: readonly Control[] = []): SelectedControl[] {
    const out: SelectedControl[] = [];
    for (const control of controls ?? []) this.visit(control, ancestors, out);
    return out;
  }

  private visit(control: Control, ancestors: readonly Control[], out: SelectedControl[]): void {
    const path = [...ancestors, control];
    const children = this.selectControls(control.controls, path);
    if (this.isIncluded(control, ancestors, children) && !this.isExcluded(control, ancestors)) {
      out.push({ control, children });
    } else {
      // Not selected: selected descendants move up to this control's place ("up-levelled").
      out.push(...children);
    }
  }

  private isIncluded(control: Control, ancestors: readonly Control[], selectedChildren: readonly SelectedControl[]): boolean {
    if (this.includeAll) return !(this.topLevelOnly && ancestors.length > 0);
    let hit = false;
    for (const rule of this.includes) {
      if (ruleMatches(rule, control.id)) {
        this.used.add(control.id);
        hit = true;
      } else if (rule.withChildren && ancestors.some((a) => ruleMatches(rule, a.id))) {
        hit = true;
      }
    }
    if (hit) return true;
    // Implicit parent inclusion: a descendant was named or matched by an include rule.
    return selectedChildren.length > 0 && this.hasNamedDescendant(control);
  }

  private hasNamedDescendant(control: Control): boolean {
    for (const child of control.controls ?? []) {
      if (this.includes.some((rule) => ruleMatches(rule, child.id))) return true;
      if (this.hasNamedDescendant(child)) return true;
    }
    return false;
  }

  private isExcluded(control: Control, ancestors: readonly Control[]): boolean {
    return this.excludes.some(
      (rule) => ruleMatches(rule, control.id) || (rule.withChildren && ancestors.some((a) => ruleMatches(rule, a.id))),
    );
  }

  /** Ids and patterns of include rules that selected nothing, for a warning. */
  unmatchedIds(): string[] {
    return this.includes.flatMap((rule) => [...rule.ids].filter((id) => !this.used.has(id)));
  }
}

function selectGroups(groups: readonly Group[] | undefined, selector: ControlSelector): SelectedGroup[] {
  return (groups ?? []).map((group) => ({
    group,
    groups: selectGroups(group.groups, selector),
    controls: selector.selectControls(group.controls),
  }));
}

/** Applies one import's directives to a catalog (or a resolved imported profile). */
export function selectFromCatalog(
  catalog: Catalog,
  directive: SelectionDirective,
  source: string,
  warnings: ResolutionWarning[],
): Selection {
  const selector = new ControlSelector(directive);
  const selection: Selection = {
    source,
    metadata: catalog.metadata,
    params: catalog.params ?? [],
    controls: selector.selectControls(catalog.controls),
    groups: selectGroups(catalog.groups, selector),
    backMatter: catalog['back-matter'],
  };
  const missing = selector.unmatchedIds();
  if (missing.length > 0) {
    warnings.push({
      code: 'unmatched-selection',
      message: `import of ${source}: no control with id ${missing.map((id) => `"${id}"`).join(', ')} in the imported catalog`,
    });
  }
  return selection;
}

/** Depth-first walk over a selection's controls (parents before their children). */
export function* walkSelected(controls: readonly SelectedControl[]): Generator<SelectedControl> {
  for (const sc of controls) {
    yield sc;
    yield* walkSelected(sc.children);
  }
}

export function* walkSelectedGroups(groups: readonly SelectedGroup[]): Generator<SelectedGroup> {
  for (const g of groups) {
    yield g;
    yield* walkSelectedGroups(g.groups);
  }
}
