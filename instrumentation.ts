// Runs once when a server process starts. The production server serves requests in the order they
// arrive (lib/server/arrival-order) and publishes what editors save into content/ without a
// rebuild (lib/publishing); `next dev` reads the folder on every request and the build reads it
// once, so neither watches. Started by our scripts (NEXT_MANUAL_SIG_HANDLE set), it also answers
// the requests in progress before it stops (lib/server/graceful-shutdown). Every request passes
// the front door first (lib/server/front-door).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV !== "production" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { watchRequests } = await import("./lib/server/http-server");
  const { requestsPerTurn, serveInArrivalOrder } = await import("./lib/server/arrival-order");
  const perTurn = requestsPerTurn(process.env.REQUESTS_PER_TURN);
  if (perTurn > 0) watchRequests((server) => serveInArrivalOrder(server, perTurn));
  // Views are counted before the queue: a beacon never waits behind pages (lib/server/view-beacon).
  const { answerBeaconsFirst } = await import("./lib/server/view-beacon");
  watchRequests(answerBeaconsFirst);
  // Behind nginx, one instance per machine counts the beacons nginx answered (lib/most-read/view-log).
  if (process.env.VIEW_LOG_PORT) {
    const { receiveViewLog } = await import("./lib/server/view-log-receiver");
    await receiveViewLog(Number(process.env.VIEW_LOG_PORT));
  }
  // Found after the queue, so it wraps it: a refused request is answered without waiting its turn.
  const { frontDoorSettings, guardFrontDoor } = await import("./lib/server/front-door");
  const { site } = await import("./lib/site");
  const door = frontDoorSettings(site.url);
  watchRequests((server) => guardFrontDoor(server, door));
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { drainOnTerminate } = await import("./lib/server/graceful-shutdown");
    drainOnTerminate();
  }
  const { startPublishing } = await import("./lib/publishing/watcher");
  startPublishing();
}
