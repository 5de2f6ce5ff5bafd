import { retiringWorkerScript, serviceWorkerScript } from "@/lib/offline/service-worker";
import { CACHE_PREFIX } from "@/lib/offline/names";
import { buildId, serviceWorkerOn, workerConfig } from "@/lib/offline/settings";
import { site } from "@/lib/site";

// The service worker's script, at the root so that its scope is the whole site. Rendered per
// request: the operator's SERVICE_WORKER is read by the running server, not the build. Off (and
// under `next dev`, where pages change as editors type), the script removes any worker a reader
// has; browsers fetch it again on their next page, so switching off reaches every reader soon.
export const dynamic = "force-dynamic";

export function GET(): Response {
  const build = process.env.NODE_ENV === "production" ? buildId() : null;
  const script =
    build !== null && serviceWorkerOn()
      ? serviceWorkerScript(workerConfig(build, site.name))
      : retiringWorkerScript(CACHE_PREFIX);
  return new Response(script, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // Browsers check for a new worker on every page: each check must reach the server.
      "Cache-Control": "no-cache",
    },
  });
}
