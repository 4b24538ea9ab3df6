// Child process of `npm run bench:subscriptions`: opens graphql-ws connections to the gateway (raw `ws`, no client
// library, so the client side stays light) and reports each event's arrival time to the parent over IPC.
// Started by bench/subscriptions.ts with: { url, tokens: string[], query, batch }.
import WebSocket from 'ws';

interface Start {
  url: string;
  /** One connection per token. */
  tokens: string[];
  query: string;
  /** Connections opened at once. */
  batch: number;
}

const now = () => performance.timeOrigin + performance.now();
let receipts: [string, number][] = [];
let subscribed = 0;
let closed = 0;
const sockets: WebSocket[] = [];

process.on('message', (message: { start?: Start; stop?: true }) => {
  if (message.start) void open(message.start);
  if (message.stop) {
    for (const socket of sockets) socket.terminate();
    flush();
    process.exit(0);
  }
});

async function open({ url, tokens, query, batch }: Start): Promise<void> {
  for (let i = 0; i < tokens.length; i += batch) {
    await Promise.all(tokens.slice(i, i + batch).map((token) => connect(url, token, query)));
  }
}

function connect(url: string, token: string, query: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    sockets.push(socket);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { type: string; payload?: { data?: { notificationAdded?: { id: string } } } };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        subscribed++;
        resolve();
      } else if (message.type === 'next') {
        const id = message.payload?.data?.notificationAdded?.id;
        if (id) receipts.push([id, now()]);
      } else if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    });
    socket.on('close', () => {
      closed++;
      resolve();
    });
    socket.on('error', () => undefined);
  });
}

function flush(): void {
  if (process.send) process.send({ receipts, subscribed, closed });
  receipts = [];
}

setInterval(flush, 200);
