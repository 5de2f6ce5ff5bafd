import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { BEACON_MAX_BYTES, BEACON_PATH, recordBeacon, startCounting } from "../most-read";

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

// The view beacon, answered before Next and before the arrival-order queue: through Next's
// router a beacon cost about as much as a small page, and under a shared story's spike every
// reader sends one. Here it costs a read of a few bytes, a lookup and a map update (measured with
// `npm run loadtest -- --beacon`). app/api/luot-xem/route.ts answers it under `next dev`.

function answer(response: ServerResponse, status: number): void {
  response.writeHead(status, { "Cache-Control": "no-store", "Content-Length": "0" });
  response.end();
}

function readBeacon(request: IncomingMessage, response: ServerResponse): void {
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
      body: Buffer.concat(chunks).toString("utf8"),
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
    if (request.method === "POST" && request.url === BEACON_PATH) return readBeacon(request, response);
    for (const listener of listeners) listener.call(server, request, response);
  });
}
