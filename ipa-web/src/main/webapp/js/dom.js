// Building the page from data without ever parsing it as markup: every value becomes a text node
// or an attribute, so nothing a flow holds can run as script in the page.

/**
 * h('button', {class: 'primary', onclick: f, 'aria-label': 'x'}, 'text', childNode, [more])
 * Attributes: class, text-like attributes, boolean attributes (true/false), on* handlers.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what an element shows. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** "LoanAmount" -> "Loan amount", "Loan_Auto_Check_Output" -> "Loan auto check output". */
export function labelOf(name) {
  const words = name.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim().split(/\s+/);
  return words.map((word, i) => (i === 0 ? word.charAt(0).toUpperCase() + word.slice(1)
    : (/^[A-Z0-9]+$/.test(word) && word.length > 1 ? word : word.toLowerCase()))).join(' ');
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function when(instant) {
  return instant ? dateTime.format(new Date(instant)) : '';
}

export function clock(date = new Date()) {
  return time.format(date);
}

/** A short-lived message for everyone, screen readers included (the toast region is aria-live). */
export function toast(message) {
  const region = document.getElementById('toast');
  region.textContent = message;
  region.classList.add('visible');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => region.classList.remove('visible'), 5000);
}
