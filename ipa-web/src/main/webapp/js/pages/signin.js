// The sign-in page: the realm's user name and password, sent once to /ipa/session; the password
// field is emptied whatever the answer, and nothing is stored in the browser.
import { h, show } from '../dom.js';
import { ApiError } from '../api.js';
import { signIn } from '../session.js';

export function render(main, { notice, onSignedIn }) {
  const error = h('div', { class: 'form-error', id: 'sign-in-error', role: 'alert' });
  const user = h('input', { id: 'user', name: 'user', type: 'text', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false', 'aria-describedby': 'sign-in-error' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password',
    required: true, 'aria-describedby': 'sign-in-error' });
  const button = h('button', { type: 'submit', class: 'primary wide' }, 'Sign in');

  const form = h('form', { class: 'sign-in-form', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!user.value.trim() || !password.value) {
      error.textContent = 'Enter your user name and password.';
      (user.value.trim() ? password : user).focus();
      return;
    }
    button.disabled = true;
    button.textContent = 'Signing in…';
    const secret = password.value;
    password.value = '';
    try {
      const me = await signIn(user.value.trim(), secret);
      await onSignedIn(me);
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 401 ? 'The user name or the password is wrong.'
        : e.message;
      password.focus();
    } finally {
      button.disabled = false;
      button.textContent = 'Sign in';
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'user' }, 'User name'), user),
  h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
  error,
  button);

  show(main, h('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('div', { class: 'sign-in-card' },
      h('div', { class: 'sign-in-brand' }, h('img', { src: 'img/logo.svg', alt: '', width: 40, height: 40 }),
        h('span', {}, 'IPA Server')),
      h('h1', { id: 'sign-in-title' }, 'Sign in'),
      h('p', { class: 'muted' }, 'Process automation: start processes and work on your work items.'),
      notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
      form)));
  user.focus();
}
