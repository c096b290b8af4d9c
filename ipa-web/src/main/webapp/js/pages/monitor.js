// The live monitor: a filter, then the matching flows and their events as they happen, pushed by
// the server over the WebSocket /ipa/monitor. Each event carries a number; when the connection
// drops (the server restarts, the network goes) the page says the server is unavailable and
// reconnects by itself with its last number, so the events it missed arrive first and none is
// lost. Pause closes the connection on purpose; Resume comes back the same way. Cancel and Retry
// go through the REST API where the user may manage the process.
import { h, show, labelOf, when, clock, toast } from '../dom.js';
import { api } from '../api.js';
import { current } from '../session.js';
import { live } from '../monitor-socket.js';

const STATUSES = ['running', 'waiting', 'completed', 'cancelled', 'error', 'restored-in-error'];
const ACTIVE = ['running', 'waiting', 'error', 'restored-in-error'];
const KEPT_EVENTS = 300;
const KIND_LABELS = {
  launched: 'Launched', stateChanged: 'State changed', waitingOn: 'Waiting on', workItemSent: 'Work item sent',
  workItemPickedUp: 'Work item picked up', workItemCompleted: 'Work item completed', incident: 'Incident',
  restoredInError: 'Restored in error', retried: 'Retried', completed: 'Completed', cancelled: 'Cancelled',
};

/**
 * The filter last watched and the number of the last event seen, kept while the client is open:
 * coming back to the page (or signing in again after the session ended) watches on from there.
 */
let lastFilter = {};
let lastSeen = null;

export async function render(main, context) {
  const [processes, manageable] = await Promise.all([
    api.get('definitions'),
    api.get('definitions?manageable=true').then((list) => list.map((d) => d.name)).catch(() => []),
  ]);
  const inputs = {
    process: h('select', { id: 'm-process', name: 'process' }, h('option', { value: '' }, 'Any process'),
      processes.map((p) => h('option', { value: p.name }, labelOf(p.name)))),
    version: h('input', { id: 'm-version', name: 'version', type: 'number', min: '1', inputmode: 'numeric' }),
    state: h('input', { id: 'm-state', name: 'state', type: 'text', autocomplete: 'off' }),
    status: h('select', { id: 'm-status', name: 'status' }, h('option', { value: '' }, 'Any status'),
      STATUSES.map((s) => h('option', { value: s }, s))),
    launchedBy: h('input', { id: 'm-launchedBy', name: 'launchedBy', type: 'text', autocomplete: 'off' }),
    startedFrom: h('input', { id: 'm-startedFrom', name: 'startedFrom', type: 'datetime-local' }),
    startedTo: h('input', { id: 'm-startedTo', name: 'startedTo', type: 'datetime-local' }),
  };
  const labels = { process: 'Process', version: 'Version', state: 'Current state', status: 'Status',
    launchedBy: 'Launched by', startedFrom: 'Started from', startedTo: 'Started before' };
  const errors = Object.fromEntries(Object.keys(inputs).map((name) =>
    [name, h('p', { class: 'field-error', id: `m-${name}-error`, 'aria-live': 'polite' })]));
  for (const [name, input] of Object.entries(inputs)) {
    input.value = lastFilter[name] ?? '';
    input.setAttribute('aria-describedby', `m-${name}-error`);
  }

  const status = h('p', { id: 'monitor-status', class: 'monitor-status', role: 'status' }, 'Choose what to watch.');
  const flowsBody = h('tbody', {});
  const flowsTable = h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'monitored-flows' },
    h('thead', {}, h('tr', {}, ['Flow', 'Process', 'Status', 'State', 'Launched by', 'Last event', '']
      .map((t) => h('th', { scope: 'col' }, t)))), flowsBody));
  const noFlows = h('p', { class: 'empty', id: 'no-flows' }, 'No flow yet: they appear here as they change.');
  const log = h('ol', { class: 'event-log', 'data-list': 'events', 'aria-label': 'Events, newest first' });
  const rows = new Map();
  const pause = h('button', { type: 'button', class: 'secondary', id: 'pause-monitor', disabled: true }, 'Pause');

  const clearErrors = () => {
    for (const [name, input] of Object.entries(inputs)) {
      errors[name].textContent = '';
      input.closest('.field').classList.remove('invalid');
      input.removeAttribute('aria-invalid');
    }
  };

  const setStatus = (text, tone) => {
    status.textContent = text;
    status.dataset.tone = tone;
  };

  const flowRow = (event) => {
    let row = rows.get(event.flowId);
    if (!row) {
      row = { tr: h('tr', { 'data-flow': event.flowId }), flow: {} };
      rows.set(event.flowId, row);
      flowsBody.prepend(row.tr);
      noFlows.hidden = true;
    }
    Object.assign(row.flow, { id: event.flowId, process: event.process, version: event.version, status: event.status,
      state: event.state, launchedBy: event.launchedBy, last: event });
    drawRow(row);
  };

  const act = async (flowId, verb, done) => {
    try {
      await api.post(`flows/${encodeURIComponent(flowId)}/${verb}`, {});
      toast(done); // the monitor shows the change as it happens
    } catch (error) {
      toast(error.message);
    }
  };

  const drawRow = (row) => {
    const { flow } = row;
    const may = manageable.includes(flow.process);
    show(row.tr,
      h('td', {}, h('a', { href: `#/processes/${encodeURIComponent(flow.id)}`, title: flow.id,
        'aria-label': `Flow ${flow.id}` }, flow.id.slice(0, 8))),
      h('td', { 'data-label': 'Process' }, `${labelOf(flow.process)} v${flow.version}`),
      h('td', { 'data-label': 'Status' }, h('span', { class: `badge badge-flow-${flow.status}` }, flow.status)),
      h('td', { 'data-label': 'State' }, flow.state ?? ''),
      h('td', { 'data-label': 'Launched by' }, flow.launchedBy ?? ''),
      h('td', { 'data-label': 'Last event' }, `${KIND_LABELS[flow.last.kind] ?? flow.last.kind} · ${clock(new Date(flow.last.at))}`),
      h('td', { class: 'row-actions' },
        may && (flow.status === 'error' || flow.status === 'restored-in-error')
          ? h('button', { type: 'button', class: 'secondary small', 'data-action': 'retry',
            'aria-label': `Retry flow ${flow.id}`, onclick: () => act(flow.id, 'retry', 'The flow runs its step again') },
          'Retry') : null,
        may && ACTIVE.includes(flow.status)
          ? h('button', { type: 'button', class: 'danger small', 'data-action': 'cancel',
            'aria-label': `Cancel flow ${flow.id}`, onclick: () => {
              if (window.confirm(`Cancel flow ${flow.id.slice(0, 8)}? It stops where it is, for good.`)) {
                act(flow.id, 'cancel', 'The flow is cancelled');
              }
            } }, 'Cancel') : null));
  };

  const logEvent = (event) => {
    log.prepend(h('li', { 'data-seq': event.seq, 'data-flow': event.flowId, 'data-kind': event.kind },
      h('time', { datetime: event.at }, clock(new Date(event.at))), ' ',
      h('span', { class: `event-kind kind-${event.kind}` }, KIND_LABELS[event.kind] ?? event.kind), ' ',
      h('a', { href: `#/processes/${encodeURIComponent(event.flowId)}` }, event.flowId.slice(0, 8)), ' ',
      h('span', { class: 'meta' }, describe(event))));
    while (log.children.length > KEPT_EVENTS) log.lastElementChild.remove();
  };

  const connection = live({
    onEvent: (event) => { flowRow(event); logEvent(event); },
    onSubscribed: (answer) => setStatus(`Live · ${answer.count.toLocaleString()} matching flows when you started `
      + `watching (at most ${answer.maximum.toLocaleString()})`, 'live'),
    onRefused: (answer) => {
      setStatus(`The filter matches ${answer.countExact ? '' : 'at least '}${answer.count.toLocaleString()} flows, `
        + `more than ${answer.maximum.toLocaleString()} can be watched: narrow it.`, 'refused');
      pause.disabled = true;
    },
    onInvalid: (answer) => {
      for (const error of answer.errors) {
        const name = error.field.replace(/^filter\./, '');
        if (!inputs[name]) continue;
        errors[name].textContent = error.reason;
        inputs[name].closest('.field').classList.add('invalid');
        inputs[name].setAttribute('aria-invalid', 'true');
      }
      setStatus('Correct the filter marked above, then watch again.', 'refused');
      pause.disabled = true;
    },
    onGap: () => toast('Some events are no longer kept: the list shows what came after.'),
    onUnavailable: (seconds) => {
      setStatus(`Server unavailable: reconnecting in ${seconds} s…`, 'down');
      lastSeen = connection.last();
      // a server that answers but no longer knows the session (it expired): sign in again
      current().then((me) => {
        if (me === null) window.dispatchEvent(new CustomEvent('ipa:signed-out'));
      }).catch(() => {}); // down: the next attempt tells
    },
    onConnecting: (resuming) => setStatus(resuming ? 'Reconnecting: catching up on missed events…' : 'Connecting…',
      'connecting'),
  });

  const watch = (after = null) => {
    clearErrors();
    const filter = {};
    for (const [name, input] of Object.entries(inputs)) {
      const value = input.value.trim();
      if (!value) continue;
      if (name === 'version') filter.version = Number(value);
      else if (name === 'startedFrom' || name === 'startedTo') filter[name] = new Date(value).toISOString();
      else filter[name] = value;
    }
    lastFilter = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
    rows.clear();
    flowsBody.replaceChildren();
    log.replaceChildren();
    noFlows.hidden = false;
    pause.disabled = false;
    pause.textContent = 'Pause';
    connection.watch(filter, after);
  };

  pause.addEventListener('click', () => {
    if (connection.paused()) {
      pause.textContent = 'Pause';
      connection.resume();
    } else {
      pause.textContent = 'Resume';
      connection.pause();
      setStatus('Paused: Resume catches up on what happened meanwhile.', 'paused');
    }
  });

  const form = h('form', { class: 'form search-form', role: 'search', 'aria-label': 'What to watch', novalidate: true,
    onsubmit: (event) => { event.preventDefault(); lastSeen = null; watch(); } },
  h('div', { class: 'form-grid' }, Object.entries(inputs).map(([name, input]) =>
    h('div', { class: 'field' }, h('label', { for: input.id }, labels[name]), input, errors[name]))),
  h('div', { class: 'form-actions' },
    h('button', { type: 'submit', class: 'primary', id: 'watch' }, 'Watch'), pause));

  show(main, h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('header', { class: 'page-header' }, h('h1', { id: 'page-title' }, 'Monitor'),
      h('p', { class: 'muted' }, 'Flows as they launch, wait, change state and end, live. '
        + 'Values you may not see are never sent to this page.')),
    h('div', { class: 'panel' }, form, status),
    h('div', { class: 'monitor-columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'flows-title' },
        h('h2', { id: 'flows-title' }, 'Flows'), noFlows, flowsTable),
      h('section', { class: 'panel', 'aria-labelledby': 'events-title' },
        h('h2', { id: 'events-title' }, 'Events'), log))));

  // leaving the page ends the subscription
  const leave = () => {
    if (!location.hash.startsWith('#/monitor')) {
      lastSeen = connection.last();
      connection.close();
      window.removeEventListener('hashchange', leave);
      window.removeEventListener('ipa:signed-out', signedOut);
    }
  };
  const signedOut = () => {
    lastSeen = connection.last();
    connection.close();
  };
  window.addEventListener('hashchange', leave);
  window.addEventListener('ipa:signed-out', signedOut);
  if (Object.values(lastFilter).some((v) => v) || lastSeen !== null) watch(lastSeen);
  main.focus();
}

/** What an event says beyond its kind, in a few words; restricted variables only as "hidden". */
function describe(event) {
  const data = event.data ?? {};
  const parts = [];
  if (event.kind === 'stateChanged') parts.push(`${data.from ?? '—'} → ${data.to}`);
  if (event.kind === 'waitingOn') parts.push(data.description ?? data.on);
  if (data.user) parts.push(data.user);
  if (data.workgroup) parts.push(`workgroup ${data.workgroup}`);
  if (data.button) parts.push(`pressed ${data.button}`);
  if (data.error) parts.push(data.error);
  const variables = Object.entries(event.variables ?? {}).map(([name, value]) =>
    `${labelOf(name)} = ${typeof value === 'object' ? JSON.stringify(value) : value}`);
  const hidden = (event.restricted ?? []).map((name) => `${labelOf(name)} hidden`);
  if (variables.length || hidden.length) parts.push([...variables, ...hidden].join(', '));
  return parts.length ? `· ${parts.join(' · ')}` : `· ${when(event.at)}`;
}
