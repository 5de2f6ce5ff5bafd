import { createSocket } from "node:dgram";
import { recordBeacon, startCounting } from "../most-read";
import { beaconFromLogLine } from "../most-read/view-log";

// The instance that counts the views nginx answered itself (lib/most-read/view-log.ts): set
// VIEW_LOG_PORT on exactly one instance per machine, the port nginx's site.d/view-log.conf names.
// Loopback only: a datagram from elsewhere could claim any address and any report.

/** The socket's receive buffer: a spike's burst of lines waits here while the instance is busy. */
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

export interface ViewLogReceiver {
  port: number;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0 for any free port) and counts each line nginx sends. */
export function receiveViewLog(port: number): Promise<ViewLogReceiver> {
  startCounting();
  const socket = createSocket("udp4");
  socket.on("message", (message) => {
    const beacon = beaconFromLogLine(message.toString("utf8"));
    if (beacon) recordBeacon(beacon);
  });
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.bind({ address: "127.0.0.1", port }, () => {
      socket.off("error", reject);
      socket.on("error", (error) => console.error(`[lượt xem] Nhật ký lượt xem từ nginx: ${error.message}`));
      try {
        socket.setRecvBufferSize(RECEIVE_BUFFER_BYTES);
      } catch {
        // The kernel's own cap (net.core.rmem_max) applies instead.
      }
      resolve({
        port: socket.address().port,
        close: () => new Promise((done) => socket.close(() => done())),
      });
    });
  });
}
