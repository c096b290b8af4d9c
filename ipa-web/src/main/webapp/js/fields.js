// Form fields drawn from a variable's type: what a person types becomes the JSON value the API
// expects, and what the API refuses is shown at the field it names. Values the user may not see
// (data access security) are never put in the page: the field says it is hidden.
import { h, labelOf } from './dom.js';

let counter = 0;

/**
 * @param spec {name, label, type, required, readOnly, restricted, choices, value, hint, disabled}
 * @returns {element, name, read(): {present, value}, setError(reason), clearError(), focus()}
 */
export function field(spec) {
  const id = `f${++counter}-${spec.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const type = parseType(spec.type);
  const label = h('label', { for: id }, spec.label ?? labelOf(spec.name),
    spec.required && !spec.readOnly ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
  const hint = spec.hint ? h('p', { class: 'hint', id: `${id}-hint` }, spec.hint) : null;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const wrapper = h('div', { class: 'field', 'data-field': spec.name });

  if (spec.restricted) {
    wrapper.classList.add('restricted');
    wrapper.append(h('span', { class: 'label', id }, spec.label ?? labelOf(spec.name)),
      h('p', { class: 'hidden-value', 'aria-labelledby': id },
        h('img', { src: 'img/lock.svg', alt: '', width: 16, height: 16 }), 'Hidden: you may not see this value'));
    return { element: wrapper, name: spec.name, read: () => ({ present: false }), setError() {}, clearError() {},
      focus() {} };
  }

  const control = controlFor(spec, type, id);
  const described = [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  if (spec.required && !spec.readOnly) control.setAttribute('aria-required', 'true');
  if (spec.readOnly) {
    control.setAttribute('readonly', '');
    wrapper.classList.add('read-only');
  }
  if (spec.disabled && !spec.readOnly) control.disabled = true;
  wrapper.append(label, control, hint ?? '', error);

  return {
    element: wrapper,
    name: spec.name,
    control,
    read: () => (spec.readOnly ? { present: false } : readValue(control, type)),
    setError(reason) {
      wrapper.classList.add('invalid');
      control.setAttribute('aria-invalid', 'true');
      error.textContent = sentence(reason, spec.label ?? labelOf(spec.name));
    },
    clearError() {
      wrapper.classList.remove('invalid');
      control.removeAttribute('aria-invalid');
      error.textContent = '';
    },
    focus: () => control.focus(),
  };
}

/** "List<Integer>" -> {base: 'Integer', list: true} */
function parseType(text) {
  const match = /^List<(.+)>$/.exec(text ?? 'String');
  return match ? { base: match[1], list: true } : { base: text ?? 'String', list: false };
}

function controlFor(spec, type, id) {
  const value = spec.value;
  if (type.list) {
    return h('textarea', { id, name: spec.name, rows: 3, placeholder: 'One value a line' },
      Array.isArray(value) ? value.map((v) => display(v, type.base)).join('\n') : '');
  }
  if (spec.choices?.length && !spec.readOnly) {
    return h('select', { id, name: spec.name },
      h('option', { value: '' }, spec.required ? 'Choose…' : '(none)'),
      spec.choices.map((choice) => h('option', { value: choice, selected: value === choice }, choice)));
  }
  if (type.base === 'Boolean' && !spec.readOnly) {
    return h('select', { id, name: spec.name },
      h('option', { value: '' }, '(not set)'),
      h('option', { value: 'true', selected: value === true }, 'Yes'),
      h('option', { value: 'false', selected: value === false }, 'No'));
  }
  const attributes = { id, name: spec.name, type: 'text', value: display(value, type.base), autocomplete: 'off' };
  if (type.base === 'Integer') attributes.inputmode = 'numeric';
  if (type.base === 'Decimal') attributes.inputmode = 'decimal';
  if (type.base === 'Mailbox') attributes.type = 'email';
  if (type.base === 'DateTime' && !spec.readOnly) {
    attributes.type = 'datetime-local';
    attributes.value = localDateTime(value);
  }
  return h('input', attributes);
}

function display(value, base) {
  if (value === undefined || value === null) return '';
  if (base === 'Boolean') return value ? 'Yes' : 'No';
  if (base === 'DateTime') return new Date(value).toLocaleString();
  return String(value);
}

function localDateTime(value) {
  if (!value) return '';
  const date = new Date(value);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** {present, value}, or with {problem} when the text cannot be a value of the type (checked here, nothing sent). */
function readValue(control, type) {
  const text = control.value.trim();
  if (type.list) {
    const lines = control.value.split('\n').map((line) => line.trim()).filter(Boolean);
    const values = lines.map((line) => convert(line, type.base));
    const bad = values.find((v) => v.problem);
    return bad ? { present: true, problem: `Each line: ${bad.problem.toLowerCase()}` }
      : { present: lines.length > 0, value: values.map((v) => v.value) };
  }
  if (text === '') return { present: false, value: null };
  return { present: true, ...convert(text, type.base) };
}

/** What the server checks beyond the form of a value (choices, email addresses, required) it says itself. */
function convert(text, base) {
  switch (base) {
    case 'Integer': return /^[+-]?\d{1,15}$/.test(text) ? { value: Number(text) }
      : { problem: 'Enter a whole number, such as 720' };
    case 'Decimal': return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? { value: Number(text) }
      : { problem: 'Enter a number, such as 20000 or 1250.50' };
    case 'Boolean': return { value: text === 'true' };
    case 'DateTime': {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? { problem: 'Enter a date and time' } : { value: date.toISOString() };
    }
    default: return { value: text };
  }
}

/**
 * The values of the fields as the API takes them; {problems} names the fields whose text cannot be
 * a value of their type. {@code keepEmpty}: empty fields are sent as null (a work item's form).
 */
export function collect(fields, keepEmpty) {
  const values = {};
  const problems = {};
  for (const f of fields) {
    if (!f.control || f.control.readOnly) continue;
    const read = f.read();
    if (read.problem) problems[f.name] = read.problem;
    else if (read.present) values[f.name] = read.value;
    else if (keepEmpty) values[f.name] = null;
  }
  return { values, problems };
}

/** The API's reasons are phrases about the field ("is required", "must be one of A, B"): said of its label. */
function sentence(reason, label) {
  let text = String(reason ?? 'is not valid');
  if (/^(is|must|may) /.test(text)) text = `${label} ${text}`;
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

/**
 * Shows a 400's bad fields at their fields; a field the form does not show goes to the summary.
 * @returns the number of errors shown
 */
export function showErrors(fields, errors, summary) {
  fields.forEach((f) => f.clearError());
  const others = [];
  let first = null;
  for (const [name, reason] of Object.entries(errors)) {
    const target = fields.find((f) => f.name === name);
    if (target) {
      target.setError(reason);
      first ??= target;
    } else {
      others.push(`${labelOf(name)}: ${reason}`);
    }
  }
  const count = Object.keys(errors).length;
  summary.replaceChildren(
    h('p', {}, count === 1 ? 'One field needs attention.' : `${count} fields need attention.`),
    others.length ? h('ul', {}, others.map((o) => h('li', {}, o))) : '');
  summary.hidden = false;
  (first ?? summary).focus?.();
  return count;
}
