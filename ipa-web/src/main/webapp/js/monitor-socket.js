// The monitor's WebSocket (/ipa/monitor) as the pages use it. The monitor page makes one
// subscription and keeps the number of the last event received: it reconnects by itself (1, 2, 4,
// 8, then every 10 s) with that number, so that the server sends what was missed first, and never
// applies an event twice (a number not above the last is dropped). My Work Items asks only to be
// told when its lists change. The session cookie signs the connection in, as for every call.

const address = new URL('../monitor', import.meta.url);
address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';

/**
 * A connection that comes back by itself after a loss: hello() is the message sent on each
 * opening, receive() gets every message; connected() (on the server's answer) resets the delay.
 */
function reconnecting({ hello, receive, onConnecting, onUnavailable }) {
  let socket = null;
  let attempts = 0;
  let timer = null;
  let wanted = false;

  function connect() {
    if (!wanted) return;
    onConnecting();
    const ws = new WebSocket(address);
    socket = ws;
    ws.addEventListener('open', () => ws.send(JSON.stringify(hello())));
    ws.addEventListener('message', (message) => {
      if (socket === ws) receive(JSON.parse(message.data));
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      if (!wanted) return;
      const seconds = Math.min(10, 2 ** attempts);
      attempts += 1;
      onUnavailable(seconds);
      timer = setTimeout(connect, seconds * 1000);
    });
  }

  return {
    open() {
      this.shut();
      wanted = true;
      attempts = 0;
      connect();
    },
    /** Closes without coming back; its close is ours. */
    shut() {
      wanted = false;
      clearTimeout(timer);
      const open = socket;
      socket = null;
      if (open) open.close(1000, 'done');
    },
    connected() {
      attempts = 0;
    },
    /** The server could not serve us now: close and come back later. */
    retry() {
      socket?.close(4000, 'retry');
    },
  };
}

export function live(handlers) {
  let filter = null;
  let last = null;
  let state = 'idle'; // idle | watching | paused | stopped (refused, invalid) | closed

  const received = (message) => {
    switch (message.type) {
      case 'event':
        if (last !== null && message.seq <= last) return;
        last = message.seq;
        handlers.onEvent(message);
        break;
      case 'subscribed':
        line.connected();
        last = Math.max(last ?? 0, message.last);
        handlers.onSubscribed(message);
        break;
      case 'heartbeat':
        if (last !== null) last = Math.max(last, message.last);
        break;
      case 'gap':
        handlers.onGap(message);
        break;
      case 'refused':
        state = 'stopped';
        line.shut();
        handlers.onRefused(message);
        break;
      case 'invalid':
        state = 'stopped';
        line.shut();
        handlers.onInvalid(message);
        break;
      default: // 'error': the server could not serve the subscription now
        line.retry();
    }
  };

  const line = reconnecting({
    hello: () => ({ type: 'subscribe', filter, ...(last !== null ? { after: last } : {}) }),
    receive: received,
    onConnecting: () => handlers.onConnecting(last !== null),
    onUnavailable: (seconds) => handlers.onUnavailable(seconds),
  });

  return {
    /** Watches from now on, or (with {@code after}) from after that number. */
    watch(newFilter, after = null) {
      line.shut();
      filter = newFilter;
      last = after;
      state = 'watching';
      line.open();
    },
    pause() {
      state = 'paused';
      line.shut();
    },
    resume() {
      state = 'watching';
      line.open();
    },
    paused: () => state === 'paused',
    last: () => last,
    close() {
      state = 'closed';
      line.shut();
    },
  };
}

/**
 * Tells My Work Items when to read its lists: onWatching() once the server watches them (at each
 * (re)connection, since changes may have been missed meanwhile), onChanged() at each change.
 */
export function workItemsLive({ onWatching, onChanged, onUnavailable }) {
  const line = reconnecting({
    hello: () => ({ type: 'workItems' }),
    receive: (message) => {
      if (message.type === 'watchingWorkItems') {
        line.connected();
        onWatching();
      } else if (message.type === 'workItemsChanged') {
        onChanged();
      } else if (message.type === 'error') {
        line.retry();
      }
    },
    onConnecting: () => {},
    onUnavailable,
  });
  line.open();
  return { close: () => line.shut() };
}
