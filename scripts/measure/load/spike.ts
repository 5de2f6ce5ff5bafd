// `npm run loadtest -- --spike`: the crowd a shared story brings, through the production stack
// (scripts/stack.ts: nginx, two instances, Redis), beside the single server `npm start` gives, in
// one run. Four parts, each bounded in time:
//   1. spike: 1,000 connections on one report for 30 s, first on the single server, then on the stack;
//   2. fairness of the single server at 100 connections (p99/p50), beside the bare one-page Next
//      app, alternating, three rounds;
//   3. failover: requests no cache can answer (a new query string each) for 20 s while one
//      instance is stopped (SIGTERM, as `kill`, systemd and docker stop do), then again while one
//      crashes (SIGKILL); the stack starts it again each time;
//   4. publish under load: a report saved during 20 s of 1,000 connections, timed until nginx
//      serves it and the home page lists it.
// Everything runs on a copy of content/, so the checkout is never touched, and stops by itself.
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { publicDirectory } from "../../../lib/content/refresh";
import { BARE_APP_DIR, ensureBareBuild } from "../bench/bare-app";
import { startGroup, stopGroup, waitForHttp } from "../bench/processes";
import { startLiveServer } from "../../../tools/live-server";
import { freePort, requireTool, type Stack, startStack } from "../../../tools/stack";
import { reportPath } from "./report-path";
import { requireWrk, runWrk, type WrkResult, WRK_TABLE_HEAD, wrkRow } from "../../../tools/measure/wrk";

const SPIKE = { connections: 1000, seconds: 30 };
const FAILOVER = { connections: 50, seconds: 20, killAfterSeconds: 6 };
const PUBLISH = { connections: 1000, seconds: 20, saveAfterSeconds: 5, deadlineSeconds: 15 };
const FAIRNESS = { connections: 100, seconds: 15, rounds: 3 };
const BUDGET = { p99Ms: 100, throughputRatio: 20, publishSeconds: 5 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; the time it took in ms, or null past the deadline. */
async function timeUntil(check: () => Promise<boolean>, deadlineMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < deadlineMs) {
    if (await check().catch(() => false)) return Math.round(performance.now() - started);
    await sleep(100);
  }
  return null;
}

async function bodyOf(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    headers: { "accept-encoding": "gzip" },
    signal: AbortSignal.timeout(5000),
  });
  return { status: response.status, text: await response.text() };
}

/** A report as an editor saves it: a temporary file renamed over the name, dated now. */
function saveReport(contentDir: string, slug: string, title: string): void {
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const text = `---
title: "${title}"
date: ${date}
summary: Bài đăng trong lúc trang đang chịu tải, để đo thời gian bạn đọc thấy bài.
category: Thời sự
tags: [Thành phố Vinh]
---

Bài này được lưu khi một nghìn kết nối đang đọc cùng một bài khác.
`;
  const temporary = path.join(contentDir, `.${slug}.md.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path.join(contentDir, `${slug}.md`));
}

async function startBareApp(): Promise<{ origin: string; stop: () => void }> {
  ensureBareBuild();
  const port = await freePort();
  const child = startGroup(
    process.execPath,
    [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: BARE_APP_DIR, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/`);
  return { origin, stop: () => stopGroup(child) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function singleServer(distDir: string, work: string, contentDir: string) {
  const server = await startLiveServer({
    distDir,
    workDir: path.join(work, "single"),
    contentDir,
    publicDir: publicDirectory(),
    port: await freePort(),
  });
  const bare = await startBareApp();
  try {
    const report = await reportPath(server.origin);
    const url = `${server.origin}${report}`;
    await runWrk({ url, connections: 10, seconds: 3 });
    await runWrk({ url: `${bare.origin}/`, connections: 10, seconds: 3 });
    console.log(
      `Single server (npm start): ${SPIKE.connections} connections for ${SPIKE.seconds} s on ${report} …`,
    );
    const spike = await runWrk({ url, ...SPIKE });
    const rounds: Array<{ report: WrkResult; bare: WrkResult }> = [];
    for (let round = 1; round <= FAIRNESS.rounds; round += 1) {
      console.log(
        `Fairness, round ${round} of ${FAIRNESS.rounds}: ${FAIRNESS.connections} connections for ${FAIRNESS.seconds} s on the report, then on the bare page …`,
      );
      const onReport = await runWrk({ url, ...FAIRNESS });
      rounds.push({ report: onReport, bare: await runWrk({ url: `${bare.origin}/`, ...FAIRNESS }) });
    }
    return { spike, rounds };
  } finally {
    bare.stop();
    await server.stop();
  }
}

async function failover(stack: Stack, report: string, signal: "SIGTERM" | "SIGKILL") {
  const victim = stack.instances[0];
  const url = `${stack.origin}${report}`;
  console.log(
    `Failover (${signal}): ${FAILOVER.connections} connections for ${FAILOVER.seconds} s, each request with its ` +
      `own query string (past nginx's cache); ${victim.name} sent ${signal} after ${FAILOVER.killAfterSeconds} s …`,
  );
  const restartsBefore = victim.restarts();
  const load = runWrk({
    url,
    connections: FAILOVER.connections,
    seconds: FAILOVER.seconds,
    uniqueQuery: true,
  });
  await sleep(FAILOVER.killAfterSeconds * 1000);
  const killed = victim.child();
  const killedAt = performance.now();
  process.kill(killed.pid as number, signal);
  await new Promise((resolve) => killed.once("exit", resolve));
  await sleep(100);
  await victim.serving(30_000);
  const backAfterMs = Math.round(performance.now() - killedAt);
  const result = await load;
  const direct = await bodyOf(`${victim.origin}${report}?n=after-restart`);
  return {
    signal,
    result,
    victim: victim.name,
    backAfterMs,
    restarted: victim.restarts() - restartsBefore,
    directStatus: direct.status,
  };
}

async function publishUnderLoad(stack: Stack, report: string, contentDir: string) {
  const slug = `bai-dang-khi-chiu-tai-${Date.now()}`;
  const title = `Bài đăng khi đang chịu tải ${new Date().toISOString().slice(11, 19)}`;
  const page = `/bai-viet/${slug}`;
  console.log(
    `Publish under load: ${PUBLISH.connections} connections for ${PUBLISH.seconds} s on ${report}; ` +
      `${slug}.md saved after ${PUBLISH.saveAfterSeconds} s …`,
  );
  const load = runWrk({
    url: `${stack.origin}${report}`,
    connections: PUBLISH.connections,
    seconds: PUBLISH.seconds,
  });
  await sleep(PUBLISH.saveAfterSeconds * 1000);
  saveReport(contentDir, slug, title);
  const deadline = PUBLISH.deadlineSeconds * 1000;
  const [pageMs, homeMs, ...instanceMs] = await Promise.all([
    timeUntil(async () => (await bodyOf(`${stack.origin}${page}`)).status === 200, deadline),
    timeUntil(async () => (await bodyOf(`${stack.origin}/`)).text.includes(title), deadline),
    ...stack.instances.map((instance) =>
      timeUntil(async () => (await bodyOf(`${instance.origin}/`)).text.includes(title), deadline),
    ),
  ]);
  const result = await load;
  return { result, pageMs, homeMs, instanceMs };
}

const seconds = (ms: number | null) =>
  ms === null ? `not within ${PUBLISH.deadlineSeconds} s` : `${(ms / 1000).toFixed(1)} s`;

export async function runSpike(distDir: string): Promise<void> {
  requireWrk();
  requireTool("/usr/sbin/nginx", "nginx");
  requireTool("/usr/bin/redis-server", "redis-server");
  const work = mkdtempSync(path.join(os.tmpdir(), "tin-xu-nghe-spike-"));
  const contentDir = path.join(work, "content");
  cpSync(path.resolve("content"), contentDir, { recursive: true });
  let stack: Stack | null = null;
  const stopAll = async () => {
    await stack?.stop();
    rmSync(work, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(130)));
  }
  try {
    const single = await singleServer(distDir, work, contentDir);

    const stackLog: string[] = [];
    stack = await startStack({
      distDir,
      port: await freePort(),
      host: "127.0.0.1",
      appPorts: [await freePort(), await freePort()],
      redisPort: await freePort(),
      contentDir,
      publicDir: publicDirectory(),
      store: path.join(work, "stack-content-store.sqlite"),
      log: (line) => stackLog.push(line),
    });
    const report = await reportPath(stack.origin);
    await runWrk({ url: `${stack.origin}${report}`, connections: 100, seconds: 3 });
    console.log(
      `Stack (nginx → 2 instances, Redis): ${SPIKE.connections} connections for ${SPIKE.seconds} s …`,
    );
    const spike = await runWrk({ url: `${stack.origin}${report}`, ...SPIKE });
    const stopped = await failover(stack, report, "SIGTERM");
    const crashed = await failover(stack, report, "SIGKILL");
    const published = await publishUnderLoad(stack, report, contentDir);

    const ratio = spike.requestsPerSecond / single.spike.requestsPerSecond;
    console.log(`\n## Spike: ${SPIKE.connections} connections on one report for ${SPIKE.seconds} s\n`);
    console.log(
      [
        ...WRK_TABLE_HEAD,
        wrkRow("single server (npm start)", single.spike),
        wrkRow("stack (nginx, 2 instances, Redis)", spike),
      ].join("\n"),
    );
    console.log(`\nThroughput, stack / single server: ${ratio.toFixed(1)}×`);
    console.log(
      `\n## Single server at ${FAIRNESS.connections} connections, beside the bare Next page, alternating\n`,
    );
    console.log(
      [
        ...WRK_TABLE_HEAD,
        ...single.rounds.flatMap((round, index) => [
          wrkRow(`round ${index + 1}: report (single server)`, round.report),
          wrkRow(`round ${index + 1}: bare page`, round.bare),
        ]),
      ].join("\n"),
    );
    const reportRatios = single.rounds.map((round) => round.report.p99Ms / round.report.p50Ms);
    const bareRatios = single.rounds.map((round) => round.bare.p99Ms / round.bare.p50Ms);
    const slowestReportMs = Math.max(...single.rounds.map((round) => round.report.maxMs));
    const reportTimeouts = single.rounds.reduce((sum, round) => sum + round.report.timeouts, 0);
    console.log(
      `\np99/p50, report: ${reportRatios.map((ratio) => ratio.toFixed(1)).join(", ")} (median ${median(reportRatios).toFixed(1)}); ` +
        `bare page: ${bareRatios.map((ratio) => ratio.toFixed(1)).join(", ")} (median ${median(bareRatios).toFixed(1)}). ` +
        `Slowest report request: ${slowestReportMs.toFixed(0)} ms; over 5 s: ${reportTimeouts}.`,
    );
    for (const killed of [stopped, crashed]) {
      console.log(
        `\n## Failover: ${killed.victim} sent ${killed.signal} after ${FAILOVER.killAfterSeconds} s of ${FAILOVER.seconds} s, requests past the cache\n`,
      );
      console.log(
        [...WRK_TABLE_HEAD, wrkRow(`stack, ${FAILOVER.connections} connections`, killed.result)].join("\n"),
      );
      console.log(
        `\n${killed.victim}: started again ${killed.restarted} time(s), serving ${(killed.backAfterMs / 1000).toFixed(1)} s ` +
          `after the signal; afterwards it answers directly with ${killed.directStatus}.`,
      );
    }
    console.log(`\n## Publish under load: ${PUBLISH.connections} connections for ${PUBLISH.seconds} s\n`);
    console.log([...WRK_TABLE_HEAD, wrkRow("stack, during the publish", published.result)].join("\n"));
    console.log(
      `\nFrom the save: report page 200 through nginx in ${seconds(published.pageMs)}; listed on the home page ` +
        `through nginx in ${seconds(published.homeMs)}; on each instance directly in ${published.instanceMs.map(seconds).join(", ")}.`,
    );
    const slowestPublish = Math.max(published.pageMs ?? Infinity, published.homeMs ?? Infinity);
    const budgets = [
      {
        name: `single server: p99/p50 no worse than the bare page's (median ${median(reportRatios).toFixed(1)} against ${median(bareRatios).toFixed(1)})`,
        met: median(reportRatios) <= median(bareRatios),
      },
      {
        name: "single server: no request over 5 s at 100 connections",
        met: reportTimeouts === 0 && slowestReportMs <= 5000,
      },
      { name: "spike: no errors, no timeouts", met: spike.failed === 0 },
      {
        name: `spike: p99 ≤ ${BUDGET.p99Ms} ms (${spike.p99Ms.toFixed(1)} ms)`,
        met: spike.p99Ms <= BUDGET.p99Ms,
      },
      {
        name: `spike: throughput ≥ ${BUDGET.throughputRatio}× the single server's (${ratio.toFixed(1)}×)`,
        met: ratio >= BUDGET.throughputRatio,
      },
      { name: "failover (SIGTERM): no failed request", met: stopped.result.failed === 0 },
      ...[stopped, crashed].map((killed) => ({
        name: `failover (${killed.signal}): the instance serves again after its restart`,
        met: killed.directStatus === 200 && killed.restarted >= 1,
      })),
      { name: "publish under load: no failed request", met: published.result.failed === 0 },
      {
        name: `publish under load: visible through nginx within ${BUDGET.publishSeconds} s`,
        met: slowestPublish <= BUDGET.publishSeconds * 1000,
      },
    ];
    console.log("\n## Budgets\n");
    for (const budget of budgets) console.log(`- ${budget.met ? "met" : "NOT MET"}: ${budget.name}`);
    if (budgets.some((budget) => !budget.met)) {
      process.exitCode = 1;
      console.log(`\nThe stack's last log lines:\n${stackLog.slice(-20).join("\n")}`);
    }
  } finally {
    await stopAll();
  }
}
