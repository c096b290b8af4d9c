// Reports: a process's flows per day (launched, completed, in error, cancelled), the time its
// completed flows spent in each state, the values of its reported variables; for supervisors, the
// work items' waiting and handling times per workgroup. Each as a chart, a table and a CSV download.
import { h, show, labelOf, when, toast } from '../dom.js';
import { api } from '../api.js';
import { labelled, showFieldErrors, problems } from '../forms.js';
import { columns, bars, duration } from '../charts.js';

const DAY = 86_400_000;
let lastQuery = null;

export async function render(main, context) {
  const processes = await api.get('definitions?viewable=true');
  const today = new Date().toISOString().slice(0, 10);
  const fields = {
    process: labelled('r-process', 'Process', h('select', {},
      processes.map((p) => h('option', { value: p.name }, labelOf(p.name))))),
    version: labelled('r-version', 'Version', h('input', { type: 'number', min: 1, inputmode: 'numeric',
      placeholder: 'All versions' })),
    from: labelled('r-from', 'From', h('input', { type: 'date' })),
    to: labelled('r-to', 'To', h('input', { type: 'date' })),
  };
  const query = lastQuery ?? { process: processes[0]?.name ?? '', version: '',
    from: new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10), to: today };
  for (const [name, field] of Object.entries(fields)) field.control.value = query[name];
  const summary = problems();
  const results = h('div', { id: 'report', 'aria-live': 'polite' });

  const run = async () => {
    Object.values(fields).forEach((field) => field.clear());
    summary.hidden = true;
    lastQuery = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.control.value.trim()]));
    const params = new URLSearchParams({ from: lastQuery.from, to: lastQuery.to });
    if (lastQuery.version) params.set('version', lastQuery.version);
    const path = `reports/processes/${encodeURIComponent(lastQuery.process)}`;
    try {
      const [report, work] = await Promise.all([api.get(`${path}?${params}`),
        context.supervises ? api.get(`reports/workgroups?from=${lastQuery.from}&to=${lastQuery.to}`) : null]);
      show(results, processReport(report, path, params), work ? workReport(work, params) : null);
    } catch (error) {
      if (!showFieldErrors(error, fields)) {
        show(summary, h('p', {}, error.message));
        summary.hidden = false;
        summary.focus();
      }
      show(results);
    }
  };

  const form = h('form', { class: 'form', 'aria-label': 'Report on', novalidate: true,
    onsubmit: (event) => { event.preventDefault(); run().catch((e) => toast(e.message)); } },
  summary, h('div', { class: 'form-grid' }, Object.values(fields).map((field) => field.element)),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'show-report' }, 'Show report')));

  show(main, h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('header', { class: 'page-header' }, h('h1', { id: 'page-title' }, 'Reports'),
      h('p', { class: 'muted' }, 'Days are UTC days. Restricted variables are never reported.')),
    processes.length === 0
      ? h('div', { class: 'panel empty-state' }, h('h2', {}, 'Nothing to report'),
        h('p', {}, 'You may not view any process.'))
      : [h('div', { class: 'panel' }, form), results]));
  if (processes.length > 0) await run();
  main.focus();
}

function processReport(report, path, params) {
  const totals = report.days.reduce((sum, d) => ({ launched: sum.launched + d.launched, completed: sum.completed + d.completed,
    inError: sum.inError + d.inError, cancelled: sum.cancelled + d.cancelled }),
  { launched: 0, completed: 0, inError: 0, cancelled: 0 });
  const name = labelOf(report.process) + (report.version ? ` v${report.version}` : '');
  return [
    h('section', { class: 'panel', 'aria-labelledby': 'days-title' },
      h('div', { class: 'panel-header' }, h('h2', { id: 'days-title' }, `${name}: flows per day`),
        csvButton(`${path}/days?${params}`, `${report.process}-days.csv`, 'days-csv')),
      h('p', { class: 'meta' }, `${report.from} to ${report.to} · counted up to ${when(report.asOf)}`),
      h('ul', { class: 'stats', 'data-list': 'totals' },
        stat('Launched', totals.launched, 'launched'), stat('Completed', totals.completed, 'completed'),
        stat('In error', totals.inError, 'in-error'), stat('Cancelled', totals.cancelled, 'cancelled')),
      columns(report.days.map((d) => ({ label: d.day, values: [d.launched, d.completed, d.inError + d.cancelled] })),
        ['Launched', 'Completed', 'In error or cancelled'], `Flows of ${name} per day`),
      h('details', {}, h('summary', {}, 'The numbers per day'),
        h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'days' },
          h('thead', {}, h('tr', {}, ['Day', 'Launched', 'Completed', 'In error', 'Cancelled']
            .map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, report.days.map((d) => h('tr', { 'data-day': d.day },
            h('th', { scope: 'row' }, d.day), [d.launched, d.completed, d.inError, d.cancelled]
              .map((n) => h('td', { class: 'number' }, n.toLocaleString()))))))))),
    h('section', { class: 'panel', 'aria-labelledby': 'states-title' },
      h('div', { class: 'panel-header' }, h('h2', { id: 'states-title' }, 'Time in each state'),
        csvButton(`${path}/states?${params}`, `${report.process}-states.csv`, 'states-csv')),
      report.states.length === 0 ? h('p', { class: 'empty' }, 'No flow completed in this period.') : [
        h('p', { class: 'meta' }, 'Per visit, by the flows that completed: the bar is the median, the mark the 90th percentile.'),
        bars(report.states.map((s) => ({ label: s.state, value: s.p50Millis, mark: s.p90Millis,
          text: `${duration(s.p50Millis)} · p90 ${duration(s.p90Millis)} · ${s.visits.toLocaleString()} visits` })),
        'Time in each state', 'states')]),
    report.reportVariables.length === 0 ? null : variablesPanel(report, params),
  ];
}

function stat(label, value, key) {
  return h('li', { class: `stat stat-${key}`, 'data-stat': key }, h('span', { class: 'stat-value' }, value.toLocaleString()),
    h('span', { class: 'stat-label' }, label));
}

function csvButton(path, fileName, id) {
  return h('button', { type: 'button', class: 'secondary', id, onclick: () =>
    api.download(path, fileName).catch((e) => toast(e.message)) }, 'Download CSV');
}

function variablesPanel(report, params) {
  const variable = labelled('r-variable', 'Variable', h('select', {},
    report.reportVariables.map((v) => h('option', { value: v }, labelOf(v)))));
  const values = h('div', { 'aria-live': 'polite' });
  const path = () => `reports/processes/${encodeURIComponent(report.process)}/variables/${encodeURIComponent(variable.control.value)}`;
  const load = async () => {
    const found = await api.get(`${path()}?from=${params.get('from')}&to=${params.get('to')}&size=20`);
    show(values,
      found.mostFrequent.length === 0 ? h('p', { class: 'empty' }, 'No value recorded in this period.')
        : bars(found.mostFrequent.map((c) => ({ label: c.value === '' ? '(empty)' : c.value, value: c.times,
          text: c.times.toLocaleString() })), `Most frequent values of ${variable.control.value}`, 'values'),
      found.values.length === 0 ? null : h('details', {}, h('summary', {}, 'The latest values'),
        h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'values' },
          h('thead', {}, h('tr', {}, ['Value', 'Flow', 'Recorded'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, found.values.map((v) => h('tr', {}, h('td', {}, v.value ?? ''),
            h('td', {}, h('a', { href: `#/processes/${encodeURIComponent(v.flowId)}` }, v.flowId.slice(0, 8))),
            h('td', {}, when(v.recordedAt)))))))));
  };
  variable.control.addEventListener('change', () => load().catch((e) => toast(e.message)));
  load().catch((e) => toast(e.message));
  return h('section', { class: 'panel', 'aria-labelledby': 'variables-title' },
    h('div', { class: 'panel-header' }, h('h2', { id: 'variables-title' }, 'Reported variables'),
      h('button', { type: 'button', class: 'secondary', id: 'values-csv', onclick: () =>
        api.download(`${path()}?from=${params.get('from')}&to=${params.get('to')}`,
          `${report.process}-${variable.control.value}.csv`).catch((e) => toast(e.message)) }, 'Download CSV')),
    h('div', { class: 'inline-form' }, variable.element), values);
}

function workReport(work, params) {
  const to = (name) => (name === '' ? 'Sent to a user' : name);
  return h('section', { class: 'panel', 'aria-labelledby': 'work-title' },
    h('div', { class: 'panel-header' }, h('h2', { id: 'work-title' }, 'Work items per workgroup'),
      csvButton(`reports/workgroups?from=${params.get('from')}&to=${params.get('to')}`, 'workgroups.csv', 'work-csv')),
    work.workgroups.length === 0 ? h('p', { class: 'empty' }, 'No work item completed in this period.')
      : h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'workgroups' },
        h('thead', {}, h('tr', {}, ['Workgroup', 'Completed', 'Waiting (median)', 'Waiting (p90)', 'Handling (median)',
          'Handling (p90)'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, work.workgroups.map((w) => h('tr', { 'data-workgroup': w.workgroup },
          h('th', { scope: 'row' }, to(w.workgroup)), h('td', { class: 'number' }, w.items.toLocaleString()),
          [w.waitingP50Millis, w.waitingP90Millis, w.handlingP50Millis, w.handlingP90Millis]
            .map((ms) => h('td', { class: 'number' }, duration(ms)))))))));
}
