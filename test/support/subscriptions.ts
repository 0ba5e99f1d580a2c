import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received<T> {
  value: T;
  receivedAt: number;
}

export interface Subscription<T> {
  /** Resolves with the next message, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  /** Like next(), with the moment the message arrived (Date.now()). */
  nextStamped(timeoutMs?: number): Promise<Received<T>>;
  close(): Promise<void>;
}

/** A real graphql-ws client over WebSocket, as a browser would open one. */
export function subscribe<T>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown>,
  connectionParams: Record<string, unknown> = {},
): Subscription<T> {
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
  });
  const queue: Received<T>[] = [];
  const waiters: ((value: Received<T>) => void)[] = [];
  client.subscribe<T>(
    { query, variables },
    {
      next: (message) => {
        const value = { value: message.data as T, receivedAt: Date.now() };
        const waiter = waiters.shift();
        if (waiter) waiter(value);
        else queue.push(value);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  const nextStamped = (timeoutMs = 10_000): Promise<Received<T>> => {
    if (queue.length) return Promise.resolve(queue.shift()!);
    return new Promise<Received<T>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no subscription message in time')), timeoutMs);
      waiters.push((value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  };
  return {
    next: async (timeoutMs) => (await nextStamped(timeoutMs)).value,
    nextStamped,
    close: () => client.dispose() as Promise<void>,
  };
}
