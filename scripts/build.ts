// `npm run build`: the content check, which also brings the search index in step, then `next
// build`. Both are given one id for this build's check: `next build`'s workers then take the store
// as the check left it, unless anything wrote to it since, instead of each looking at every file
// again (at 500,000 reports, a stat and a stored stamp each, per worker). Prints each step's time.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { BUILD_CHECK_ID } from "../lib/content/refresh";

// Wherever it is started from: the checkout is this script's parent folder.
const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", [BUILD_CHECK_ID]: randomUUID() };
const steps: Array<[name: string, args: string[]]> = [
  ["check-content", [...process.execArgv, path.join(root, "scripts/check-content.ts"), "--index-search"]],
  ["next build", [path.join(root, "node_modules/next/dist/bin/next"), "build"]],
];
for (const [name, args] of steps) {
  const started = performance.now();
  const { status, signal } = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n${name} không đạt (${signal ?? `mã ${status}`}) sau ${seconds} s.`);
    process.exit(status ?? 1);
  }
  console.log(`\n${name} xong trong ${seconds} s.`);
}
