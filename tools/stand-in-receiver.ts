import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as a stand-in receiver got it. */
export interface ReceivedRequest {
  at: number;
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
}

export interface StandInReceiver {
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A tiny HTTP server on 127.0.0.1 standing in for IndexNow's endpoint and a WebSub hub in tests:
 * it keeps every request as received and answers as the real ones do (200; 204 for the hub).
 */
export async function startStandInReceiver(): Promise<StandInReceiver> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        at: Date.now(),
        method: request.method ?? "",
        path: request.url ?? "",
        contentType: request.headers["content-type"],
        body: Buffer.concat(chunks).toString(),
      });
      response.writeHead(request.url?.startsWith("/hub") ? 204 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
