/** What a receiver answered: an HTTP status, and how long it asked us to wait (Retry-After), if it did. */
export interface Answer {
  status: number;
  retryAfterMs?: number;
}

export interface BatchedSenderOptions {
  /** Names the receiver in log lines. */
  name: string;
  send: (items: string[]) => Promise<Answer>;
  log: (line: string) => void;
  /** A burst: items that come within this long of the first go in one submission. */
  gatherMs: number;
  /** At most this many items in one submission (IndexNow takes 10,000). */
  maxBatch: number;
  /** Tries per submission, the first included. */
  attempts: number;
  /** The wait before try n + 1 (n from 1), unless the receiver said how long. */
  backoffMs: (attempt: number) => number;
}

export interface BatchedSender {
  add(items: Iterable<string>): void;
  /** Resolves once nothing waits and nothing is being sent (for tests and a clean stop). */
  idle(): Promise<void>;
}

/** 1 s, 2 s, 4 s … at most a minute and a half: retries that give a receiver time to come back. */
export const doublingBackoff = (attempt: number) => Math.min(90_000, 1000 * 2 ** (attempt - 1));

// Too many requests, or the receiver's own trouble: worth another try. Any other refusal (a bad
// key, an address of another host) would be refused again.
const isWorthRetrying = (status: number) => status === 429 || status === 0 || status >= 500;

/**
 * Gathers items (URLs) into batches and sends them one batch at a time, in the background:
 * the same item twice in one burst goes once, a failed batch is tried again after a growing
 * wait, and nothing here ever waits for the caller or makes it wait. Each try is one log line.
 */
export function createBatchedSender(options: BatchedSenderOptions): BatchedSender {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let sending = false;
  let waiters: Array<() => void> = [];

  const settle = () => {
    if (sending || timer || pending.size > 0) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const later = (ms: number, run: () => void) => {
    timer = setTimeout(() => {
      timer = null;
      run();
    }, ms);
    timer.unref();
  };

  const sendBatch = async (batch: string[]) => {
    for (let attempt = 1; ; attempt += 1) {
      let answer: Answer;
      try {
        answer = await options.send(batch);
      } catch (error) {
        answer = { status: 0 };
        options.log(
          `${options.name}: không gửi được (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      const said = `${options.name}: ${batch.length} địa chỉ, lần ${attempt}`;
      if (answer.status >= 200 && answer.status < 300) {
        options.log(`${said}: nhận (${answer.status})`);
        return;
      }
      if (!isWorthRetrying(answer.status) || attempt >= options.attempts) {
        options.log(`${said}: bỏ (${answer.status || "không kết nối được"})`);
        return;
      }
      const wait = answer.retryAfterMs ?? options.backoffMs(attempt);
      options.log(
        `${said}: thử lại sau ${Math.round(wait / 1000)} s (${answer.status || "không kết nối được"})`,
      );
      await new Promise<void>((resolve) => later(wait, resolve));
    }
  };

  const flush = () => {
    if (sending || pending.size === 0) return settle();
    sending = true;
    const batch = [...pending].slice(0, options.maxBatch);
    for (const item of batch) pending.delete(item);
    void sendBatch(batch).finally(() => {
      sending = false;
      if (pending.size > 0) later(options.gatherMs, flush);
      settle();
    });
  };

  return {
    add(items) {
      for (const item of items) pending.add(item);
      if (pending.size > 0 && !timer && !sending) later(options.gatherMs, flush);
    },
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
  };
}
