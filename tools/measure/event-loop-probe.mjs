// Loaded into a server with `node --import` (NODE_OPTIONS) by npm run bench:publish-load: every
// half second, the longest the main thread's event loop was held since the last line, on stderr as
// "[vòng sự kiện] <time ms since epoch> <max delay ms>". The server's own code stays as deployed.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

const PROBE_PREFIX = "[vòng sự kiện]";

if (isMainThread) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    process.stderr.write(`${PROBE_PREFIX} ${Date.now()} ${(delay.max / 1e6).toFixed(1)}\n`);
    delay.reset();
  }, 500).unref();
}
