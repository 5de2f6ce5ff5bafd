// Preloaded into the benchmark's server (NODE_OPTIONS=--import): appends the path of every
// Markdown file the process reads to READS_LOG, so a publish can be shown to read only what changed.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const log = process.env.READS_LOG;
const readFileSync = fs.readFileSync;
fs.readFileSync = function countedReadFileSync(file, ...rest) {
  if (log && typeof file === "string" && file.endsWith(".md")) fs.appendFileSync(log, `${file}\n`);
  return readFileSync.call(this, file, ...rest);
};
// Named imports of node:fs see the wrapper too.
syncBuiltinESMExports();
