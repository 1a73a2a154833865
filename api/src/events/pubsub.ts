import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import type { PubSub } from 'type-graphql';

const CHANNEL = 'kok_events';

/**
 * A pub/sub that spans API processes through PostgreSQL LISTEN/NOTIFY: no extra server.
 * Payloads are small (ids and scope keys, well under NOTIFY's 8 kB); subscribers load the
 * rows they need and apply authorisation themselves.
 */
export class PgPubSub implements PubSub {
  private readonly emitter = new EventEmitter();
  private listener: pg.Client | null = null;
  private readonly pool: pg.Pool;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly log: (msg: string, err?: unknown) => void = () => undefined,
  ) {
    this.emitter.setMaxListeners(0);
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
  }

  /** Opens the LISTEN connection (and reopens it if the database restarts). */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const { topic, payload } = JSON.parse(msg.payload) as { topic: string; payload: unknown };
        this.emitter.emit(topic, payload);
      } catch (e) {
        this.log('pubsub: dropped a malformed notification', e);
      }
    });
    client.on('error', (e) => {
      this.log('pubsub: LISTEN connection lost; reconnecting', e);
      this.listener = null;
      void client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.start().catch((err) => this.log('pubsub: reconnect failed', err)), 1000);
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    this.listener = client;
  }

  /** Publishes to every process (including this one, through its own LISTEN). */
  publish(topic: string, ...args: unknown[]): void {
    void this.publishAsync(topic, args[0]).catch((e) => this.log(`pubsub: publish ${topic} failed`, e));
  }

  async publishAsync(topic: string, payload: unknown): Promise<void> {
    await this.pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ topic, payload })]);
  }

  subscribe(topic: string): AsyncIterable<unknown> {
    const iterator = on(this.emitter, topic);
    return {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const r = await iterator.next();
          return r.done ? r : { done: false, value: (r.value as unknown[])[0] };
        },
        return: async () => {
          await iterator.return?.();
          return { done: true, value: undefined };
        },
      }),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
