import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { recordBeacon, startCounting } from "../most-read";
import { BEACON_MAX_BYTES, BEACON_PATH, beaconSlug } from "../most-read/beacon-address";

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

// The view beacon, answered before Next and before the arrival-order queue: through Next's
// router a beacon cost about as much as a small page, and under a shared story's spike every
// reader sends one. Here it costs a read of a few bytes, a lookup and a map update (measured with
// `npm run loadtest -- --beacon`). app/api/luot-xem/route.ts answers it under `next dev`. Behind
// the stack's nginx it does not come here at all (lib/most-read/view-log.ts).

function answer(response: ServerResponse, status: number): void {
  response.writeHead(status, { "Cache-Control": "no-store", "Content-Length": "0" });
  response.end();
}

function readBeacon(request: IncomingMessage, response: ServerResponse, search: URLSearchParams): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= BEACON_MAX_BYTES) chunks.push(chunk);
  });
  request.on("end", () => {
    if (size > BEACON_MAX_BYTES) return answer(response, 413);
    recordBeacon({
      userAgent: request.headers["user-agent"],
      header: (name) => request.headers[name]?.toString(),
      // Set by the front door, which runs first: the client's address alone.
      address: String(request.headers["x-forwarded-for"] ?? request.socket.remoteAddress ?? ""),
      slug: beaconSlug(search, Buffer.concat(chunks).toString("utf8")),
    });
    answer(response, 204);
  });
  request.on("error", () => response.destroy());
}

/** Puts the beacon in front of the server's request listeners. */
export function answerBeaconsFirst(server: Server): void {
  startCounting();
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === "POST" && request.url?.startsWith(BEACON_PATH)) {
      const url = new URL(request.url, "http://localhost");
      if (url.pathname === BEACON_PATH) return readBeacon(request, response, url.searchParams);
    }
    for (const listener of listeners) listener.call(server, request, response);
  });
}
