import { subscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";

export interface RequestStart {
  server: Server;
  response: ServerResponse;
}

/**
 * Calls `found` with the HTTP server Next created, when its first request arrives (before that
 * request is handed to Next), then `each` for every request, that one included. Node announces
 * every request on this channel with the server that took it: the only way to reach Next's server
 * from inside the process.
 */
export function watchRequests(
  found: (server: Server) => void,
  each: (start: RequestStart) => void = () => {},
): void {
  let known: Server | null = null;
  subscribe("http.server.request.start", (message) => {
    const start = message as RequestStart;
    if (!known) {
      known = start.server;
      found(known);
    }
    each(start);
  });
}
