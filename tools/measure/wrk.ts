// wrk (Debian's), run for a fixed time and read back: at 1,000 connections a load generator in
// JavaScript shares a core with what it measures and becomes the bottleneck; wrk, in C, does not.
// Every response is asked for with gzip, as browsers do.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const WRK = "/usr/bin/wrk";

export interface WrkOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Seconds after which wrk counts a request as timed out (and drops its connection). */
  timeoutSeconds?: number;
  /** Every request gets its own query string, so that a cache in front cannot answer it. */
  uniqueQuery?: boolean;
  /** A Lua script of wrk's own (method, body, headers, a request() function). */
  script?: string;
}

export interface WrkResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connect, read and write errors. */
  socketErrors: number;
  timeouts: number;
  /** Responses that were not 2xx or 3xx. */
  non2xx3xx: number;
  /** Requests that did not get a good answer: socket errors, timeouts, 4xx and 5xx. */
  failed: number;
}

export function requireWrk(): void {
  if (!existsSync(WRK)) throw new Error(`${WRK} is missing: install Debian's wrk (apt-get install -y wrk)`);
}

function milliseconds(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!match) throw new Error(`wrk printed a time it cannot read: ${value}`);
  const factor = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
  return Number(match[1]) * factor;
}

/** Reads wrk's report (with --latency). */
export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? 0);
  const latency = /^\s*Latency\s+(\S+)\s+(\S+)\s+(\S+)/m.exec(output);
  const p50 = /^\s*50%\s+(\S+)/m.exec(output);
  const p99 = /^\s*99%\s+(\S+)/m.exec(output);
  if (!latency || !p50 || !p99) throw new Error(`wrk's report could not be read:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0;
  const timeouts = socket ? Number(socket[4]) : 0;
  const non2xx3xx = number(/Non-2xx or 3xx responses: (\d+)/);
  return {
    requests: number(/(\d+) requests in/),
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: milliseconds(p50[1]),
    p99Ms: milliseconds(p99[1]),
    maxMs: milliseconds(latency[3]),
    socketErrors,
    timeouts,
    non2xx3xx,
    failed: socketErrors + timeouts + non2xx3xx,
  };
}

const UNIQUE_QUERY = `
local counter = 0
local thread_tag = tostring(math.random(1, 1000000000))
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?n=" .. thread_tag .. "-" .. counter)
end
`;

export function runWrk(options: WrkOptions): Promise<WrkResult> {
  requireWrk();
  const args = [
    "--threads",
    "2",
    "--connections",
    String(options.connections),
    "--duration",
    `${options.seconds}s`,
    "--timeout",
    `${options.timeoutSeconds ?? 5}s`,
    "--latency",
    "--header",
    "Accept-Encoding: gzip",
  ];
  const lua = options.uniqueQuery ? UNIQUE_QUERY : options.script;
  if (lua) {
    const script = path.join(mkdtempSync(path.join(os.tmpdir(), "wrk-")), "script.lua");
    writeFileSync(script, lua);
    args.push("--script", script);
  }
  args.push(options.url);
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`wrk exited with ${code}:\n${output}`));
      else {
        try {
          resolve(parseWrk(output));
        } catch (error) {
          reject(error);
        }
      }
    });
  });
}

/** The head of a table of wrk runs, one row each (`wrkRow`). */
export const WRK_TABLE_HEAD = [
  "| load | req/s | p50 ms | p99 ms | max ms | timeouts | socket errors | 4xx/5xx | requests |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
];

/** One wrk run as a row of that table. */
export function wrkRow(name: string, result: WrkResult): string {
  const cells = [
    result.requestsPerSecond.toFixed(0),
    result.p50Ms.toFixed(1),
    result.p99Ms.toFixed(1),
    result.maxMs.toFixed(0),
    String(result.timeouts),
    String(result.socketErrors),
    String(result.non2xx3xx),
    String(result.requests),
  ];
  return `| ${name} | ${cells.join(" | ")} |`;
}
