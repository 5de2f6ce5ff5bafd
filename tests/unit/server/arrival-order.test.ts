import { subscribe, unsubscribe } from "node:diagnostics_channel";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { REQUESTS_PER_TURN, requestsPerTurn, serveInArrivalOrder } from "../../../lib/server/arrival-order";

let server: http.Server | null = null;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = null;
});

/** A server whose handler keeps the event loop busy for `busyMs` per request, recording what it starts. */
async function busyServer(busyMs: number, perTurn: number) {
  const started: string[] = [];
  const startedInTurn = new Map<number, number>();
  let turn = 0;
  const tick = () => {
    turn += 1;
    if (server?.listening) setImmediate(tick);
  };
  server = http.createServer((request, response) => {
    started.push(request.url ?? "");
    startedInTurn.set(turn, (startedInTurn.get(turn) ?? 0) + 1);
    const until = performance.now() + busyMs;
    while (performance.now() < until);
    response.end("ok");
  });
  serveInArrivalOrder(server, perTurn);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  setImmediate(tick);
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, started, startedInTurn };
}

describe("serveInArrivalOrder", () => {
  it("starts requests in the order the server read them, a few per turn of the event loop", async () => {
    const { origin, started, startedInTurn } = await busyServer(5, 2);
    const read: string[] = [];
    const onStart = (message: unknown) =>
      read.push((message as { request: http.IncomingMessage }).request.url ?? "");
    subscribe("http.server.request.start", onStart);
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          fetch(`${origin}/${index}`).then((response) => response.text()),
        ),
      );
      expect(answers).toEqual(Array(30).fill("ok"));
    } finally {
      unsubscribe("http.server.request.start", onStart);
    }
    expect(started).toEqual(read);
    // Two as requests arrive, two more at the end of the turn: never more in one turn.
    expect(Math.max(...startedInTurn.values())).toBeLessThanOrEqual(4);
    expect(startedInTurn.size).toBeGreaterThan(5);
  });

  it("starts a request at once when nothing waits", async () => {
    const { origin, started } = await busyServer(0, 4);
    expect(await (await fetch(`${origin}/one`)).text()).toBe("ok");
    expect(started).toEqual(["/one"]);
  });
});

describe("requestsPerTurn", () => {
  it("is REQUESTS_PER_TURN unless set, and 0 turns the queue off", () => {
    expect(requestsPerTurn(undefined)).toBe(REQUESTS_PER_TURN);
    expect(requestsPerTurn("")).toBe(REQUESTS_PER_TURN);
    expect(requestsPerTurn("2")).toBe(2);
    expect(requestsPerTurn("0")).toBe(0);
  });

  it("refuses what is not a whole number, saying what it got", () => {
    expect(() => requestsPerTurn("-1")).toThrow(
      'REQUESTS_PER_TURN must be a whole number, 0 or more (got "-1")',
    );
    expect(() => requestsPerTurn("nhiều")).toThrow(/got "nhiều"/);
  });
});
