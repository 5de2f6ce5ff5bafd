import { HEAD_SCRIPT } from "../head-script";

// What every /quan-tri response says: never stored by a browser or a proxy, never
// indexed, and a stricter Content-Security-Policy than readers' pages. Those are prerendered and
// must allow inline scripts; the editors' pages are rendered for each request, so each gets a
// nonce that Next puts on its own scripts, and only scripts with it (or the site's one fixed
// inline script, lib/head-script.ts, by its hash) run.

// Web Crypto, not node:crypto: proxy.ts is bundled for Next's proxy runtime.
const headScriptHash = crypto.subtle
  .digest("SHA-256", new TextEncoder().encode(HEAD_SCRIPT))
  .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);

/** A new nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export const ADMIN_CACHE = "private, no-store";

export async function adminContentSecurityPolicy(nonce: string, development = false): Promise<string> {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${await headScriptHash} 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * True when a request changing something comes from the site's own pages: its Origin is the scheme
 * and host the request was sent to, as the server's front door leaves them in X-Forwarded-Proto
 * and X-Forwarded-Host (lib/server/front-door.ts). Next checks its server actions against the host
 * alone, so a page served over plain http could post to the https site. A request without an
 * Origin is refused: browsers send one with every POST.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const scheme = headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? "http";
  if (!origin || !host) return false;
  try {
    return new URL(origin).origin === new URL(`${scheme}://${host}`).origin;
  } catch {
    return false;
  }
}
