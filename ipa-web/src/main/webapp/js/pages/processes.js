// Processes: search flows with the API's filters, page through them, and open one: where it
// stands, what it waits on, its steps as a timeline, its related interactions and its variables
// (restricted ones shown as hidden, never their value); cancel and retry where the user may.
import { h, show, labelOf, when, toast } from '../dom.js';
import { api } from '../api.js';
import { labelled, showFieldErrors, confirmed, orNotFound } from '../forms.js';

const STATUSES = ['running', 'waiting', 'completed', 'cancelled', 'error', 'restored-in-error'];
const ACTIVE = ['running', 'waiting', 'error', 'restored-in-error'];
const PAGE_SIZE = 25;

/** The last search, kept while the page is open so that "back to the results" finds it again. */
let lastSearch = { filter: {}, page: 0 };

export async function render(main, context, entry, id) {
  return id ? renderFlow(main, context, id) : renderSearch(main, context);
}

async function renderSearch(main, context) {
  const processes = await api.get('definitions');
  const fields = {
    definition: labelled('f-definition', 'Process', h('select', { name: 'definition' },
      h('option', { value: '' }, 'Any process'), processes.map((p) => h('option', { value: p.name }, labelOf(p.name))))),
    status: labelled('f-status', 'Status', h('select', { name: 'status' }, h('option', { value: '' }, 'Any status'),
      STATUSES.map((s) => h('option', { value: s }, s)))),
    state: labelled('f-state', 'Current state', h('input', { name: 'state', type: 'text', autocomplete: 'off' })),
    launchedBy: labelled('f-launchedBy', 'Launched by', h('input', { name: 'launchedBy', type: 'text', autocomplete: 'off' })),
    from: labelled('f-from', 'Started from', h('input', { name: 'from', type: 'datetime-local' })),
    to: labelled('f-to', 'Started before', h('input', { name: 'to', type: 'datetime-local' })),
  };
  for (const [name, field] of Object.entries(fields)) {
    field.control.value = lastSearch.filter[name] ?? '';
  }
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  let latest = 0; // an answer to an earlier search that arrives late is dropped

  const search = async (page) => {
    Object.values(fields).forEach((field) => field.clear());
    const filter = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.control.value.trim()]));
    lastSearch = { filter, page };
    const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    for (const [name, value] of Object.entries(filter)) {
      if (!value) continue;
      // datetime-local is the user's local time; the API takes instants
      query.set(name, name === 'from' || name === 'to' ? new Date(value).toISOString() : value);
    }
    const asked = ++latest;
    try {
      const found = await api.get(`flows?${query}`);
      if (asked === latest) show(results, resultsTable(found, search));
    } catch (error) {
      if (asked !== latest) return;
      if (!showFieldErrors(error, fields)) throw error;
      show(results, h('p', { class: 'form-error', role: 'alert' }, 'Correct the filter marked above, then search again.'));
    }
  };

  const form = h('form', { class: 'form search-form', role: 'search', 'aria-label': 'Search flows', novalidate: true,
    onsubmit: (event) => { event.preventDefault(); search(0).catch((e) => toast(e.message)); } },
  h('div', { class: 'form-grid' }, Object.values(fields).map((field) => field.element)),
  h('div', { class: 'form-actions' },
    h('button', { type: 'submit', class: 'primary', id: 'search' }, 'Search'),
    h('button', { type: 'button', class: 'secondary', onclick: () => {
      Object.values(fields).forEach((field) => { field.control.value = ''; });
      search(0).catch((e) => toast(e.message));
    } }, 'Clear')));

  show(main, h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('header', { class: 'page-header' }, h('h1', { id: 'page-title' }, 'Processes'),
      h('p', { class: 'muted' }, 'Flows you may see, newest first. Others see only their own flows.')),
    h('div', { class: 'panel' }, form),
    h('section', { class: 'panel', 'aria-label': 'Flows found' }, results)));
  await search(lastSearch.page);
  main.focus();
}

function resultsTable(found, search) {
  if (found.items.length === 0) {
    return h('p', { class: 'empty' }, found.page > 0 ? 'No more flows.' : 'No flow matches.');
  }
  const first = found.page * found.size + 1;
  const last = first + found.items.length - 1;
  const total = found.totalExact ? found.total.toLocaleString() : `at least ${found.total.toLocaleString()}`;
  const hasNext = found.totalExact ? last < found.total : found.items.length === found.size;
  return [
    h('p', { class: 'meta', id: 'found' }, `Flows ${first.toLocaleString()}–${last.toLocaleString()} of ${total}`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'flows' },
      h('thead', {}, h('tr', {}, ['Flow', 'Process', 'Status', 'State', 'Launched by', 'Started', 'Waiting on']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, found.items.map((flow) => h('tr', { 'data-flow': flow.id },
        h('td', {}, h('a', { href: `#/processes/${encodeURIComponent(flow.id)}`, title: flow.id,
          'aria-label': `Flow ${flow.id}` }, flow.id.slice(0, 8))),
        h('td', { 'data-label': 'Process' }, `${labelOf(flow.definition)} v${flow.version}`),
        h('td', { 'data-label': 'Status' }, statusBadge(flow.status)),
        h('td', { 'data-label': 'State' }, flow.currentState ?? ''),
        h('td', { 'data-label': 'Launched by' }, flow.launchedBy),
        h('td', { 'data-label': 'Started' }, when(flow.startedAt)),
        h('td', { 'data-label': 'Waiting on' }, flow.waitingOn ?? flow.error ?? '')))))),
    h('nav', { class: 'pager', 'aria-label': 'Pages of flows' },
      h('button', { type: 'button', class: 'secondary', id: 'previous-page', disabled: found.page === 0,
        onclick: () => search(found.page - 1).catch((e) => toast(e.message)) }, '← Previous'),
      h('button', { type: 'button', class: 'secondary', id: 'next-page', disabled: !hasNext,
        onclick: () => search(found.page + 1).catch((e) => toast(e.message)) }, 'Next →')),
  ];
}

function statusBadge(status) {
  return h('span', { class: `badge badge-flow-${status}` }, status);
}

async function renderFlow(main, context, id) {
  const flow = await orNotFound(main, () => api.get(`flows/${encodeURIComponent(id)}`), { title: 'Flow not found',
    text: 'There is no such flow, or you may not see it.', back: '#/processes', backLabel: 'Back to Processes' });
  if (!flow) return;
  const manageable = await api.get('definitions?manageable=true').then((list) => list.map((d) => d.name))
    .catch(() => []);
  const mayManage = manageable.includes(flow.definition);
  const outcome = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true });

  const act = async (verb, done) => {
    outcome.hidden = true;
    try {
      await api.post(`flows/${encodeURIComponent(id)}/${verb}`, {});
      toast(done);
      await renderFlow(main, context, id);
    } catch (error) {
      show(outcome, h('p', {}, error.message));
      outcome.hidden = false;
      outcome.focus();
    }
  };
  const actions = [];
  if (mayManage && (flow.status === 'error' || flow.status === 'restored-in-error')) {
    actions.push(h('button', { type: 'button', class: 'primary', id: 'retry-flow',
      onclick: () => act('retry', 'The flow runs its step again') }, 'Retry'));
  }
  if (mayManage && ACTIVE.includes(flow.status)) {
    const cancel = confirmed({ label: 'Cancel flow', id: 'cancel-flow', ariaLabel: 'Confirm cancelling',
      question: 'Cancel this flow? It stops where it is, for good.', yes: 'Yes, cancel it', confirmId: 'confirm-cancel',
      onYes: () => act('cancel', 'The flow is cancelled') });
    actions.push(cancel.trigger, cancel.group);
  }

  show(main, h('section', { class: 'page' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/processes' }, 'Processes'), ' / ',
      h('span', { 'aria-current': 'page' }, flow.id.slice(0, 8))),
    h('header', { class: 'page-header with-actions' },
      h('div', {}, h('h1', { id: 'page-title' }, `${labelOf(flow.definition)} v${flow.version}`),
        h('p', { class: 'meta' }, statusBadge(flow.status), flow.currentState ? ` in ${flow.currentState}` : '',
          ` · launched by ${flow.launchedBy} ${when(flow.startedAt)}`, flow.endedAt ? ` · ended ${when(flow.endedAt)}` : ''),
        h('p', { class: 'meta' }, h('code', {}, flow.id))),
      h('div', { class: 'actions' }, actions)),
    outcome,
    h('div', { class: 'panel', 'aria-labelledby': 'where-title' },
      h('h2', { id: 'where-title' }, 'Where it stands'),
      h('dl', { class: 'facts' },
        fact('Status', flow.status),
        fact('Current state', flow.currentState),
        fact('Waiting on', flow.waitingOn),
        fact('Wakes at', flow.wakeAt && when(flow.wakeAt)),
        fact('Error', flow.error),
        fact('Stopped at', flow.errorStep),
        fact('Parent flow', flow.parentFlowId && h('a', { href: `#/processes/${encodeURIComponent(flow.parentFlowId)}` },
          flow.parentFlowId.slice(0, 8))),
        fact('Running time', `${(flow.runningTimeMillis / 1000).toFixed(1)} s`))),
    h('div', { class: 'panel', 'aria-labelledby': 'variables-title' },
      h('h2', { id: 'variables-title' }, 'Variables'), variables(flow)),
    h('div', { class: 'panel', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, 'Steps'), timeline(flow)),
    h('div', { class: 'panel', 'aria-labelledby': 'interactions-title' },
      h('h2', { id: 'interactions-title' }, 'Related interactions'),
      (flow.relatedInteractions ?? []).length === 0 ? h('p', { class: 'empty' }, 'None.')
        : h('ul', { class: 'plain-list' }, flow.relatedInteractions.map((i) =>
          h('li', {}, h('code', {}, i.interactionId), ` attached by ${i.attachedBy} ${when(i.attachedAt)}`))))));
  main.focus();
}

function fact(label, value) {
  if (value === undefined || value === null || value === '') return null;
  return [h('dt', {}, label), h('dd', {}, value)];
}

function variables(flow) {
  const restricted = flow.restrictedVariables ?? [];
  const names = [...Object.keys(flow.variables ?? {}), ...restricted].sort();
  if (names.length === 0) return h('p', { class: 'empty' }, 'This flow has no variables.');
  return h('dl', { class: 'facts', 'data-list': 'variables' }, names.map((name) => [
    h('dt', {}, labelOf(name)),
    restricted.includes(name)
      ? h('dd', { class: 'hidden-value', 'data-variable': name },
        h('img', { src: 'img/lock.svg', alt: '', width: 16, height: 16 }), 'Hidden: you may not see this value')
      : h('dd', { 'data-variable': name }, display(flow.variables[name])),
  ]));
}

function display(value) {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, 'empty');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function timeline(flow) {
  const steps = flow.history ?? [];
  if (steps.length === 0) return h('p', { class: 'empty' }, 'No step yet.');
  return [
    flow.historyDropped > 0
      ? h('p', { class: 'meta' }, `${flow.historyDropped.toLocaleString()} earlier steps are no longer kept.`) : null,
    h('ol', { class: 'timeline', 'data-list': 'steps' }, steps.map((step) => h('li', {},
      h('time', { datetime: step.at }, when(step.at)), ' ',
      h('span', { class: 'step-type' }, step.type), ' ',
      h('span', {}, step.label || step.path),
      step.scope ? h('span', { class: 'meta' }, ` · ${step.scope}`) : null))),
  ];
}
