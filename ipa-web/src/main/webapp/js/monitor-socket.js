// The monitor's WebSocket (/ipa/monitor) as the page uses it: one subscription, the number of the
// last event received, and reconnection by itself (1, 2, 4, 8, then every 10 s) with that number,
// so that the server sends what was missed first. Events are never applied twice (a number not
// above the last is dropped). The session cookie signs the connection in, as for every call.

const address = new URL('../monitor', import.meta.url);
address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';

export function live(handlers) {
  let socket = null;
  let filter = null;
  let last = null;
  let attempts = 0;
  let timer = null;
  let state = 'idle'; // idle | watching | paused | stopped (refused, invalid) | closed

  const drop = () => {
    clearTimeout(timer);
    const open = socket;
    socket = null; // its close is ours: no reconnection
    if (open) open.close(1000, 'done');
  };

  const retryLater = () => {
    const seconds = Math.min(10, 2 ** attempts);
    attempts += 1;
    handlers.onUnavailable(seconds);
    timer = setTimeout(connect, seconds * 1000);
  };

  const received = (message) => {
    switch (message.type) {
      case 'event':
        if (last !== null && message.seq <= last) return;
        last = message.seq;
        handlers.onEvent(message);
        break;
      case 'subscribed':
        attempts = 0;
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
        drop();
        handlers.onRefused(message);
        break;
      case 'invalid':
        state = 'stopped';
        drop();
        handlers.onInvalid(message);
        break;
      default: // 'error': the server could not serve the subscription now
        socket?.close(4000, 'retry');
    }
  };

  function connect() {
    if (state !== 'watching') return;
    handlers.onConnecting(last !== null);
    const ws = new WebSocket(address);
    socket = ws;
    ws.addEventListener('open', () => {
      ws.send(JSON.stringify({ type: 'subscribe', filter, ...(last !== null ? { after: last } : {}) }));
    });
    ws.addEventListener('message', (message) => {
      if (socket === ws) received(JSON.parse(message.data));
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      if (state === 'watching') retryLater();
    });
  }

  return {
    /** Watches from now on, or (with {@code after}) from after that number. */
    watch(newFilter, after = null) {
      drop();
      filter = newFilter;
      last = after;
      attempts = 0;
      state = 'watching';
      connect();
    },
    pause() {
      state = 'paused';
      drop();
    },
    resume() {
      state = 'watching';
      connect();
    },
    paused: () => state === 'paused',
    last: () => last,
    close() {
      state = 'closed';
      drop();
    },
  };
}
