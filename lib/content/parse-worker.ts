// The worker thread of report-parser.ts: reads, validates and renders one report file per
// message. tools/standalone.ts bundles it into one file beside the standalone server.js.
import { parentPort } from "node:worker_threads";
import { type Glossary, loadGlossary } from "./glossary";
import { loadReport } from "./load-report";
import type { ParseReply, ParseRequest } from "./report-parser";

let glossary: { contentDir: string; stamp: string; value: Glossary } | null = null;

function glossaryFor(contentDir: string, stamp: string): Glossary {
  if (glossary?.contentDir !== contentDir || glossary.stamp !== stamp) {
    glossary = { contentDir, stamp, value: loadGlossary(contentDir) };
  }
  return glossary.value;
}

parentPort?.on("message", ({ id, contentDir, fileName, glossaryStamp }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id, result: loadReport(contentDir, fileName, glossaryFor(contentDir, glossaryStamp)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
