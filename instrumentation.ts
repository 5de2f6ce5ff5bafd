// Runs once when a server process starts. The production server publishes what editors save into
// content/ without a rebuild (lib/publishing); `next dev` reads the folder on every request and
// the build reads it once, so neither watches.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV !== "production" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startPublishing } = await import("./lib/publishing/watcher");
  startPublishing();
}
