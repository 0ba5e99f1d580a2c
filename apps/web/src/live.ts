import { session } from './session.js';

/**
 * A minimal client for the graphql-transport-ws protocol (the one graphql-ws speaks at /graphql): one socket
 * per subscription, which is all a screen needs. It reconnects after a drop, with a growing pause.
 */
export function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let retries = 0;

  const connect = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    socket = new WebSocket(url, 'graphql-transport-ws');
    const token = session.tokens?.accessToken;
    socket.addEventListener('open', () => {
      socket?.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }));
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { type: string; payload?: { data?: T } };
      if (message.type === 'connection_ack') {
        retries = 0;
        socket?.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      } else if (message.type === 'next' && message.payload?.data) {
        onData(message.payload.data);
      } else if (message.type === 'ping') {
        socket?.send(JSON.stringify({ type: 'pong' }));
      }
    });
    socket.addEventListener('close', () => {
      if (stopped) return;
      retries++;
      setTimeout(connect, Math.min(30_000, 1000 * 2 ** retries));
    });
  };
  connect();

  return () => {
    stopped = true;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ id: '1', type: 'complete' }));
    socket?.close();
  };
}
