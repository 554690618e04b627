import type { GraphNode, SystemGraph } from '../../api/register';

export const NODE_W = 184;
export const NODE_H = 54;
const GAP_X = 60;
const GAP_Y = 18;
const PAD = 16;
/** Room above the first row for the column headings, and above/below the nodes for routed edges. */
const HEADER = 28;
const LANE = 22;
/** Extra room on the right for arcs between two nodes of the last column. */
const ARC_ROOM = 52;

export interface PlacedNode extends GraphNode {
  layer: number;
  x: number;
  y: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  d: string;
  /** True when the edge touches the focus system. */
  focus: boolean;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Layer number, x of the centre and number of nodes of each column, for headings. */
  columns: { layer: number; x: number; count: number }[];
  width: number;
  height: number;
  headerY: number;
}

/**
 * Layer of every node = signed distance from the focus: what it depends on
 * (following edges) at +1, +2…, its dependents (against edges) at −1, −2….
 * Nodes reached neither way (e.g. another dependent of a dependency) are
 * placed one step from a neighbour that already has a layer.
 */
export function assignLayers(graph: SystemGraph): Map<string, number> {
  const focus = graph.nodes.find((n) => n.focus) ?? graph.nodes[0];
  const layer = new Map<string, number>();
  if (!focus) return layer;
  const out = new Map<string, string[]>();
  const inc = new Map<string, string[]>();
  for (const e of graph.edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    inc.set(e.to, [...(inc.get(e.to) ?? []), e.from]);
  }
  layer.set(focus.id, 0);
  for (const [step, next] of [
    [1, out],
    [-1, inc],
  ] as const) {
    let frontier = [focus.id];
    for (let d = step; frontier.length > 0; d += step) {
      const found: string[] = [];
      for (const id of frontier) {
        for (const n of next.get(id) ?? []) {
          if (!layer.has(n)) {
            layer.set(n, d);
            found.push(n);
          }
        }
      }
      frontier = found;
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of graph.edges) {
      const from = layer.get(e.from);
      const to = layer.get(e.to);
      if (from !== undefined && to === undefined) layer.set(e.to, from + 1);
      else if (to !== undefined && from === undefined) layer.set(e.from, to - 1);
      else continue;
      changed = true;
    }
  }
  for (const n of graph.nodes) if (!layer.has(n.id)) layer.set(n.id, 0);
  return layer;
}

const centre = (index: number, count: number) => (index - (count - 1) / 2) * (NODE_H + GAP_Y);

/** Order the nodes of each layer to reduce crossings: a few barycentre sweeps outwards from the focus. */
function orderLayers(graph: SystemGraph, layerOf: Map<string, number>): Map<number, GraphNode[]> {
  const layers = new Map<number, GraphNode[]>();
  for (const n of [...graph.nodes].sort((a, b) => a.name.localeCompare(b.name))) {
    const l = layerOf.get(n.id) ?? 0;
    layers.set(l, [...(layers.get(l) ?? []), n]);
  }
  const zero = (layers.get(0) ?? []).filter((n) => !n.focus);
  const focus = graph.nodes.find((n) => n.focus);
  if (focus) zero.splice(Math.floor(zero.length / 2), 0, focus);
  layers.set(0, zero);

  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const keys = [...layers.keys()];
  const outward = [...keys.filter((l) => l > 0).sort((a, b) => a - b), ...keys.filter((l) => l < 0).sort((a, b) => b - a)];
  for (let pass = 0; pass < 3; pass++) {
    for (const l of outward) {
      const inner = layers.get(l > 0 ? l - 1 : l + 1) ?? [];
      const pos = new Map(inner.map((n, i) => [n.id, centre(i, inner.length)]));
      const nodes = layers.get(l) ?? [];
      const score = new Map(
        nodes.map((n, i) => {
          const ys = (neighbours.get(n.id) ?? []).flatMap((id) => pos.get(id) ?? []);
          return [n.id, ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : centre(i, nodes.length)];
        }),
      );
      layers.set(
        l,
        [...nodes].sort((a, b) => (score.get(a.id) ?? 0) - (score.get(b.id) ?? 0)),
      );
    }
  }
  return layers;
}

/** Positions for an inline SVG: columns left to right by layer, nodes stacked and centred in each column. */
export function layoutGraph(graph: SystemGraph): GraphLayout {
  const layerOf = assignLayers(graph);
  const layers = orderLayers(graph, layerOf);
  const keys = [...layers.keys()].sort((a, b) => a - b);
  const min = keys[0] ?? 0;
  const tallest = Math.max(1, ...[...layers.values()].map((l) => l.length));
  const bodyH = tallest * NODE_H + (tallest - 1) * GAP_Y;
  const midY = PAD + HEADER + LANE + bodyH / 2;
  const colX = (l: number) => PAD + (l - min) * (NODE_W + GAP_X);

  const nodes: PlacedNode[] = [];
  const bounds = new Map<number, { top: number; bottom: number }>();
  for (const l of keys) {
    const list = layers.get(l) ?? [];
    list.forEach((n, i) => {
      nodes.push({ ...n, layer: l, x: colX(l), y: midY + centre(i, list.length) - NODE_H / 2 });
    });
    const half = (list.length * NODE_H + (list.length - 1) * GAP_Y) / 2;
    bounds.set(l, { top: midY - half, bottom: midY + half });
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const focusId = graph.nodes.find((n) => n.focus)?.id;

  const edges: PlacedEdge[] = [];
  for (const e of graph.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (!a || !b) continue;
    edges.push({ from: e.from, to: e.to, d: edgePath(a, b, bounds), focus: e.from === focusId || e.to === focusId });
  }
  const last = keys[keys.length - 1];
  const arcInLastColumn = graph.edges.some((e) => layerOf.get(e.from) === last && layerOf.get(e.to) === last);
  return {
    nodes,
    edges,
    columns: keys.map((l) => ({ layer: l, x: colX(l) + NODE_W / 2, count: layers.get(l)?.length ?? 0 })),
    width: PAD * 2 + (keys.length - 1) * (NODE_W + GAP_X) + NODE_W + (arcInLastColumn ? ARC_ROOM : 0),
    height: PAD * 2 + HEADER + LANE * 2 + bodyH,
    headerY: PAD + 14,
  };
}

const p = (x: number, y: number) => `${Math.round(x)} ${Math.round(y)}`;

/** A curve from a to b; edges that skip columns run above or below the nodes in between. */
function edgePath(a: PlacedNode, b: PlacedNode, bounds: Map<number, { top: number; bottom: number }>): string {
  const ay = a.y + NODE_H / 2;
  const by = b.y + NODE_H / 2;
  if (a.layer === b.layer) {
    const x = a.x + NODE_W;
    const bulge = 28 + Math.min(Math.abs(ay - by) / 6, 20);
    return `M ${p(x, ay)} C ${p(x + bulge, ay)}, ${p(x + bulge, by)}, ${p(x, by)}`;
  }
  const dir = b.layer > a.layer ? 1 : -1;
  const sx = dir > 0 ? a.x + NODE_W : a.x;
  const ex = dir > 0 ? b.x : b.x + NODE_W;
  const between = [...bounds.entries()].filter(([l]) => (l - a.layer) * dir > 0 && (b.layer - l) * dir > 0).map(([, v]) => v);
  if (between.length === 0) {
    const mx = (sx + ex) / 2;
    return `M ${p(sx, ay)} C ${p(mx, ay)}, ${p(mx, by)}, ${p(ex, by)}`;
  }
  const top = Math.min(...between.map((v) => v.top)) - LANE / 2;
  const bottom = Math.max(...between.map((v) => v.bottom)) + LANE / 2;
  const mean = (ay + by) / 2;
  const lane = Math.abs(mean - top) <= Math.abs(mean - bottom) ? top : bottom;
  const x1 = sx + (dir * GAP_X) / 2;
  const x2 = ex - (dir * GAP_X) / 2;
  const c = (dir * GAP_X) / 4;
  return `M ${p(sx, ay)} C ${p(sx + c, ay)}, ${p(x1 - c, lane)}, ${p(x1, lane)} L ${p(x2, lane)} C ${p(x2 + c, lane)}, ${p(ex - c, by)}, ${p(ex, by)}`;
}
