import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client, Notification } from 'pg';
import { Logger } from 'pino';
import { Db } from '@gc/db';

export const EVENTS_LOGGER = Symbol('EVENTS_LOGGER');

/** The PostgreSQL channel every instance listens on. */
const CHANNEL = 'gc_events';
/** Per topic, at most one notification per this many milliseconds; the latest state wins. */
export const THROTTLE_MS = 200;
/** PostgreSQL refuses NOTIFY payloads from 8000 bytes on. */
const MAX_PAYLOAD_BYTES = 7900;

type Listener = (payload: unknown) => void;

/**
 * Live updates across server instances. Publishing is throttled per topic (the latest payload wins, so a
 * burst of 300 signatures sends a handful of notifications), happens only after the publishing
 * transaction commits, and goes through PostgreSQL NOTIFY; every instance LISTENs on one dedicated
 * connection and hands the events to its own GraphQL subscribers.
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pending = new Map<string, unknown>();
  private readonly lastSent = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private client: Client | null = null;
  private closing = false;

  constructor(
    private readonly db: Db,
    @Inject(EVENTS_LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.flushAll();
    await this.client?.end().catch(() => undefined);
    for (const set of this.listeners.values()) for (const listener of set) listener(END);
    this.listeners.clear();
  }

  /** Queues the topic's new state; it is sent after the current transaction commits, throttled. */
  publish(topic: string, payload: unknown): void {
    this.db.afterCommit(() => {
      this.pending.set(topic, payload);
      if (this.timers.has(topic)) return;
      const wait = Math.max(0, (this.lastSent.get(topic) ?? 0) + THROTTLE_MS - Date.now());
      this.timers.set(
        topic,
        setTimeout(() => {
          this.timers.delete(topic);
          void this.flush(topic);
        }, wait),
      );
    });
  }

  /** Events of a topic as an async iterator, for a GraphQL subscription. Ends when the client leaves. */
  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener: Listener = (payload) => {
      if (payload === END) done = true;
      else queue.push(payload as T);
      wake?.();
    };
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
    const stop = () => {
      done = true;
      set.delete(listener);
      if (!set.size) this.listeners.delete(topic);
      wake?.();
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next(): Promise<IteratorResult<T>> {
        while (!queue.length && !done) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (queue.length) return { value: queue.shift()!, done: false };
        return { value: undefined, done: true };
      },
      async return(): Promise<IteratorResult<T>> {
        stop();
        return { value: undefined, done: true };
      },
    };
  }

  private async flush(topic: string): Promise<void> {
    if (!this.pending.has(topic)) return;
    const payload = this.pending.get(topic);
    this.pending.delete(topic);
    this.lastSent.set(topic, Date.now());
    const text = JSON.stringify({ topic, payload });
    if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
      this.logger.error({ topic }, 'event payload too large for NOTIFY; dropped');
      return;
    }
    try {
      await this.db.rows('SELECT pg_notify($1, $2)', [CHANNEL, text]);
    } catch (error) {
      this.logger.error({ err: error, topic }, 'could not publish an event');
    }
  }

  private async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((topic) => this.flush(topic)));
  }

  /** One dedicated direct connection (never a pooled one: LISTEN is session state), re-opened if it drops. */
  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.db.directUrl, application_name: 'global-council-events' });
    client.on('notification', (message: Notification) => this.dispatch(message));
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'event listener connection failed; reconnecting');
      this.client = null;
      if (!this.closing) setTimeout(() => void this.listen().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private dispatch(message: Notification): void {
    if (message.channel !== CHANNEL || !message.payload) return;
    let event: { topic: string; payload: unknown };
    try {
      event = JSON.parse(message.payload);
    } catch {
      return;
    }
    for (const listener of this.listeners.get(event.topic) ?? []) listener(event.payload);
  }
}

const END = Symbol('END');
