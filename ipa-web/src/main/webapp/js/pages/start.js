// Start a process: the processes this user may launch (shown where ConnectIPAEnabled is on), and a
// launch form drawn from the chosen definition's global variables.
import { h, show, labelOf, when, toast } from '../dom.js';
import { api, ApiError } from '../api.js';
import { field, showErrors, collect } from '../fields.js';

export async function render(main, context, entry, name) {
  if (name) return renderLaunch(main, context, name);
  const definitions = await api.get('definitions?launchable=true');
  show(main, h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('header', { class: 'page-header' },
      h('h1', { id: 'page-title' }, 'Start a process'),
      h('p', { class: 'muted' }, 'Choose a process to launch a new flow of it.')),
    definitions.length === 0
      ? h('div', { class: 'panel empty-state' }, h('h2', {}, 'Nothing to start'),
        h('p', {}, 'You may launch no process yet. An administrator grants the Launch right.'))
      : h('ul', { class: 'cards', 'aria-label': 'Processes you may launch' }, definitions.map((d) =>
        h('li', { class: 'card' },
          h('h2', {}, h('a', { href: `#/start/${encodeURIComponent(d.name)}`, class: 'card-link' }, labelOf(d.name))),
          h('p', {}, d.description || 'No description.'),
          h('p', { class: 'meta' }, `Version ${d.latestVersion} · published ${when(d.publishedAt)}`
            + (d.publishedBy ? ` by ${d.publishedBy}` : '')))))));
  main.focus();
}

async function renderLaunch(main, context, name) {
  const summary = context.launchable.find((d) => d.name === name)
    ?? (await api.get('definitions?launchable=true')).find((d) => d.name === name);
  if (!summary) {
    show(main, h('section', { class: 'panel empty-state', role: 'alert' }, h('h1', {}, 'Not available'),
      h('p', {}, `You may not launch ${name}, or it does not exist.`), h('a', { href: '#/start' }, 'Back to the list')));
    return;
  }
  const definition = await api.get(`definitions/${encodeURIComponent(name)}/versions/${summary.latestVersion}`);
  const fields = (definition.variables ?? []).map((variable) => field({
    name: variable.name,
    type: variable.list ? `List<${variable.type}>` : variable.type,
    hint: hintOf(variable),
  }));
  const problems = h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true });
  const result = h('div', { class: 'launch-result', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary' }, `Launch ${labelOf(name)}`);

  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'page-title', onsubmit: async (event) => {
    event.preventDefault();
    problems.hidden = true;
    fields.forEach((f) => f.clearError());
    const { values: variables, problems: local } = collect(fields, false);
    if (Object.keys(local).length) {
      showErrors(fields, local, problems);
      return;
    }
    button.disabled = true;
    try {
      const flow = await api.post('flows', { definition: name, version: summary.latestVersion, variables });
      show(result, h('div', { class: 'panel success-panel' },
        h('h2', {}, `${labelOf(name)} launched`),
        h('p', {}, 'Flow ', h('code', {}, flow.id), ` is ${flow.status}`,
          flow.waitingOn ? `: ${flow.waitingOn}` : '', '.')));
      form.reset();
      toast(`${labelOf(name)} launched`);
      result.focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem.errors) {
        showErrors(fields, error.fieldErrors('variables.'), problems);
      } else {
        show(problems, h('p', {}, error.message));
        problems.hidden = false;
        problems.focus();
      }
    } finally {
      button.disabled = false;
    }
  } },
  problems,
  h('div', { class: 'form-grid' }, fields.map((f) => f.element)),
  h('div', { class: 'form-actions' }, button, h('a', { href: '#/start', class: 'secondary-link' }, 'Cancel')));

  show(main, h('section', { class: 'page' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/start' }, 'Start a process'), ' / ',
      h('span', { 'aria-current': 'page' }, labelOf(name))),
    h('header', { class: 'page-header' },
      h('h1', { id: 'page-title' }, `Launch ${labelOf(name)}`),
      h('p', { class: 'muted' }, definition.description ?? '', ' Fill in what you know; empty fields keep their defaults.')),
    result,
    h('div', { class: 'panel' }, form)));
  result.setAttribute('tabindex', '-1');
  main.focus();
}

const KINDS = { Integer: 'Whole number', Decimal: 'Number', Boolean: 'Yes or no', DateTime: 'Date and time',
  Mailbox: 'Email address' };

/** What the field takes, in words: its kind (text goes without saying), description, default, privacy. */
function hintOf(variable) {
  const kind = KINDS[variable.type];
  const parts = [variable.list ? `List of ${(kind ?? 'text').toLowerCase()} values, one a line` : kind].filter(Boolean);
  if (variable.description) parts.push(variable.description);
  if (variable.initial !== undefined && variable.initial !== null) parts.push(`default ${JSON.stringify(variable.initial)}`);
  if (variable.securitySpecification) parts.push(`kept private (${variable.securitySpecification})`);
  return parts.length ? parts.join(' · ') : null;
}
