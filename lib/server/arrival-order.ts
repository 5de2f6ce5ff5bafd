import type { IncomingMessage, Server, ServerResponse } from "node:http";

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Requests this server starts as they arrive in one turn of the event loop, and again at its end;
 * the others wait their turn, first come first served. Measured at 100 connections on the report,
 * p99/p50 beside the bare Next page's in the same run: 4 gave 4.3 and 3.0 (bare 3.6, 1.7), 2 gave
 * 2.3 and 1.7 (bare 1.5, 1.7) for the same throughput, 1 gave 1.8 (bare 1.9) for a fifth less.
 */
export const REQUESTS_PER_TURN = 2;

/** REQUESTS_PER_TURN unless the environment says otherwise; 0 turns the queue off. */
export function requestsPerTurn(setting: string | undefined): number {
  if (setting === undefined || setting === "") return REQUESTS_PER_TURN;
  const value = Number(setting);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`REQUESTS_PER_TURN must be a whole number, 0 or more (got "${setting}")`);
  }
  return value;
}

/**
 * Serves requests in the order they arrive, a few per turn of the event loop.
 *
 * Node takes one new connection per turn of its event loop (libuv, since
 * libuv/libuv#3696), and a turn starts every request that has arrived. Overloaded, a turn grows
 * with the number of open connections (100 connections: 80-150 ms), so a reader who connects
 * while others are being served waits in the kernel's queue for seconds before a byte is read,
 * while the requests already read finish within 250 ms. Starting at most a few requests per turn
 * keeps turns short, so connections are taken as they come, and a request read now is never
 * started before one read earlier.
 */
export function serveInArrivalOrder(server: Server, perTurn: number = REQUESTS_PER_TURN): void {
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  const waiting: Array<[IncomingMessage, ServerResponse]> = [];
  let startedThisTurn = 0;
  let turnScheduled = false;

  const start = (request: IncomingMessage, response: ServerResponse) => {
    startedThisTurn += 1;
    for (const listener of listeners) listener.call(server, request, response);
  };

  // Runs at the end of this turn (setImmediate): the next turn starts the next few.
  const nextTurn = () => {
    turnScheduled = false;
    startedThisTurn = 0;
    while (waiting.length > 0 && startedThisTurn < perTurn) {
      const [request, response] = waiting.shift() as [IncomingMessage, ServerResponse];
      // A reader who gave up while waiting is not served.
      if (!request.socket.destroyed) start(request, response);
    }
    if (waiting.length > 0 || startedThisTurn > 0) scheduleTurn();
  };

  const scheduleTurn = () => {
    if (turnScheduled) return;
    turnScheduled = true;
    setImmediate(nextTurn);
  };

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (waiting.length === 0 && startedThisTurn < perTurn) start(request, response);
    else waiting.push([request, response]);
    scheduleTurn();
  });
}
