import { Worker } from "node:worker_threads";
import type { LoadResult } from "./load-report";
import { BODY_FIELD } from "./problems";

/** Parses one report file somewhere else than the calling thread; the glossary is the folder's at that stamp. */
export type ReportParser = (contentDir: string, fileName: string, glossaryStamp: string) => Promise<LoadResult>;

export interface ParseRequest {
  id: number;
  contentDir: string;
  fileName: string;
  glossaryStamp: string;
}

export type ParseReply = { id: number; result: LoadResult } | { id: number; error: string };

/** The bundled worker (lib/content/parse-worker.ts) that tools/standalone.ts puts beside server.js. */
export const PARSE_WORKER_FILE = "parse-report-worker.mjs";

// The limits keep every accepted body's parse under a second; past this, something unforeseen
// grows faster than they allow, and the file is refused rather than parsed on and on.
const PARSE_TIMEOUT_MS = 10_000;

export interface WorkerParser {
  parse: ReportParser;
  /** Ends the worker, and with it any parse in progress. */
  close(): Promise<void>;
}

function tooSlow(fileName: string, timeoutMs: number): LoadResult {
  const seconds = timeoutMs / 1000;
  return {
    report: null,
    problems: [
      {
        file: fileName,
        field: BODY_FIELD,
        message: `đọc nội dung mất hơn ${seconds} giây nên bài không được đăng; cần rút gọn hoặc bỏ bớt định dạng lồng nhau`,
      },
    ],
    warnings: [],
    photos: [],
  };
}

/**
 * Parses reports one at a time in a worker thread, so that a long parse holds that thread and not
 * the one answering requests. A worker that fails or takes too long is ended and started afresh
 * for the next file.
 */
export function createWorkerParser(
  workerFile: string,
  { timeoutMs = PARSE_TIMEOUT_MS, execArgv }: { timeoutMs?: number; execArgv?: string[] } = {},
): WorkerParser {
  let worker: Worker | null = null;
  let nextId = 0;

  const end = async () => {
    const ending = worker;
    worker = null;
    await ending?.terminate();
  };

  const started = (): Worker => {
    if (worker) return worker;
    const created = new Worker(/*turbopackIgnore: true*/ workerFile, { execArgv });
    // A server that is stopping exits without waiting for a parse.
    created.unref();
    worker = created;
    return created;
  };

  const parse: ReportParser = (contentDir, fileName, glossaryStamp) =>
    new Promise<LoadResult>((resolve, reject) => {
      const current = started();
      const id = (nextId += 1);
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        current.off("message", onMessage);
        current.off("error", onError);
        current.off("exit", onExit);
        outcome();
      };
      const onMessage = (reply: ParseReply) => {
        if (reply.id !== id) return;
        settle(() => ("result" in reply ? resolve(reply.result) : reject(new Error(reply.error))));
      };
      const onError = (error: Error) => {
        settle(() => reject(error));
        void end();
      };
      const onExit = (code: number) => {
        if (worker === current) worker = null;
        settle(() => reject(new Error(`luồng đọc bài dừng (mã ${code})`)));
      };
      const timer = setTimeout(() => {
        settle(() => resolve(tooSlow(fileName, timeoutMs)));
        void end();
      }, timeoutMs);
      current.on("message", onMessage);
      current.on("error", onError);
      current.on("exit", onExit);
      current.postMessage({ id, contentDir, fileName, glossaryStamp } satisfies ParseRequest);
    });

  return { parse, close: end };
}
