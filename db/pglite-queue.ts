import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * pglite-socket 0.2.x funnels every connection into PGlite's one session, one protocol message at a time,
 * keeping a connection's turn only while it holds a transaction. A query with parameters is several
 * messages (Parse, Bind, Describe, Execute, Sync); another connection's message in between (a simple
 * `BEGIN`, say, which drops the unnamed statement) makes the Bind fail: "bind message supplies 1 parameters,
 * but prepared statement \"\" requires 4". The app, its worker and the job queue each hold connections, so
 * this happens under ordinary load (db/pglite-queue.test.ts reproduces it).
 *
 * This replaces the queue's scheduling so a connection also keeps its turn from its first extended-protocol
 * message to its Sync. (The original also left the queue stuck after a thrown error; here it goes on.)
 */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueueInternals {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

/** Parse, Bind, Describe, Execute, Close, Flush: a sequence that only the connection's Sync ends. */
const extendedProtocol = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

export function serializeExtendedQueries(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: QueueInternals }).queryQueue;
  let midSequence = false;

  q.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = (midSequence || this.db.isInTransaction()) && this.lastHandlerId !== null ? this.lastHandlerId : null;
        const index = owner === null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet; its enqueue resumes us
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        midSequence = extendedProtocol.has(item.message[0]);
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clearTransaction = q.clearTransactionIfNeeded.bind(q);
  q.clearTransactionIfNeeded = async function clearTransactionIfNeeded(this: QueueInternals, handlerId: number) {
    // A connection that vanished mid-sequence must not keep its turn for ever.
    if (this.lastHandlerId === handlerId) midSequence = false;
    await clearTransaction(handlerId);
    await this.processQueue();
  };
}
