// Definitions: the published processes, the versions of one, and one version drawn as a chart of
// its states with, beside it, the outline of its states, tasks and actions (what the chart shows,
// in words, for the keyboard and screen readers).
import { h, show, labelOf, when } from '../dom.js';
import { api } from '../api.js';
import { orNotFound } from '../forms.js';
import { draw } from '../statechart.js';

export async function render(main, context, entry, name, version) {
  return name ? renderVersion(main, name, version) : renderList(main);
}

async function renderList(main) {
  const processes = await api.get('definitions');
  show(main, h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('header', { class: 'page-header' }, h('h1', { id: 'page-title' }, 'Definitions'),
      h('p', { class: 'muted' }, 'The published processes and their versions.')),
    h('div', { class: 'panel' }, processes.length === 0 ? h('p', { class: 'empty' }, 'No process is published yet.')
      : h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'definitions' },
        h('thead', {}, h('tr', {}, ['Process', 'Latest version', 'Description', 'Published']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, processes.map((p) => h('tr', { 'data-definition': p.name },
          h('td', {}, h('a', { href: `#/definitions/${encodeURIComponent(p.name)}` }, labelOf(p.name)),
            h('div', { class: 'meta' }, p.name)),
          h('td', { 'data-label': 'Latest version' }, String(p.latestVersion)),
          h('td', { 'data-label': 'Description' }, p.description ?? ''),
          h('td', { 'data-label': 'Published' }, `${when(p.publishedAt)}${p.publishedBy ? ` by ${p.publishedBy}` : ''}`)))))))));
  main.focus();
}

async function renderVersion(main, name, wanted) {
  const found = await orNotFound(main, () => api.get(`definitions/${encodeURIComponent(name)}`), { title: 'No such process',
    text: `Nothing is published under the name ${name}.`, back: '#/definitions', backLabel: 'Back to Definitions' });
  if (!found) return;
  const versions = found.versions;
  const latest = versions.filter((v) => !v.testVersion).at(-1) ?? versions.at(-1);
  const shown = versions.find((v) => String(v.version) === wanted) ?? latest;
  const definition = await api.get(`definitions/${encodeURIComponent(name)}/versions/${shown.version}`);

  const chooser = h('select', { id: 'version', onchange: (event) => {
    location.hash = `#/definitions/${encodeURIComponent(name)}/${event.target.value}`;
  } }, versions.slice().reverse().map((v) => h('option', { value: v.version, selected: v.version === shown.version },
    `Version ${v.version}${v.testVersion ? ' (test)' : ''}${v === latest ? ' (latest)' : ''} · ${when(v.publishedAt)}`)));

  const outline = h('div', { class: 'outline' });
  const select = (state) => {
    const target = outline.querySelector(`[data-outline-state="${CSS.escape(state)}"]`);
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus();
    }
  };
  show(outline, outlineOf(definition, select));

  show(main, h('section', { class: 'page' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/definitions' }, 'Definitions'), ' / ',
      h('span', { 'aria-current': 'page' }, labelOf(name))),
    h('header', { class: 'page-header with-actions' },
      h('div', {}, h('h1', { id: 'page-title' }, `${labelOf(name)} v${shown.version}`),
        h('p', { class: 'muted' }, definition.description ?? ''),
        h('p', { class: 'meta' }, `Published ${when(shown.publishedAt)}${shown.publishedBy ? ` by ${shown.publishedBy}` : ''}`,
          ` · ${(definition.states ?? []).length} states · ${(definition.tasks ?? []).length} tasks`)),
      h('div', { class: 'field' }, h('label', { for: 'version' }, 'Version'), chooser)),
    h('section', { class: 'panel', 'aria-labelledby': 'chart-title' },
      h('h2', { id: 'chart-title' }, 'States'),
      h('p', { class: 'meta' }, 'Arrows are the changes of state, labelled with the button, exit or branch that takes them. '
        + 'Select a state to read its actions.'),
      h('div', { class: 'chart-wrap' }, draw(definition, select))),
    h('section', { class: 'panel', 'aria-labelledby': 'outline-title' },
      h('h2', { id: 'outline-title' }, 'States, tasks and actions'), outline),
    h('section', { class: 'panel', 'aria-labelledby': 'variables-title' },
      h('h2', { id: 'variables-title' }, 'Variables'), variablesOf(definition))));
  main.focus();
}

function outlineOf(definition, select) {
  const block = (kind, item) => h('section', { class: 'outline-block', tabindex: '-1',
    [`data-outline-${kind}`]: item.name, 'aria-labelledby': `${kind}-${item.name}` },
  h('h3', { id: `${kind}-${item.name}` }, item.name,
    kind === 'state' && item.name === definition.startState ? h('span', { class: 'badge' }, 'start') : null),
  item.description ? h('p', { class: 'muted' }, item.description) : null,
  (item.inputs ?? []).length ? h('p', { class: 'meta' }, `Inputs: ${item.inputs.map((i) => i.name ?? i).join(', ')}`) : null,
  actionList(item.actions, select));
  return [
    (definition.states ?? []).map((state) => block('state', state)),
    (definition.tasks ?? []).length ? h('h3', { class: 'outline-heading' }, 'Tasks') : null,
    (definition.tasks ?? []).map((task) => block('task', task)),
  ];
}

function actionList(actions, select) {
  if (!actions?.length) return h('p', { class: 'empty' }, 'No action: the flow ends here.');
  return h('ol', { class: 'actions-outline' }, actions.map((action) => h('li', {},
    h('span', { class: 'step-type' }, action.type), action.name ? ` “${action.name}”` : '', summary(action, select),
    branches(action, select))));
}

function summary(action, select) {
  switch (action.type) {
    case 'ChangeState':
      return [' → ', h('button', { type: 'button', class: 'link-button', onclick: () => select(action.state) }, action.state)];
    case 'Wait': return ` ${action.duration ?? `until ${action.until}`}`;
    case 'Decision': return ` if ${action.condition}`;
    case 'Loop': return ` while ${action.while}`;
    case 'RunTask': return ` ${action.task}`;
    case 'RunProcess': return ` ${action.process}`;
    case 'SendWorkItemToUser': return ` ${action.form} to ${action.user}`;
    case 'SendWorkItemToWorkgroup': return ` ${action.form} to ${action.workgroup}`;
    case 'RunHandler': return ` ${action.handler}`;
    case 'CallWebService': return action.rest ? ` ${action.rest.method ?? 'GET'} ${action.rest.url}` : ` ${action.soap?.operation ?? ''}`;
    case 'Database': return ` ${action.kind ?? ''} on ${action.dataSource}`;
    case 'SendEmail': return ` “${action.subject ?? ''}”`;
    default: return '';
  }
}

function branches(action, select) {
  const lists = [];
  if (action.then) lists.push(['yes', action.then]);
  if (action.else) lists.push(['no', action.else]);
  for (const c of action.cases ?? []) lists.push([`case ${c.name ?? c.when}`, c.actions]);
  if (action.otherwise) lists.push(['otherwise', action.otherwise]);
  if (action.type === 'Loop') lists.push(['each pass', action.actions]);
  for (const [exit, list] of Object.entries(action.exits ?? {})) lists.push([exit, list]);
  if (action.onTimeout) lists.push(['timed out', action.onTimeout]);
  if (!lists.length) return null;
  return h('ul', { class: 'branches' }, lists.map(([label, list]) => h('li', {},
    h('span', { class: 'branch' }, label), actionList(list, select))));
}

function variablesOf(definition) {
  const variables = definition.variables ?? [];
  if (!variables.length) return h('p', { class: 'empty' }, 'No variables.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'variables' },
    h('thead', {}, h('tr', {}, ['Variable', 'Type', 'Initial value', 'Notes'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, variables.map((v) => h('tr', {},
      h('td', {}, v.name),
      h('td', { 'data-label': 'Type' }, v.list ? `List of ${v.type}` : v.type),
      h('td', { 'data-label': 'Initial value' }, v.initial === undefined ? '' : JSON.stringify(v.initial)),
      h('td', { 'data-label': 'Notes' }, [v.securitySpecification ? `restricted (${v.securitySpecification})` : null,
        v.report ? 'reported' : null, v.description ?? null].filter(Boolean).join(' · ')))))));
}
