import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { BlockList, isIP } from "node:net";
import { SESSION_COOKIE } from "../auth/session-cookie";

// What every request meets before Next reads a byte of its body: the server's own front door.
// Next takes X-Forwarded-For from whoever sends it (it fills the header only when it is missing),
// checks the Origin of a server action against the host alone, and reads a post of up to its body
// limit before any page can look at the session. Here, a forwarding header counts only when the
// connection comes from a configured proxy; a request for a host the site does not serve is
// refused (DNS rebinding); and a post to the editors' pages without a session cookie is refused
// unread.

export interface FrontDoorSettings {
  /** Proxies whose forwarding headers are believed (TRUSTED_PROXIES). */
  trustedProxies: BlockList;
  /** Host names the site answers for, lower case, without a port. */
  allowedHosts: ReadonlySet<string>;
}

/** Names a browser on this machine may use: never the target of a rebinding, which uses a domain. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** The sign-in form posts a name and a password: nothing near this size. */
export const SIGN_IN_MAX_BYTES = 16 * 1024;

export const SIGN_IN_PATH = "/quan-tri/dang-nhap";

const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
];

/** "10.0.0.0/8, 127.0.0.1, ::1" → a BlockList; a wrong entry stops the server with its reason. */
export function trustedProxiesFrom(setting: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (setting ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))
    ) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or an address/prefix (e.g. 10.0.0.0/8)`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

/** The hosts the site serves: SITE_URL's (as built), ALLOWED_HOSTS, and loopback names. */
export function allowedHostsFrom(siteUrl: URL, setting: string | undefined): Set<string> {
  const extra = (setting ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  return new Set([siteUrl.hostname.toLowerCase(), ...LOOPBACK_HOSTS, ...extra]);
}

/** "::ffff:10.1.2.3" (an IPv4 peer on a dual-stack socket) → "10.1.2.3". */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const plain = plainAddress(address);
  const family = isIP(plain);
  return family !== 0 && trusted.check(plain, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the connection's own, unless it comes from a trusted proxy; then the
 * X-Forwarded-For chain is read from the right (each proxy appends the address it saw) past the
 * trusted hops, so what a client wrote at the left is never taken.
 */
export function clientAddressOf(peer: string, forwardedFor: string | undefined, trusted: BlockList): string {
  const connection = plainAddress(peer);
  if (!isTrusted(connection, trusted)) return connection;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    if (!isTrusted(hops[i], trusted)) return plainAddress(hops[i]);
  }
  return hops.length > 0 ? plainAddress(hops[0]) : connection;
}

/** "Example.com:8080" → "example.com"; "[::1]:3000" → "[::1]". */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith("[")) return lower.slice(0, lower.indexOf("]") + 1);
  return lower.split(":")[0];
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value?.split(",")[0]?.trim();
}

/** The path as Next will route it: repeated slashes collapsed, decoded. */
export function routedPath(url: string | undefined): string {
  let pathname = (url ?? "/").split(/[?#]/)[0];
  // A request line may carry an absolute URL ("POST http://host/quan-tri HTTP/1.1").
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathname)) {
    try {
      pathname = new URL(pathname).pathname;
    } catch {
      return "";
    }
  }
  pathname = pathname.replace(/\/{2,}/g, "/");
  try {
    return decodeURIComponent(pathname);
  } catch {
    // Left encoded: Next answers a malformed address with a 400 itself.
    return pathname;
  }
}

const isAdminPath = (pathname: string) => pathname === "/quan-tri" || pathname.startsWith("/quan-tri/");

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return (cookieHeader ?? "").split(";").some((pair) => {
    const [name, ...value] = pair.split("=");
    return name.trim() === SESSION_COOKIE && value.join("=").trim() !== "";
  });
}

export interface Refusal {
  status: number;
  message: string;
}

export interface DoorRequest {
  method: string;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  /** The connection's address. */
  peer: string;
  encrypted: boolean;
}

/**
 * Rewrites the request's forwarding headers to what can be believed, and says whether it is refused.
 * After this, X-Forwarded-For holds the client's address alone, and X-Forwarded-Host and
 * X-Forwarded-Proto the host and scheme the browser used.
 */
export function admit(request: DoorRequest, settings: FrontDoorSettings): Refusal | null {
  const { headers } = request;
  const viaProxy = isTrusted(request.peer, settings.trustedProxies);
  const chain = headers["x-forwarded-for"];
  const client = clientAddressOf(
    request.peer,
    Array.isArray(chain) ? chain.join(",") : chain,
    settings.trustedProxies,
  );
  const forwardedHost = viaProxy ? first(headers["x-forwarded-host"]) : undefined;
  const forwardedProto = viaProxy ? first(headers["x-forwarded-proto"]) : undefined;
  for (const name of FORWARDING_HEADERS) delete headers[name];
  const host = forwardedHost ?? headers.host ?? "";
  headers["x-forwarded-for"] = client;
  headers["x-forwarded-host"] = host;
  headers["x-forwarded-proto"] =
    forwardedProto === "https" || (!viaProxy && request.encrypted) ? "https" : "http";

  if (!settings.allowedHosts.has(hostName(host))) {
    return { status: 421, message: "Trang này không phục vụ tên miền đó." };
  }
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return null;
  const pathname = routedPath(request.url);
  if (!isAdminPath(pathname)) return null;
  if (pathname === SIGN_IN_PATH) {
    const length = Number(headers["content-length"]);
    if (headers["content-length"] === undefined || !Number.isFinite(length)) {
      return { status: 411, message: "Biểu mẫu đăng nhập phải nói rõ độ dài." };
    }
    return length > SIGN_IN_MAX_BYTES ? { status: 413, message: "Biểu mẫu đăng nhập quá lớn." } : null;
  }
  return hasSessionCookie(headers.cookie) ? null : { status: 403, message: "Cần đăng nhập trước." };
}

/** TRUSTED_PROXIES and ALLOWED_HOSTS from the environment, SITE_URL as the build wrote it. */
export function frontDoorSettings(
  siteUrl: URL,
  env: Record<string, string | undefined> = process.env,
): FrontDoorSettings {
  return {
    trustedProxies: trustedProxiesFrom(env.TRUSTED_PROXIES),
    allowedHosts: allowedHostsFrom(siteUrl, env.ALLOWED_HOSTS),
  };
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Puts the door in front of the server's request listeners. A refusal is answered at once and the
 * connection closed, so a body sent with it is never read.
 */
export function guardFrontDoor(server: Server, settings: FrontDoorSettings): void {
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const refusal = admit(
      {
        method: request.method ?? "GET",
        url: request.url,
        headers: request.headers,
        peer: request.socket.remoteAddress ?? "",
        encrypted: "encrypted" in request.socket && request.socket.encrypted === true,
      },
      settings,
    );
    if (!refusal) {
      for (const listener of listeners) listener.call(server, request, response);
      return;
    }
    response.writeHead(refusal.status, {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "close",
    });
    response.end(refusal.message);
  });
}
