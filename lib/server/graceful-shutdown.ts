import type { Server } from "node:http";
import { watchRequests } from "./http-server";

// Past this, the server exits with requests still open (a render stuck on something).
const DRAIN_LIMIT_MS = 10_000;

const log = (line: string) => console.log(`[dừng máy chủ] ${line}`);

/**
 * On SIGTERM or SIGINT (a service manager stopping or restarting the server, a deploy, Ctrl-C),
 * stop taking connections and exit once the requests in progress are answered. Next's own
 * handler exits at once, cutting those answers off mid-page, which a proxy in front cannot retry;
 * with this, nginx sends the next requests to another instance and no reader sees an error.
 * Needs NEXT_MANUAL_SIG_HANDLE=1 in the server's environment, which turns Next's handler off.
 */
export function drainOnTerminate(): void {
  let server: Server | null = null;
  let inFlight = 0;
  let stopping = false;

  const exitWhenDone = () => {
    if (inFlight > 0) return;
    log("mọi yêu cầu đã được trả lời; dừng.");
    process.exit(0);
  };

  watchRequests(
    (found) => (server = found),
    ({ response }) => {
      inFlight += 1;
      // A request that arrives on a kept-alive connection while stopping is answered, then that
      // connection is closed.
      if (stopping) response.shouldKeepAlive = false;
      response.once("close", () => {
        inFlight -= 1;
        if (!stopping) return;
        server?.closeIdleConnections();
        exitWhenDone();
      });
    },
  );

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: không nhận kết nối mới, chờ ${inFlight} yêu cầu đang xử lý`);
    server?.close();
    server?.closeIdleConnections();
    setTimeout(() => {
      log(`sau ${DRAIN_LIMIT_MS / 1000} s vẫn còn ${inFlight} yêu cầu; dừng.`);
      process.exit(1);
    }, DRAIN_LIMIT_MS).unref();
    exitWhenDone();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
