// Keep-alive for many WebSocket connections: each is pinged once per interval and dropped when its pong has not
// come back by its next turn. graphql-ws' own keep-alive gives every socket its own interval and pong timer, and
// sockets opened together ping together: at 10,000 connections that is 20,000 timers and a burst of work every
// 12 s that showed as a latency spike. Here one timer ticks every second and pings one slice of the sockets.
import type { WebSocket, WebSocketServer } from 'ws';

/** @returns stops the timer. */
export function spreadKeepAlive(wss: WebSocketServer, intervalMs = 30_000): () => void {
  const slices = Math.max(1, Math.round(intervalMs / 1000));
  const alive = new WeakMap<WebSocket, boolean>();
  const sliceOf = new WeakMap<WebSocket, number>();
  let assigned = 0;
  let tick = 0;
  wss.on('connection', (socket: WebSocket) => {
    alive.set(socket, true);
    sliceOf.set(socket, assigned++ % slices);
    socket.on('pong', () => alive.set(socket, true));
  });
  const timer = setInterval(() => {
    const slice = tick++ % slices;
    for (const socket of wss.clients) {
      if (sliceOf.get(socket) !== slice || socket.readyState !== socket.OPEN) continue;
      if (!alive.get(socket)) {
        socket.terminate(); // no pong for a whole interval: the peer is gone
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}
