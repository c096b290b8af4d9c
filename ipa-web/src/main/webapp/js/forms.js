// The parts every page builds its forms and answers from: a labelled control with its error, the
// summary of what the server refused, an inline confirmation, and the panel of something not found.
import { h, show, toast } from './dom.js';
import { ApiError } from './api.js';

/** A labelled control with the place for its error; {element, control, error(reason), clear()}. */
export function labelled(id, label, control) {
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', `${id}-error`);
  const element = h('div', { class: 'field' }, h('label', { for: id }, label), control, error);
  return {
    element,
    control,
    error(reason) {
      element.classList.add('invalid');
      control.setAttribute('aria-invalid', 'true');
      error.textContent = reason;
    },
    clear() {
      element.classList.remove('invalid');
      control.removeAttribute('aria-invalid');
      error.textContent = '';
    },
  };
}

/** Where a refusal that names no field of the form is told. */
export function problems() {
  return h('div', { class: 'form-summary', role: 'alert', tabindex: '-1', hidden: true });
}

/**
 * Shows a 400's field errors at the fields it names (byName: API field -> labelled); answers
 * whether it did. Any other failure is left to the caller.
 */
export function showFieldErrors(error, byName) {
  const fieldErrors = error instanceof ApiError && error.status === 400 ? error.fieldErrors() : {};
  let shown = false;
  for (const [name, reason] of Object.entries(fieldErrors)) {
    const target = byName[name] ?? byName[name.split('.')[0]];
    if (target) {
      target.error(reason);
      shown = true;
    }
  }
  return shown;
}

/**
 * Runs a change; a 400 is shown at the fields it names, anything else in the summary. Answers what
 * the server answered (or true), or null when it was refused.
 */
export async function change(request, done, byName, summary) {
  Object.values(byName).forEach((f) => f.clear());
  summary.hidden = true;
  try {
    const answer = await request();
    toast(done);
    return answer ?? true;
  } catch (error) {
    if (!showFieldErrors(error, byName)) {
      show(summary, h('p', {}, error.message));
      summary.hidden = false;
      summary.focus();
    }
    return null;
  }
}

/**
 * A button that asks before it acts: {trigger, group}; the question appears beside it with a
 * "yes" that runs onYes and a "no" that puts the focus back.
 */
export function confirmed({ label, id, question, yes, confirmId, onYes, ariaLabel }) {
  const group = h('div', { class: 'confirm', role: 'group', 'aria-label': ariaLabel ?? `Confirm: ${label}`, hidden: true },
    h('span', {}, question),
    h('button', { type: 'button', class: 'danger', id: confirmId, onclick: onYes }, yes),
    h('button', { type: 'button', class: 'secondary', onclick: () => { group.hidden = true; trigger.focus(); } },
      'No, keep it'));
  const trigger = h('button', { type: 'button', class: 'secondary', id,
    onclick: () => { group.hidden = false; group.querySelector('button').focus(); } }, label);
  return { trigger, group };
}

/**
 * What fetch() answers, or null after showing that it was not found (a 404) with the way back;
 * any other failure is thrown.
 */
export async function orNotFound(main, fetch, { title, text, back, backLabel }) {
  try {
    return await fetch();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    show(main, h('section', { class: 'panel empty-state', role: 'alert' }, h('h1', { id: 'page-title' }, title),
      text ? h('p', {}, text) : null, h('a', { href: back }, backLabel)));
    main.focus();
    return null;
  }
}
