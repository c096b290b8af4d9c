// My Work Items: mine (alerting, processing, held) and the queues of my workgroups, kept up to date
// live: the monitor's WebSocket says when something in them changed, and the page reads them again
// (over REST, with the user's rights). One item opens as its form.
import { h, show, when, clock, toast } from '../dom.js';
import { api, ApiError } from '../api.js';
import { field, showErrors, collect } from '../fields.js';
import { orNotFound, labelled, problems as summary, change } from '../forms.js';
import { workItemsLive } from '../monitor-socket.js';

/** Thrown when the form's own check found a problem already shown at its field. */
class LocalProblems extends Error {}

const STATUS = { alerting: 'New', processing: 'In progress', held: 'On hold', queued: 'In queue' };

/** The live connection of the list on show; a new rendering or another page ends it. */
let liveList = null;

export async function render(main, context, entry, id) {
  liveList?.close();
  liveList = null;
  return id ? renderItem(main, context, id) : renderList(main, context);
}

async function renderList(main, context) {
  const lists = h('div', { id: 'work-lists' });
  const status = h('p', { class: 'muted', id: 'live-status', 'aria-live': 'polite' });
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'refresh', onclick: () => read()
    .then(() => toast('Work items refreshed')).catch((e) => toast(e.message)) }, '↻ Refresh');
  show(main, h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('header', { class: 'page-header with-actions' },
      h('div', {}, h('h1', { id: 'page-title' }, 'My Work Items'), status),
      refresh),
    lists));

  const load = async () => {
    const [mine, groups] = await Promise.all([api.get('workitems'), api.get('workgroups')]);
    const myGroups = groups.filter((g) => (g.members ?? []).includes(context.user));
    const queues = await Promise.all(myGroups.map((g) =>
      api.get(`workitems?workgroup=${encodeURIComponent(g.name)}`).then((items) => ({ group: g, items }))
        .catch(() => ({ group: g, items: [] }))));
    if (!main.contains(lists)) return;
    const seen = JSON.stringify([mine, queues.map(({ group, items }) => [group.name, items])]);
    const same = seen === shown;
    shown = seen;
    updated = clock();
    show(status, connected ? `Live: new items appear by themselves. Updated at ${updated}.`
      : `Updated at ${updated}.`);
    if (same) return; // the lists stay as they are: links keep focus and identity
    // the item whose link had the focus keeps it across the new lists
    const focused = document.activeElement?.closest?.('[data-item]')?.dataset.item;
    show(lists,
      h('section', { class: 'panel', 'aria-labelledby': 'mine-title' },
        h('h2', { id: 'mine-title' }, 'Mine ', h('span', { class: 'count' }, String(mine.length))),
        itemsTable(mine, 'Nothing for you right now.', 'mine')),
      queues.map(({ group, items }) => h('section', { class: 'panel', 'aria-labelledby': `queue-${group.name}` },
        h('h2', { id: `queue-${group.name}` }, `Queue of ${group.name} `, h('span', { class: 'count' }, String(items.length))),
        h('p', { class: 'muted' }, group.description || 'Items waiting for a member of this workgroup.'),
        itemsTable(items.map((i) => ({ ...i, status: i.owner ? i.status : 'queued' })), 'The queue is empty.',
          `queue-${group.name}`))));
    if (focused) lists.querySelector(`[data-item="${CSS.escape(focused)}"] a`)?.focus();
  };

  // one reading at a time; a change told during one is read right after it
  let reading = null;
  let again = false;
  let updated = null;
  let shown = null;
  let connected = false;
  const read = () => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        await load();
      } while (again && main.contains(lists));
    })().finally(() => { reading = null; });
    return reading;
  };
  const readQuietly = () => read().catch((error) => {
    if (main.contains(lists)) show(status, h('span', { class: 'field-error' }, `Not updated: ${error.message}`));
  });

  await read();
  main.focus();
  const connection = workItemsLive({
    onWatching: () => {
      connected = true;
      readQuietly(); // what changed while not connected
    },
    onChanged: readQuietly,
    onUnavailable: (seconds) => {
      connected = false;
      show(status, h('span', { class: 'field-error' },
        `The server is unavailable: not live, connecting again in ${seconds} s.`,
        updated ? ` Last updated at ${updated}.` : ''));
    },
  });
  liveList = connection;
  const leave = () => {
    if (liveList === connection && location.hash !== '#/work') {
      connection.close();
      liveList = null;
    }
    if (liveList !== connection) {
      window.removeEventListener('hashchange', leave);
      window.removeEventListener('ipa:signed-out', signedOut);
    }
  };
  const signedOut = () => {
    connection.close();
    if (liveList === connection) liveList = null;
    leave();
  };
  window.addEventListener('hashchange', leave);
  window.addEventListener('ipa:signed-out', signedOut);
}

function itemsTable(items, empty, key) {
  if (items.length === 0) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': key },
    h('thead', {}, h('tr', {}, ['Work item', 'Process', 'Status', 'Received', 'Due'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map((item) => h('tr', { 'data-item': item.id },
      h('td', {}, h('a', { href: `#/work/${encodeURIComponent(item.id)}` }, item.description || item.category || 'Work item'),
        item.category ? h('div', { class: 'meta' }, item.category) : null),
      h('td', { 'data-label': 'Process' }, item.definition),
      h('td', { 'data-label': 'Status' }, badge(item.status)),
      h('td', { 'data-label': 'Received' }, when(item.createdAt)),
      h('td', { 'data-label': 'Due' }, when(item.deadline)))))));
}

function badge(status) {
  return h('span', { class: `badge badge-${status}` }, STATUS[status] ?? status);
}

async function renderItem(main, context, id) {
  const item = await orNotFound(main, () => api.get(`workitems/${encodeURIComponent(id)}`), { title: 'Work item not found',
    text: 'It was completed, or it is no longer yours.', back: '#/work', backLabel: 'Back to My Work Items' });
  if (!item) return;
  const mineToWork = item.owner === context.user && item.status === 'processing';
  const fields = item.fields.map((f) => field({ ...f, disabled: !mineToWork }));
  const problems = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true });

  const act = async (label, request, after) => {
    problems.hidden = true;
    fields.forEach((f) => f.clearError());
    try {
      const updated = await request();
      toast(label);
      if (after) after(updated);
      else renderItem(main, context, id);
    } catch (error) {
      if (error instanceof LocalProblems) return;
      if (error instanceof ApiError && error.status === 400 && error.problem.errors) {
        showErrors(fields, error.fieldErrors('values.'), problems);
      } else {
        show(problems, h('p', {}, error.message),
          error.status === 409 ? h('button', { type: 'button', class: 'secondary', onclick: () => renderItem(main, context, id) },
            'Reload the item') : null);
        problems.hidden = false;
        problems.focus();
      }
    }
  };
  /** The form's values; a text that cannot be of its field's type is shown there and nothing is sent. */
  const values = () => {
    const { values: all, problems: local } = collect(fields, true);
    if (Object.keys(local).length) {
      showErrors(fields, local, problems);
      throw new LocalProblems();
    }
    return all;
  };
  const post = (verb) => () => api.post(`workitems/${encodeURIComponent(id)}/${verb}`, { version: item.version });

  const actions = [];
  if (item.status === 'alerting' || (item.status === 'held' && item.owner !== context.user) || !item.owner) {
    actions.push(h('button', { type: 'button', class: 'primary', onclick: () => act('Picked up', post('pickup')) }, 'Pick up'));
  }
  if (item.owner === context.user && item.status === 'processing') {
    actions.push(h('button', { type: 'button', class: 'secondary', onclick: () => act('Put on hold', post('hold')) }, 'Hold'));
  }
  if (item.owner === context.user && item.status === 'held') {
    actions.push(h('button', { type: 'button', class: 'primary', onclick: () => act('Taken up again', post('unhold')) }, 'Unhold'));
  }

  const buttons = mineToWork ? h('div', { class: 'form-actions' },
    item.buttons.map((b, i) => h('button', { type: 'submit', class: i === 0 ? 'primary' : 'secondary', value: b.name,
      'data-button': b.name }, b.label ?? b.name)),
    h('button', { type: 'button', class: 'secondary', id: 'save-draft', onclick: () => act('Draft saved',
      () => api.put(`workitems/${encodeURIComponent(id)}/draft`, { values: values(), version: item.version })) }, 'Save draft'))
    : h('p', { class: 'notice' }, item.status === 'held' ? 'This item is on hold. Unhold it to work on it.'
      : 'Pick up this item to work on it.');

  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'page-title', onsubmit: (event) => {
    event.preventDefault();
    const button = event.submitter?.value;
    if (!button) return;
    act(`Completed: ${button}`, () => api.post(`workitems/${encodeURIComponent(id)}/complete`,
      { button, values: values(), version: item.version }), () => { location.hash = '#/work'; });
  } },
  problems,
  h('div', { class: 'form-grid' }, fields.map((f) => f.element)),
  buttons);

  show(main, h('section', { class: 'page' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/work' }, 'My Work Items'), ' / ',
      h('span', { 'aria-current': 'page' }, item.category || 'Work item')),
    h('header', { class: 'page-header with-actions' },
      h('div', {}, h('h1', { id: 'page-title' }, item.description || item.category || 'Work item'),
        h('p', { class: 'meta' }, badge(item.owner ? item.status : 'queued'), ` ${item.definition}`,
          item.workgroup ? ` · ${item.workgroup}` : '', ` · received ${when(item.createdAt)}`,
          item.deadline ? ` · due ${when(item.deadline)}` : '')),
      h('div', { class: 'actions' }, actions)),
    h('div', { class: 'panel' }, form),
    item.owner === context.user ? transferForm(item) : null));
  main.focus();
}

/** Hands the item to another user, or back to a workgroup's queue. */
function transferForm(item) {
  const to = labelled('transfer-to', 'Hand it to', h('select', {},
    h('option', { value: 'user' }, 'a user'), h('option', { value: 'workgroup' }, 'a workgroup\'s queue')));
  const name = labelled('transfer-name', 'Name', h('input', { type: 'text', autocomplete: 'off', required: true }));
  const told = summary();
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': 'Transfer', onsubmit: async (event) => {
    event.preventDefault();
    name.clear();
    const target = name.control.value.trim();
    if (!target) {
      name.error('Give the user or the workgroup to hand the item to.');
      name.control.focus();
      return;
    }
    const body = { [to.control.value]: target, version: item.version };
    const answer = await change(() => api.post(`workitems/${encodeURIComponent(item.id)}/transfer`, body),
      `Transferred to ${target}`, { user: name, workgroup: name }, told);
    if (answer) location.hash = '#/work';
  } },
  told,
  h('div', { class: 'form-grid' }, to.element, name.element),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'secondary', id: 'transfer' }, 'Transfer')));
  return h('details', { class: 'panel transfer' }, h('summary', {}, 'Transfer this item'), form);
}
