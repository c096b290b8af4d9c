// The client shell: sign-in, the top navigation (per the user's rights), and a small hash router
// over the pages. Pages are modules exporting render(main, context, ...params).
import { h, show, toast } from './dom.js';
import { api, ApiError } from './api.js';
import { current, signOut } from './session.js';
import * as signInPage from './pages/signin.js';
import * as startPage from './pages/start.js';
import * as workPage from './pages/workitems.js';
import * as processesPage from './pages/processes.js';
import * as definitionsPage from './pages/definitions.js';
import * as adminPage from './pages/admin.js';
import * as reportsPage from './pages/reports.js';
import * as supervisionPage from './pages/supervision.js';
import * as monitorPage from './pages/monitor.js';

const main = document.getElementById('main');
const top = document.getElementById('top');
let context = null;

const PAGES = [
  { path: 'start', label: 'Start a process', shown: (c) => c.canStart, page: startPage },
  { path: 'work', label: 'My Work Items', shown: () => true, page: workPage },
  { path: 'processes', label: 'Processes', shown: () => true, page: processesPage },
  { path: 'definitions', label: 'Definitions', shown: () => true, page: definitionsPage },
  { path: 'reports', label: 'Reports', shown: () => true, page: reportsPage },
  { path: 'supervision', label: 'Supervision', shown: (c) => c.supervises, page: supervisionPage },
  { path: 'monitor', label: 'Monitor', shown: (c) => c.monitors, page: monitorPage },
  { path: 'admin', label: 'Administration', shown: (c) => c.roles.includes('ipa-admin'), page: adminPage },
];

async function start() {
  window.addEventListener('hashchange', route);
  window.addEventListener('ipa:signed-out', () => {
    if (context) showSignIn('Your session has ended. Please sign in again.');
  });
  document.getElementById('menu-toggle').addEventListener('click', toggleMenu);
  try {
    const me = await current();
    if (me) await enter(me);
    else showSignIn();
  } catch (error) {
    showProblem(error);
  }
}

function showSignIn(notice) {
  context = null;
  top.hidden = true;
  document.title = 'Sign in · IPA Server';
  signInPage.render(main, { notice, onSignedIn: enter });
}

/** What the user may do decides what the navigation offers. */
async function enter(me) {
  const [parameters, launchable, licence] = await Promise.all([
    api.get('server/parameters'),
    api.get('definitions?launchable=true').catch(() => []),
    api.get(`users/${api.encode(me.user)}/licence`).then((l) => l.licence).catch(() => 'DIRECT_ROUTED'),
  ]);
  context = {
    user: me.user,
    roles: me.roles,
    licence,
    connectIpa: parameters.ConnectIPAEnabled === true,
    launchable,
  };
  context.canStart = context.connectIpa && launchable.length > 0;
  context.supervises = me.roles.includes('ipa-admin') || licence === 'PROCESS_MONITOR';
  context.monitors = me.roles.some((r) => ['ipa-view', 'ipa-manage', 'ipa-admin'].includes(r))
    || ['PROCESS_MONITOR', 'PROCESS_DESIGNER'].includes(licence);
  renderTop();
  top.hidden = false;
  route();
}

function renderTop() {
  show(document.getElementById('nav-list'), PAGES.filter((p) => p.shown(context)).map((p) =>
    h('li', {}, h('a', { href: `#/${p.path}`, 'data-path': p.path }, p.label))));
  show(document.getElementById('user-box'),
    h('span', { class: 'user-name', title: `Signed in as ${context.user}` },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, context.user.charAt(0).toUpperCase()),
      h('span', { class: 'visually-hidden' }, 'Signed in as '), h('span', { class: 'user-label' }, context.user)),
    h('button', { type: 'button', class: 'link-button', id: 'sign-out', onclick: leave }, 'Sign out'));
}

async function leave() {
  try {
    await signOut();
  } catch {
    // the session is over for this page either way
  }
  showSignIn('You have signed out.');
  history.replaceState(null, '', '#/');
}

function route() {
  if (!context) return;
  const [path, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const allowed = PAGES.filter((p) => p.shown(context));
  const entry = allowed.find((p) => p.path === path) ?? allowed[0];
  if (entry.path !== path) {
    history.replaceState(null, '', `#/${entry.path}`);
  }
  for (const link of document.querySelectorAll('#nav-list a')) {
    if (link.dataset.path === entry.path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  closeMenu();
  document.title = `${entry.label} · IPA Server`;
  const result = entry.page.render(main, context, entry, ...(entry.path === path ? params : []));
  Promise.resolve(result).catch(showProblem);
}

function showProblem(error) {
  if (error instanceof ApiError && error.status === 401) return; // the sign-in page is shown instead
  show(main, h('section', { class: 'panel error-panel', role: 'alert' },
    h('h1', {}, 'Something went wrong'), h('p', {}, error.message || String(error)),
    h('button', { type: 'button', class: 'secondary', onclick: () => location.reload() }, 'Reload')));
  toast('Something went wrong');
}

function toggleMenu() {
  const button = document.getElementById('menu-toggle');
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  top.classList.toggle('menu-open', open);
}

function closeMenu() {
  document.getElementById('menu-toggle').setAttribute('aria-expanded', 'false');
  top.classList.remove('menu-open');
}

start();
