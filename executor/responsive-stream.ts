/**
 * Keeps a running query responsive. Operators over in-memory data hand batches along without
 * ever waiting on I/O, so a long query would hold the event loop: no timer, signal or Ctrl-C could
 * be delivered and cancellation would never be seen. Every so often a stream gives the event loop
 * one turn, then checks for cancellation.
 */
import type * as arrow from 'apache-arrow';

/** How long a query may hold the event loop before it yields a turn. */
const MAX_HOLD_MS = 20;

export interface YieldClock {
  /** performance.now() of the last turn given to the event loop; shared by a query's operators. */
  lastYield: number;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function* responsive(
  stream: AsyncIterable<arrow.RecordBatch>,
  clock: YieldClock,
  checkCancelled: () => void,
): AsyncGenerator<arrow.RecordBatch> {
  for await (const batch of stream) {
    if (performance.now() - clock.lastYield > MAX_HOLD_MS) {
      await nextTurn();
      clock.lastYield = performance.now();
      checkCancelled();
    }
    yield batch;
  }
}
