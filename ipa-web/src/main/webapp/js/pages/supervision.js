// Supervision (ipa-admin or the Process Monitor licence): every workgroup's queue as it is now:
// items waiting and the age of the oldest, what each member holds, their presence and licence,
// whom routing would give the next item. The page reads the queues again every few seconds while
// it is shown.
import { h, show, clock } from '../dom.js';
import { api } from '../api.js';
import { duration } from '../charts.js';

const EVERY_MS = 3000;
let watching = 0; // a newer rendering of the page stops the older one's refreshes

export async function render(main) {
  const mine = ++watching;
  const board = h('div', { id: 'queues' });
  const updated = h('p', { class: 'meta', id: 'updated' });
  show(main, h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('header', { class: 'page-header' }, h('h1', { id: 'page-title' }, 'Supervision'),
      h('p', { class: 'muted' }, 'Every workgroup\'s queue, read again every few seconds.'), updated),
    board));
  const refresh = async () => {
    if (mine !== watching || !main.contains(board)) return;
    try {
      const workgroups = await api.get('supervision/workgroups');
      if (mine !== watching) return;
      show(board, workgroups.length === 0
        ? h('div', { class: 'panel empty-state' }, h('h2', {}, 'No workgroup yet'),
          h('p', {}, 'Workgroups are made in Administration.'))
        : h('ul', { class: 'queues', 'data-list': 'workgroups' }, workgroups.map(queue)));
      show(updated, `Updated ${clock()}`);
    } catch (error) {
      show(updated, h('span', { class: 'field-error' }, `Not updated: ${error.message}`));
    }
    setTimeout(refresh, EVERY_MS);
  };
  await refresh();
  main.focus();
}

function queue(workgroup) {
  return h('li', { class: 'panel queue', 'data-workgroup': workgroup.workgroup },
    h('h2', {}, workgroup.workgroup),
    h('ul', { class: 'stats' },
      stat('Waiting', workgroup.waiting, 'waiting', workgroup.waitingHeld > 0 ? `${workgroup.waitingHeld} held` : null),
      stat('Oldest waiting', workgroup.waiting > 0 ? duration(workgroup.oldestWaitingSeconds * 1000) : '–', 'oldest'),
      stat('In hand', workgroup.inHand, 'in-hand'),
      stat('Next item goes to', workgroup.nextPick ?? 'nobody now', 'next')),
    workgroup.members.length === 0 ? h('p', { class: 'empty' }, 'No member.')
      : h('div', { class: 'table-wrap' }, h('table', { class: 'items', 'data-list': 'members' },
        h('thead', {}, h('tr', {}, ['Member', 'Presence', 'Licence', 'In hand', 'Routing'].map((t) =>
          h('th', { scope: 'col' }, t)))),
        h('tbody', {}, workgroup.members.map((m) => h('tr', { 'data-member': m.user },
          h('th', { scope: 'row' }, m.user),
          h('td', {}, h('span', { class: `badge badge-presence-${m.presence}` }, m.presence)),
          h('td', {}, m.licence),
          h('td', { class: 'number', 'data-in-hand': m.itemsInHand }, m.itemsInHand.toLocaleString()),
          h('td', {}, m.notRoutableBecause.length === 0 ? 'can take an item' : m.notRoutableBecause.join('; '))))))));
}

function stat(label, value, key, note) {
  return h('li', { class: `stat stat-${key}`, 'data-stat': key },
    h('span', { class: 'stat-value' }, typeof value === 'number' ? value.toLocaleString() : value),
    h('span', { class: 'stat-label' }, label, note ? ` (${note})` : ''));
}
