// `npm run loadtest -- --beacon`: the view beacon under a shared story's crowd, through the
// production stack (nginx, two instances, Redis), on a copy of content/. The beacon is
// POST /api/luot-xem?bai=<the report's slug> with a phone's agent, answered by nginx and counted by
// the first instance from nginx's log line. Every load has 1,000 connections and lasts 15 s; wrk
// paces a load by making each connection wait between requests. In alternating rounds:
// - the spike: the report page, each connection every 50 ms (about 20,000 req/s, far more than
//   1,000 readers load), leaving the 2 cores some room, so that what is measured is the stack and
//   not the load tools fighting it for the cores;
// - the spike with beacons beside it, each connection every 180 ms (about 5,000 req/s);
// - the spike with the same paced load of page requests beside it instead: the control. What the
//   beacons cost beyond any request is the difference between these two;
// - the worst case: the spike as fast as the stack answers, with the paced beacons beside it;
// - the beacon alone, as fast as the stack answers: its capacity.
// wrk in C, not autocannon: in one run, autocannon offering 5,000 beacons a second measured p99
// 91-216 ms where wrk, offering all it could (70,000 a second), measured 52 ms; the difference was
// autocannon's own event loop, on the same 2 cores. Every request comes from 127.0.0.1, so the run is also a flood from one
// address: afterwards the report's count in Redis must be at most the per-address cap. Bounded in
// time; stops everything it started.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { publicDirectory } from "../../../lib/content/refresh";
import { beaconUrl } from "../../../lib/most-read/beacon-address";
import { RedisViewStore } from "../../../lib/most-read/stores";
import { addUp, hourOf, VIEWS_PER_ADDRESS_PER_HOUR } from "../../../lib/most-read/views";
import { freePort, requireTool, type Stack, startStack } from "../../../tools/stack";
import { reportPath } from "./report-path";
import { requireWrk, runWrk, type WrkResult, WRK_TABLE_HEAD, wrkRow } from "../../../tools/measure/wrk";

const LOAD = { connections: 1000, seconds: 15, rounds: 3 };
const TARGET = { requestsPerSecond: 5000, p99Ms: 50 };
/** Each spike connection's wait between page requests: 1,000 / 0.05 s ≈ 20,000 req/s. */
const SPIKE_PACE_MS = 50;
/** Each beacon connection's wait between beacons: 1,000 / 0.18 s ≈ 5,500 req/s offered. */
const BEACON_PACE_MS = 180;
/** How much slower the spike may be with beacons beside it than with the control, and still cost "nothing measurable". */
const PAGE_COST_TOLERANCE = 0.1;
const PHONE =
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

const paced = (ms: number) => `function delay() return ${ms} end`;
const beaconScript = (paceMs?: number) => `
wrk.method = "POST"
wrk.headers["User-Agent"] = "${PHONE}"
${paceMs ? paced(paceMs) : ""}
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
    const report = await reportPath(stack.origin);
    const slug = report.split("/").pop() as string;
    const beaconAddress = `${stack.origin}${beaconUrl(slug)}`;
    const beacon = { url: beaconAddress, script: beaconScript() };
    const pacedBeacon = { url: beaconAddress, script: beaconScript(BEACON_PACE_MS) };
    const pageUrl = `${stack.origin}${report}`;
    const page = { url: pageUrl };
    const spikePage = { url: pageUrl, script: paced(SPIKE_PACE_MS) };
    const controlPage = { url: pageUrl, script: paced(BEACON_PACE_MS) };
    await runWrk({ ...beacon, connections: 100, seconds: 3 });
    await runWrk({ ...page, connections: 100, seconds: 3 });

    const run = { connections: LOAD.connections, seconds: LOAD.seconds };
    const together = (first: typeof page, second: typeof page) =>
      Promise.all([runWrk({ ...first, ...run }), runWrk({ ...second, ...run })]);
    interface Round {
      spike: WrkResult;
      withBeacons: [WrkResult, WrkResult];
      withControl: [WrkResult, WrkResult];
      worstCase: [WrkResult, WrkResult];
      beacon: WrkResult;
    }
    const rounds: Round[] = [];
    for (let round = 1; round <= LOAD.rounds; round += 1) {
      console.log(`Round ${round}/${LOAD.rounds}: five loads of ${LOAD.seconds} s …`);
      rounds.push({
        spike: await runWrk({ ...spikePage, ...run }),
        withBeacons: await together(spikePage, pacedBeacon),
        withControl: await together(spikePage, controlPage),
        worstCase: await together(page, pacedBeacon),
        beacon: await runWrk({ ...beacon, ...run }),
      });
    }
    // The last second's counts reach Redis.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const store = new RedisViewStore(`redis://127.0.0.1:${stack.redisPort}`);
    const hour = hourOf(Date.now());
    const totals = addUp(await store.hours(hour - 1, hour), 10);
    await store.close();
    const counted = totals.find((total) => total.slug === slug)?.views ?? 0;
    const sent = rounds.reduce(
      (sum, round) =>
        sum + round.withBeacons[1].requests + round.worstCase[1].requests + round.beacon.requests,
      0,
    );

    console.log(
      `\n## View beacon, ${LOAD.connections} connections a load, ${LOAD.seconds} s a run, through the stack\n`,
    );
    console.log(WRK_TABLE_HEAD.join("\n"));
    const loads: Array<[string, (round: Round) => WrkResult]> = [
      [`spike alone (page every ${SPIKE_PACE_MS} ms a connection)`, (round) => round.spike],
      ["spike, beacons beside it", (round) => round.withBeacons[0]],
      [`beacons beside the spike (every ${BEACON_PACE_MS} ms)`, (round) => round.withBeacons[1]],
      ["spike, control beside it", (round) => round.withControl[0]],
      [
        `control: page requests beside the spike (every ${BEACON_PACE_MS} ms)`,
        (round) => round.withControl[1],
      ],
      ["worst case: spike unpaced", (round) => round.worstCase[0]],
      ["worst case: beacons beside it", (round) => round.worstCase[1]],
      ["beacon alone, unpaced", (round) => round.beacon],
    ];
    for (const [index, round] of rounds.entries()) {
      for (const [name, pick] of loads) console.log(wrkRow(`round ${index + 1}: ${name}`, pick(round)));
    }
    const medianOf = (pick: (round: Round) => number) => median(rounds.map(pick));
    const beaconsRate = medianOf((round) => round.withBeacons[1].requestsPerSecond);
    const beaconsP99 = medianOf((round) => round.withBeacons[1].p99Ms);
    const controlP99 = medianOf((round) => round.withControl[1].p99Ms);
    const spikeRateBeacons = medianOf((round) => round.withBeacons[0].requestsPerSecond);
    const spikeRateControl = medianOf((round) => round.withControl[0].requestsPerSecond);
    const pageRatio = spikeRateBeacons / spikeRateControl;
    const beaconRate = medianOf((round) => round.beacon.requestsPerSecond);
    const fixed = (value: number) => value.toFixed(value < 100 ? 1 : 0);
    console.log("\n## Medians\n");
    console.log("| load | req/s | p99 ms |\n|---|---:|---:|");
    for (const [name, pick] of loads)
      console.log(
        `| ${name} | ${fixed(medianOf((round) => pick(round).requestsPerSecond))} | ${fixed(medianOf((round) => pick(round).p99Ms))} |`,
      );
    console.log(
      `\n## A flood from one address\n\nBeacons sent from 127.0.0.1 for ${slug}: ${sent}; views counted this hour and the last: ${counted} (cap ${VIEWS_PER_ADDRESS_PER_HOUR} per hour).`,
    );
    const failed = rounds.reduce(
      (sum, round) => sum + round.withBeacons[1].failed + round.worstCase[1].failed + round.beacon.failed,
      0,
    );
    const budgets = [
      { name: "beacon: no failed request", met: failed === 0 },
      {
        name: `beacons beside the spike: ≥ ${TARGET.requestsPerSecond} req/s (median ${beaconsRate.toFixed(0)})`,
        met: beaconsRate >= TARGET.requestsPerSecond,
      },
      {
        name: `beacons beside the spike: p99 ≤ ${TARGET.p99Ms} ms (median ${beaconsP99.toFixed(1)}; the control's ${controlP99.toFixed(1)})`,
        met: beaconsP99 <= TARGET.p99Ms,
      },
      {
        name: `the spike with beacons beside it: at least ${((1 - PAGE_COST_TOLERANCE) * 100).toFixed(0)} % of its rate with the control beside it (${(pageRatio * 100).toFixed(0)} %)`,
        met: pageRatio >= 1 - PAGE_COST_TOLERANCE,
      },
      {
        name: `beacon alone: ≥ ${TARGET.requestsPerSecond} req/s (median ${beaconRate.toFixed(0)})`,
        met: beaconRate >= TARGET.requestsPerSecond,
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
