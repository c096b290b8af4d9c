// Small charts drawn as SVG from numbers (no library): columns per day and horizontal bars. Each
// is an image with a text alternative; the pages show the same numbers in a table beside it.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) {
    if (child) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** 1 234 ms -> "1.2 s", 3 480 000 -> "58 min", 90 000 000 -> "1.0 d". */
export function duration(ms) {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

function niceMax(value) {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * step).find((v) => v >= value);
}

/** Grouped columns, one group per item ({label, values}), one colour per series; labelled for screen readers. */
export function columns(items, series, title) {
  const width = 760;
  const height = 220;
  const left = 44;
  const bottom = 28;
  const top = 12;
  const max = niceMax(Math.max(0, ...items.flatMap((i) => i.values)));
  const plot = height - bottom - top;
  const group = (width - left - 8) / Math.max(1, items.length);
  const bar = Math.max(1, Math.min(14, (group - 4) / series.length));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img',
    'aria-label': `${title}: ${items.length} days, at most ${max.toLocaleString()} a day` });
  for (const fraction of [0, 0.5, 1]) {
    const y = top + plot * (1 - fraction);
    chart.append(svg('line', { x1: left, x2: width - 8, y1: y, y2: y, class: 'chart-grid' }),
      svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-axis' }, Math.round(max * fraction).toLocaleString()));
  }
  items.forEach((item, i) => {
    const x = left + i * group + (group - bar * series.length) / 2;
    item.values.forEach((value, s) => {
      const h = plot * value / max;
      chart.append(svg('rect', { x: x + s * bar, y: top + plot - h, width: Math.max(1, bar - 1), height: h,
        class: `chart-series-${s}` }, svg('title', {}, `${item.label}: ${value.toLocaleString()} ${series[s].toLowerCase()}`)));
    });
    const every = Math.ceil(items.length / 8);
    if (i % every === 0) {
      chart.append(svg('text', { x: left + i * group + group / 2, y: height - 8, 'text-anchor': 'middle', class: 'chart-axis' },
        item.label.slice(5)));
    }
  });
  const legend = document.createElement('ul');
  legend.className = 'chart-legend';
  series.forEach((name, s) => {
    const entry = document.createElement('li');
    entry.append(svg('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, svg('rect', { width: 12, height: 12,
      class: `chart-series-${s}` })), ` ${name}`);
    legend.append(entry);
  });
  const figure = document.createElement('figure');
  figure.className = 'chart-figure';
  figure.append(chart, legend);
  return figure;
}

/** Horizontal bars ({label, value, mark?, text}) scaled to the largest; a list that reads well without the bars. */
export function bars(items, title, key) {
  const max = Math.max(1, ...items.map((i) => Math.max(i.value, i.mark ?? 0)));
  const list = document.createElement('ul');
  list.className = 'bars';
  list.dataset.list = key;
  list.setAttribute('aria-label', title);
  for (const item of items) {
    const entry = document.createElement('li');
    entry.dataset.bar = item.label;
    const label = Object.assign(document.createElement('span'), { className: 'bar-label', textContent: item.label });
    const track = Object.assign(document.createElement('span'), { className: 'bar-track' });
    track.setAttribute('aria-hidden', 'true');
    const fill = Object.assign(document.createElement('span'), { className: 'bar-fill' });
    fill.style.width = `${(100 * item.value / max).toFixed(1)}%`;
    track.append(fill);
    if (item.mark !== undefined) {
      const mark = Object.assign(document.createElement('span'), { className: 'bar-mark' });
      mark.style.left = `${(100 * item.mark / max).toFixed(1)}%`;
      track.append(mark);
    }
    const text = Object.assign(document.createElement('span'), { className: 'bar-text', textContent: item.text });
    entry.append(label, track, text);
    list.append(entry);
  }
  return list;
}
