// Administration (ipa-admin): workgroups and their members, a user's presence, licence and skills,
// and the Launch, View and Manage grants on processes. Every change goes through the REST API;
// what it refuses is shown at the field it names.
import { h, show, toast } from '../dom.js';
import { api, ApiError } from '../api.js';
import { labelled, problems, change, confirmed, orNotFound } from '../forms.js';

const LICENCES = ['DIRECT_ROUTED', 'GROUP_ROUTED', 'PROCESS_MONITOR', 'PROCESS_DESIGNER'];
const PRESENCES = ['available', 'away', 'do-not-disturb'];
const KINDS = ['user', 'workgroup', 'role'];
const RIGHTS = ['LAUNCH', 'VIEW', 'MANAGE'];

export async function render(main, context, entry, kind, name) {
  if (kind === 'workgroup' && name) return renderWorkgroup(main, name);
  if (kind === 'user' && name) return renderUser(main, name);
  return renderOverview(main);
}

function choice(values, selected, blank) {
  return h('select', {}, blank ? h('option', { value: '' }, blank) : null,
    values.map((v) => h('option', { value: v, selected: v === selected }, v)));
}

async function renderOverview(main) {
  const [workgroups, grants, processes] = await Promise.all([api.get('workgroups'), api.get('rights'),
    api.get('definitions')]);

  // New workgroup
  const newName = labelled('wg-name', 'Workgroup name', h('input', { type: 'text', autocomplete: 'off' }));
  const newDescription = labelled('wg-description', 'Description', h('input', { type: 'text', autocomplete: 'off' }));
  const wgProblems = problems();
  const newWorkgroup = h('form', { class: 'form', 'aria-label': 'New workgroup', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    const name = newName.control.value.trim();
    if (!name) {
      newName.error('Workgroup name is required.');
      return;
    }
    const done = await change(() => api.put(`workgroups/${encodeURIComponent(name)}`,
      { description: newDescription.control.value.trim() || null }), `Workgroup ${name} saved`,
    { name: newName, description: newDescription }, wgProblems);
    if (done) location.hash = `#/admin/workgroup/${encodeURIComponent(name)}`;
  } }, wgProblems, h('div', { class: 'form-grid' }, newName.element, newDescription.element),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'create-workgroup' }, 'Create workgroup')));

  // A user
  const userName = labelled('user-name', 'User name', h('input', { type: 'text', autocomplete: 'off' }));
  const openUser = h('form', { class: 'form inline-form', 'aria-label': 'Open a user', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    const name = userName.control.value.trim();
    if (!name) userName.error('Enter a user name.');
    else location.hash = `#/admin/user/${encodeURIComponent(name)}`;
  } }, userName.element, h('button', { type: 'submit', class: 'secondary', id: 'open-user' }, 'Open'));
  const knownUsers = [...new Set(workgroups.flatMap((w) => w.members ?? []))].sort();

  // Grants
  const grantFields = {
    kind: labelled('grant-kind', 'To a', choice(KINDS, 'user')),
    principal: labelled('grant-principal', 'Grantee', h('input', { type: 'text', autocomplete: 'off' })),
    right: labelled('grant-right', 'Right', choice(RIGHTS, 'VIEW')),
    process: labelled('grant-process', 'On process', h('select', {}, h('option', { value: '*' }, 'every process (*)'),
      processes.map((p) => h('option', { value: p.name }, p.name)))),
  };
  const grantProblems = problems();
  const grantForm = h('form', { class: 'form', 'aria-label': 'Grant a right', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    const body = Object.fromEntries(Object.entries(grantFields).map(([name, f]) => [name, f.control.value.trim()]));
    if (await change(() => api.put('rights', body), `${body.right} granted to ${body.principal}`, grantFields, grantProblems)) {
      renderOverview(main);
    }
  } }, grantProblems, h('div', { class: 'form-grid' }, Object.values(grantFields).map((f) => f.element)),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'grant' }, 'Grant')));

  const revoke = async (grant) => {
    const query = new URLSearchParams(grant);
    if (await change(() => api.del(`rights?${query}`), `${grant.right} revoked from ${grant.principal}`, {}, grantProblems)) {
      renderOverview(main);
    }
  };

  show(main, h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('header', { class: 'page-header' }, h('h1', { id: 'page-title' }, 'Administration'),
      h('p', { class: 'muted' }, 'Workgroups, users and the rights on processes.')),
    h('section', { class: 'panel', 'aria-labelledby': 'workgroups-title' },
      h('h2', { id: 'workgroups-title' }, 'Workgroups ', h('span', { class: 'count' }, String(workgroups.length))),
      workgroups.length === 0 ? h('p', { class: 'empty' }, 'No workgroup yet.')
        : h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'workgroups' },
          h('thead', {}, h('tr', {}, ['Workgroup', 'Description', 'Members'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, workgroups.map((w) => h('tr', { 'data-workgroup': w.name },
            h('td', {}, h('a', { href: `#/admin/workgroup/${encodeURIComponent(w.name)}` }, w.name)),
            h('td', { 'data-label': 'Description' }, w.description ?? ''),
            h('td', { 'data-label': 'Members' }, (w.members ?? []).join(', '))))))),
      h('h3', {}, 'New workgroup'), newWorkgroup),
    h('section', { class: 'panel', 'aria-labelledby': 'users-title' },
      h('h2', { id: 'users-title' }, 'Users'),
      h('p', { class: 'muted' }, 'Presence, licence and skills of a user of the realm.'),
      openUser,
      knownUsers.length ? h('p', { class: 'meta' }, 'Members of workgroups: ',
        knownUsers.map((u, i) => [i ? ', ' : '', h('a', { href: `#/admin/user/${encodeURIComponent(u)}` }, u)])) : null),
    h('section', { class: 'panel', 'aria-labelledby': 'rights-title' },
      h('h2', { id: 'rights-title' }, 'Rights ', h('span', { class: 'count' }, String(grants.length))),
      h('p', { class: 'muted' }, 'Grants of Launch, View and Manage, besides the roles ipa-launch, ipa-view and ipa-manage, '
        + 'which hold them on every process.'),
      grants.length === 0 ? h('p', { class: 'empty' }, 'No grant yet.')
        : h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'grants' },
          h('thead', {}, h('tr', {}, ['To', 'Right', 'On process', ''].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, grants.map((g) => h('tr', { 'data-grant': `${g.kind}:${g.principal}:${g.right}:${g.process}` },
            h('td', {}, `${g.kind} ${g.principal}`),
            h('td', { 'data-label': 'Right' }, g.right),
            h('td', { 'data-label': 'On process' }, g.process),
            h('td', {}, h('button', { type: 'button', class: 'link-button',
              'aria-label': `Revoke ${g.right} on ${g.process} from ${g.kind} ${g.principal}`, onclick: () => revoke(g) },
            'Revoke'))))))),
      h('h3', {}, 'Grant a right'), grantForm)));
  main.focus();
}

async function renderWorkgroup(main, name) {
  const workgroup = await orNotFound(main, () => api.get(`workgroups/${encodeURIComponent(name)}`),
    { title: 'No such workgroup', back: '#/admin', backLabel: 'Back to Administration' });
  if (!workgroup) return;
  const path = `workgroups/${encodeURIComponent(name)}`;
  const again = () => renderWorkgroup(main, name);
  const description = labelled('wg-edit-description', 'Description', h('input', { type: 'text', value: workgroup.description ?? '' }));
  const member = labelled('wg-member', 'User name', h('input', { type: 'text', autocomplete: 'off' }));
  const summary = problems();

  const remove = confirmed({ label: 'Delete workgroup', id: 'delete-workgroup', ariaLabel: 'Confirm deleting',
    question: `Delete ${name}? Its queue's items stay with their flows.`, yes: 'Yes, delete it', confirmId: 'confirm-delete',
    onYes: async () => {
      if (await change(() => api.del(path), `Workgroup ${name} deleted`, {}, summary)) location.hash = '#/admin';
    } });

  show(main, h('section', { class: 'page' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/admin' }, 'Administration'), ' / ',
      h('span', { 'aria-current': 'page' }, name)),
    h('header', { class: 'page-header with-actions' },
      h('div', {}, h('h1', { id: 'page-title' }, `Workgroup ${name}`)),
      h('div', { class: 'actions' }, remove.trigger, remove.group)),
    summary,
    h('section', { class: 'panel', 'aria-labelledby': 'members-title' },
      h('h2', { id: 'members-title' }, 'Members ', h('span', { class: 'count' }, String(workgroup.members.length))),
      workgroup.members.length === 0 ? h('p', { class: 'empty' }, 'No member yet.')
        : h('ul', { class: 'member-list', 'data-list': 'members' }, workgroup.members.map((user) => h('li', { 'data-member': user },
          h('a', { href: `#/admin/user/${encodeURIComponent(user)}` }, user),
          h('button', { type: 'button', class: 'link-button', 'aria-label': `Remove ${user}`, onclick: async () => {
            if (await change(() => api.del(`${path}/members/${encodeURIComponent(user)}`), `${user} removed`, {}, summary)) again();
          } }, 'Remove')))),
      h('form', { class: 'form inline-form', 'aria-label': 'Add a member', novalidate: true, onsubmit: async (event) => {
        event.preventDefault();
        const user = member.control.value.trim();
        if (!user) {
          member.error('Enter a user name.');
          return;
        }
        if (await change(() => api.put(`${path}/members/${encodeURIComponent(user)}`), `${user} added`,
          { user: member }, summary)) again();
      } }, member.element, h('button', { type: 'submit', class: 'primary', id: 'add-member' }, 'Add member'))),
    h('section', { class: 'panel', 'aria-labelledby': 'about-title' },
      h('h2', { id: 'about-title' }, 'About'),
      h('form', { class: 'form inline-form', 'aria-label': 'Workgroup description', novalidate: true, onsubmit: async (event) => {
        event.preventDefault();
        if (await change(() => api.put(path, { description: description.control.value.trim() || null }), 'Description saved',
          { description }, summary)) again();
      } }, description.element, h('button', { type: 'submit', class: 'secondary', id: 'save-description' }, 'Save')))));
  main.focus();
}

async function renderUser(main, user) {
  const path = `users/${encodeURIComponent(user)}`;
  // A user the server holds nothing of yet (404) starts from the defaults: away, Direct Routed, no skills.
  const orElse = (fallback) => (error) => {
    if (error instanceof ApiError && error.status === 404) return fallback;
    throw error;
  };
  const [presence, licence, skills] = await Promise.all([
    api.get(`${path}/presence`).catch(orElse({ presence: 'away' })),
    api.get(`${path}/licence`).catch(orElse({ licence: 'DIRECT_ROUTED' })),
    api.get(`${path}/skills`).catch(orElse({}))]);
  const summary = problems();
  const presenceField = labelled('user-presence', 'Presence', choice(PRESENCES, presence.presence));
  const licenceField = labelled('user-licence', 'Licence', choice(LICENCES, licence.licence));
  const rows = Object.entries(skills).sort(([a], [b]) => a.localeCompare(b));
  const skillFields = rows.map(([skill, level], i) => labelled(`skill-${i}`, skill,
    h('input', { type: 'number', min: 1, max: 100, value: level, 'data-skill': skill })));
  const newSkill = labelled('skill-new-name', 'New skill', h('input', { type: 'text', autocomplete: 'off' }));
  const newLevel = labelled('skill-new-level', 'Level (1 to 100)', h('input', { type: 'number', min: 1, max: 100 }));
  const again = () => renderUser(main, user);

  const saveSkills = async (event) => {
    event.preventDefault();
    const body = {};
    const byName = {};
    for (const f of skillFields) {
      const skill = f.control.dataset.skill;
      if (f.control.value !== '') body[skill] = Number(f.control.value);
      byName[skill] = f;
    }
    const added = newSkill.control.value.trim();
    if (added) {
      body[added] = newLevel.control.value === '' ? null : Number(newLevel.control.value);
      byName[added] = newLevel;
    }
    if (await change(() => api.put(`${path}/skills`, body), 'Skills saved', byName, summary)) again();
  };

  show(main, h('section', { class: 'page' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/admin' }, 'Administration'), ' / ',
      h('span', { 'aria-current': 'page' }, user)),
    h('header', { class: 'page-header' }, h('h1', { id: 'page-title' }, `User ${user}`),
      h('p', { class: 'meta' }, presence.changedAt ? `Presence set ${new Date(presence.changedAt).toLocaleString()}` : '')),
    summary,
    h('section', { class: 'panel', 'aria-labelledby': 'status-title' },
      h('h2', { id: 'status-title' }, 'Presence and licence'),
      h('div', { class: 'form-grid' },
        h('form', { class: 'form inline-form', 'aria-label': 'Presence', novalidate: true, onsubmit: async (event) => {
          event.preventDefault();
          if (await change(() => api.put(`${path}/presence`, { presence: presenceField.control.value }), 'Presence saved',
            { presence: presenceField }, summary)) again();
        } }, presenceField.element, h('button', { type: 'submit', class: 'secondary', id: 'save-presence' }, 'Save')),
        h('form', { class: 'form inline-form', 'aria-label': 'Licence', novalidate: true, onsubmit: async (event) => {
          event.preventDefault();
          if (await change(() => api.put(`${path}/licence`, { licence: licenceField.control.value }), 'Licence saved',
            { licence: licenceField }, summary)) again();
        } }, licenceField.element, h('button', { type: 'submit', class: 'secondary', id: 'save-licence' }, 'Save')))),
    h('section', { class: 'panel', 'aria-labelledby': 'skills-title' },
      h('h2', { id: 'skills-title' }, 'Skills'),
      h('p', { class: 'muted' }, 'Levels from 1 to 100; empty a level to take the skill away.'),
      h('form', { class: 'form', 'aria-label': 'Skills', novalidate: true, onsubmit: saveSkills },
        h('div', { class: 'form-grid' }, skillFields.map((f) => f.element), newSkill.element, newLevel.element),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'save-skills' }, 'Save skills'))))));
  main.focus();
}
