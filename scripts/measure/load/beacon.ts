// `npm run loadtest -- --beacon`: the view beacon under a shared story's crowd, through the
// production stack (nginx, two instances, Redis), on a copy of content/. In alternating rounds,
// 1,000 connections for 15 s each: the beacon alone (POST /api/luot-xem with the report's slug and
// a phone's agent), then the report page alone, for comparison on the same machine. Every request
// comes from 127.0.0.1, so the run is also a flood from one address: afterwards the report's count
// in Redis must be at most the per-address cap. wrk saturates the stack; autocannon then offers the
// budget's rate, 5,000 req/s, to read p99 at that rate. Bounded in time; stops everything it started.
import autocannon from "autocannon";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { publicDirectory } from "../../../lib/content/refresh";
import { RedisViewStore } from "../../../lib/most-read/stores";
import { addUp, hourOf, VIEWS_PER_ADDRESS_PER_HOUR } from "../../../lib/most-read/views";
import { freePort, requireTool, type Stack, startStack } from "../../../tools/stack";
import { requireWrk, runWrk, type WrkResult, WRK_TABLE_HEAD, wrkRow } from "../../../tools/measure/wrk";

const LOAD = { connections: 1000, seconds: 15, rounds: 3 };
const TARGET = { requestsPerSecond: 5000, p99Ms: 50 };
const PHONE =
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

const beaconScript = (slug: string) => `
wrk.method = "POST"
wrk.body = "${slug}"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
wrk.headers["User-Agent"] = "${PHONE}"
`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runBeacon(distDir: string): Promise<void> {
  requireWrk();
  requireTool("/usr/sbin/nginx", "nginx");
  requireTool("/usr/bin/redis-server", "redis-server");
  const work = mkdtempSync(path.join(os.tmpdir(), "tin-xu-nghe-beacon-"));
  const contentDir = path.join(work, "content");
  cpSync(path.resolve("content"), contentDir, { recursive: true });
  mkdirSync(path.join(work, "data"));
  let stack: Stack | null = null;
  const stopAll = async () => {
    await stack?.stop();
    rmSync(work, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(130)));
  }
  try {
    const stackLog: string[] = [];
    stack = await startStack({
      distDir,
      port: await freePort(),
      host: "127.0.0.1",
      appPorts: [await freePort(), await freePort()],
      redisPort: await freePort(),
      contentDir,
      publicDir: publicDirectory(),
      store: path.join(work, "content-store.sqlite"),
      env: { EDITOR_DATA_DIR: path.join(work, "data") },
      log: (line) => stackLog.push(line),
    });
    // The home page's first report (./report-path reads /sitemap.xml, now an index of sitemaps).
    const home = await (await fetch(`${stack.origin}/`)).text();
    const report = /href="(\/bai-viet\/[a-z0-9-]+)"/.exec(home)?.[1];
    if (!report) throw new Error("the home page links no report");
    const slug = report.split("/").pop() as string;
    const beacon = { url: `${stack.origin}/api/luot-xem`, script: beaconScript(slug) };
    const page = { url: `${stack.origin}${report}` };
    await runWrk({ ...beacon, connections: 100, seconds: 3 });
    await runWrk({ ...page, connections: 100, seconds: 3 });

    const rounds: Array<{ beacon: WrkResult; page: WrkResult }> = [];
    for (let round = 1; round <= LOAD.rounds; round += 1) {
      console.log(
        `Round ${round}/${LOAD.rounds}: ${LOAD.connections} connections for ${LOAD.seconds} s, beacon then report …`,
      );
      rounds.push({
        beacon: await runWrk({ ...beacon, connections: LOAD.connections, seconds: LOAD.seconds }),
        page: await runWrk({ ...page, connections: LOAD.connections, seconds: LOAD.seconds }),
      });
    }
    // wrk offers as much as the machine takes, so its latencies are those of a saturated stack.
    // The budget is a rate: offered at 5,000 req/s by the same 1,000 connections, what p99?
    const atRate: Array<{ rate: number; p99: number; errors: number }> = [];
    for (let round = 1; round <= LOAD.rounds; round += 1) {
      console.log(
        `At ${TARGET.requestsPerSecond} req/s ${round}/${LOAD.rounds}: ${LOAD.connections} connections, ${LOAD.seconds} s …`,
      );
      const result = await autocannon({
        url: beacon.url,
        method: "POST",
        body: slug,
        headers: { "content-type": "text/plain;charset=UTF-8", "user-agent": PHONE },
        connections: LOAD.connections,
        overallRate: TARGET.requestsPerSecond,
        duration: LOAD.seconds,
      });
      atRate.push({
        rate: result.requests.average,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
      });
    }
    // The last second's counts reach Redis.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const store = new RedisViewStore(`redis://127.0.0.1:${stack.redisPort}`);
    const hour = hourOf(Date.now());
    const totals = addUp(await store.hours(hour - 1, hour), 10);
    await store.close();
    const counted = totals.find((total) => total.slug === slug)?.views ?? 0;
    const sent = rounds.reduce((sum, round) => sum + round.beacon.requests, 0);

    console.log(
      `\n## View beacon, ${LOAD.connections} connections, ${LOAD.seconds} s a run, through the stack\n`,
    );
    console.log(WRK_TABLE_HEAD.join("\n"));
    for (const [index, round] of rounds.entries()) {
      console.log(wrkRow(`round ${index + 1}: POST /api/luot-xem`, round.beacon));
      console.log(wrkRow(`round ${index + 1}: report page`, round.page));
    }
    const beaconRate = median(rounds.map((round) => round.beacon.requestsPerSecond));
    const beaconP99 = median(rounds.map((round) => round.beacon.p99Ms));
    const pageRate = median(rounds.map((round) => round.page.requestsPerSecond));
    console.log(
      `\nMedians: beacon ${beaconRate.toFixed(0)} req/s, p99 ${beaconP99.toFixed(1)} ms; report page ${pageRate.toFixed(0)} req/s, p99 ${median(rounds.map((round) => round.page.p99Ms)).toFixed(1)} ms.`,
    );
    console.log(
      `\n## At ${TARGET.requestsPerSecond} req/s offered (autocannon, ${LOAD.connections} connections)\n`,
    );
    console.log("| round | req/s | p99 ms | errors |\n|---|---:|---:|---:|");
    for (const [index, run] of atRate.entries())
      console.log(`| ${index + 1} | ${run.rate.toFixed(0)} | ${run.p99.toFixed(1)} | ${run.errors} |`);
    const rateP99 = median(atRate.map((run) => run.p99));
    console.log(
      `\n## A flood from one address\n\nBeacons sent from 127.0.0.1 for ${slug}: ${sent}; views counted this hour and the last: ${counted} (cap ${VIEWS_PER_ADDRESS_PER_HOUR} per hour).`,
    );
    const failed = rounds.reduce((sum, round) => sum + round.beacon.failed, 0);
    const budgets = [
      { name: "beacon: no failed request", met: failed === 0 },
      {
        name: `beacon: ≥ ${TARGET.requestsPerSecond} req/s (median ${beaconRate.toFixed(0)})`,
        met: beaconRate >= TARGET.requestsPerSecond,
      },
      {
        name: `beacon saturated (wrk): p99 ≤ ${TARGET.p99Ms} ms (median ${beaconP99.toFixed(1)})`,
        met: beaconP99 <= TARGET.p99Ms,
      },
      {
        name: `beacon at ${TARGET.requestsPerSecond} req/s offered: p99 ≤ ${TARGET.p99Ms} ms (median ${rateP99.toFixed(1)})`,
        met: rateP99 <= TARGET.p99Ms && atRate.every((run) => run.errors === 0),
      },
      {
        name: `flood: at most ${VIEWS_PER_ADDRESS_PER_HOUR * 2} counted over two hours (${counted})`,
        met: counted > 0 && counted <= VIEWS_PER_ADDRESS_PER_HOUR * 2,
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
