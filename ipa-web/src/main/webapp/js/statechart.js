// A definition's states drawn as a chart: states in layers by their distance from the start state,
// each ChangeState an arrow labelled with the branch that takes it (a button, an exit, then/else).
// The chart is a picture of the outline the page lists next to it, which is what screen readers read.

const SVG = 'http://www.w3.org/2000/svg';
const BOX = { width: 180, height: 58, gapX: 36, gapY: 70, margin: 24 };
/** The actions a flow waits at, shown as a line under the state's name. */
const WAITS = {
  Wait: 'timer', SendWorkItemToUser: 'work item', SendWorkItemToWorkgroup: 'work item', RunHandler: 'handler',
  CallWebService: 'web service', Database: 'database', SendEmail: 'email', RunProcess: 'child flow',
};

function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * Every action of a list, with the branch it sits in: calls visit(action, branch) for nested
 * lists too (then, else, cases, otherwise, loop bodies, exits, onTimeout), whatever the type.
 */
export function walk(actions, visit, branch = null) {
  for (const action of actions ?? []) {
    visit(action, branch);
    for (const [member, value] of Object.entries(action)) {
      if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'type' in v)) {
        walk(value, visit, member === 'actions' ? branch : branchName(action, member));
      } else if (member === 'cases' && Array.isArray(value)) {
        value.forEach((c) => walk(c.actions, visit, c.name ?? c.when ?? 'case'));
      } else if (member === 'exits' && value && typeof value === 'object') {
        Object.entries(value).forEach(([exit, list]) => walk(list, visit, exit));
      }
    }
  }
}

function branchName(action, member) {
  const of = action.name ? `${action.name}: ` : '';
  if (member === 'then') return `${of}yes`;
  if (member === 'else') return `${of}no`;
  if (member === 'onTimeout') return `${of}timed out`;
  return `${of}${member}`;
}

/** The states and the transitions between them, with what each state waits at. */
export function graphOf(definition) {
  const states = (definition.states ?? []).map((state) => ({ name: state.name, waits: new Set(), ends: false }));
  const byName = new Map(states.map((state) => [state.name, state]));
  const edges = [];
  for (const state of definition.states ?? []) {
    const node = byName.get(state.name);
    walk(state.actions, (action, branch) => {
      if (WAITS[action.type]) node.waits.add(WAITS[action.type]);
      if (action.type === 'EndProcess') node.ends = true;
      if (action.type === 'ChangeState' && byName.has(action.state)) {
        const known = edges.find((e) => e.from === state.name && e.to === action.state);
        if (known) {
          if (branch && !known.labels.includes(branch)) known.labels.push(branch);
        } else {
          edges.push({ from: state.name, to: action.state, labels: branch ? [branch] : [] });
        }
      }
    });
  }
  return { states, edges, start: definition.startState };
}

/** Layers by breadth-first distance from the start; states it never reaches go in a last layer. */
function layers(graph) {
  const rank = new Map([[graph.start, 0]]);
  const queue = [graph.start];
  while (queue.length) {
    const from = queue.shift();
    for (const edge of graph.edges.filter((e) => e.from === from)) {
      if (!rank.has(edge.to)) {
        rank.set(edge.to, rank.get(from) + 1);
        queue.push(edge.to);
      }
    }
  }
  const deepest = Math.max(0, ...rank.values());
  const rows = [];
  for (const state of graph.states) {
    const r = rank.has(state.name) ? rank.get(state.name) : deepest + 1;
    state.unreachable = !rank.has(state.name);
    (rows[r] ??= []).push(state);
  }
  // order each row by where its predecessors stand, so that arrows cross less
  const position = new Map();
  rows.filter(Boolean).forEach((row, r) => {
    if (r > 0) {
      const centre = (state) => {
        const from = graph.edges.filter((e) => e.to === state.name && position.has(e.from)).map((e) => position.get(e.from));
        return from.length ? from.reduce((a, b) => a + b, 0) / from.length : Number.MAX_SAFE_INTEGER;
      };
      row.sort((a, b) => centre(a) - centre(b));
    }
    row.forEach((state, i) => position.set(state.name, i - (row.length - 1) / 2));
  });
  return rows.filter(Boolean);
}

function shorten(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The chart as an SVG element; onSelect(stateName) is called when a state is clicked or entered. */
export function draw(definition, onSelect) {
  const graph = graphOf(definition);
  const rows = layers(graph);
  const widest = Math.max(1, ...rows.map((row) => row.length));
  // room on the right for the arrows that go back up, and their labels
  const width = widest * BOX.width + (widest - 1) * BOX.gapX + 2 * BOX.margin + 150;
  const height = rows.length * BOX.height + (rows.length - 1) * BOX.gapY + 2 * BOX.margin;
  const at = new Map();
  rows.forEach((row, r) => {
    const rowWidth = row.length * BOX.width + (row.length - 1) * BOX.gapX;
    const left = (width - 150 - rowWidth) / 2;
    row.forEach((state, i) => at.set(state.name, {
      x: left + i * (BOX.width + BOX.gapX), y: BOX.margin + r * (BOX.height + BOX.gapY), row: r,
    }));
  });

  const arrows = s('g', { class: 'edges' });
  const labels = s('g', { class: 'edge-labels' });
  for (const edge of graph.edges) {
    const a = at.get(edge.from);
    const b = at.get(edge.to);
    let path;
    let label;
    if (b.row > a.row) { // forward: from the bottom of one box to the top of the other
      const x1 = a.x + BOX.width / 2;
      const y1 = a.y + BOX.height;
      const x2 = b.x + BOX.width / 2;
      const y2 = b.y;
      path = `M${x1},${y1} C${x1},${y1 + BOX.gapY / 2} ${x2},${y2 - BOX.gapY / 2} ${x2},${y2 - 2}`;
      label = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
    } else if (b.row === a.row && edge.from !== edge.to) { // beside: the facing sides of the two boxes
      const leftward = b.x < a.x;
      const x1 = leftward ? a.x : a.x + BOX.width;
      const x2 = leftward ? b.x + BOX.width : b.x;
      const y = a.y + BOX.height / 2;
      path = `M${x1},${y} L${leftward ? x2 + 2 : x2 - 2},${y}`;
      label = { x: (x1 + x2) / 2, y: y - 8 };
    } else if (edge.from === edge.to) { // to itself: a loop on the right side
      const x = a.x + BOX.width;
      const y = a.y + BOX.height / 2;
      path = `M${x},${y - 12} C${x + 40},${y - 30} ${x + 40},${y + 30} ${x + 2},${y + 12}`;
      label = { x: x + 34, y: y - 20 };
    } else { // back or sideways: around the right side of both boxes
      const x1 = a.x + BOX.width;
      const y1 = a.y + BOX.height / 2;
      const x2 = b.x + BOX.width;
      const y2 = b.y + BOX.height / 2;
      const out = Math.max(x1, x2) + BOX.gapX * 0.8;
      path = `M${x1},${y1} C${out},${y1} ${out},${y2} ${x2 + 2},${y2}`;
      label = { x: out + 4, y: (y1 + y2) / 2, anchor: 'start' };
    }
    const text = edge.labels.join(', ');
    arrows.append(s('path', { d: path, class: b.row > a.row ? 'edge' : 'edge edge-back', 'marker-end': 'url(#arrow)' },
      s('title', {}, `${edge.from} → ${edge.to}${text ? ` (${text})` : ''}`)));
    if (text) {
      labels.append(s('text', { x: label.x, y: label.y, class: 'edge-label', 'text-anchor': label.anchor ?? 'middle' },
        shorten(text, 26)));
    }
  }

  const nodes = s('g', { class: 'nodes' });
  for (const state of graph.states) {
    const { x, y } = at.get(state.name);
    const kinds = [state.name === graph.start ? 'state-start' : '', state.unreachable ? 'state-unreachable' : '',
      state.ends ? 'state-end' : ''].filter(Boolean).join(' ');
    const detail = [...state.waits].join(' · ') || (state.ends ? 'ends the flow' : 'runs straight through');
    const node = s('g', { class: `state ${kinds}`, tabindex: 0, role: 'button', 'data-state': state.name,
      'aria-label': `State ${state.name}${state.name === graph.start ? ', the start' : ''}: ${detail}` },
    s('title', {}, state.name),
    s('rect', { x, y, width: BOX.width, height: BOX.height, rx: 10 }),
    s('text', { x: x + BOX.width / 2, y: y + 24, 'text-anchor': 'middle', class: 'state-name' }, shorten(state.name, 22)),
    s('text', { x: x + BOX.width / 2, y: y + 43, 'text-anchor': 'middle', class: 'state-detail' }, shorten(detail, 28)));
    node.addEventListener('click', () => onSelect(state.name));
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect(state.name);
      }
    });
    nodes.append(node);
  }

  return s('svg', { class: 'statechart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group',
    'aria-label': `States of ${definition.name}: ${graph.states.length} states, ${graph.edges.length} transitions` },
  s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
    orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }))),
  arrows, nodes, labels);
}
