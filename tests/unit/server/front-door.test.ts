import { describe, expect, it } from "vitest";
import {
  admit,
  allowedHostsFrom,
  clientAddressOf,
  type DoorRequest,
  frontDoorSettings,
  hasSessionCookie,
  routedPath,
  SIGN_IN_MAX_BYTES,
  trustedProxiesFrom,
} from "@/lib/server/front-door";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";

const site = new URL("https://tin.example.vn");
const direct = frontDoorSettings(site, {});
const behindNginx = frontDoorSettings(site, { TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8" });

function request(overrides: Partial<DoorRequest> & { headers?: DoorRequest["headers"] }): DoorRequest {
  return {
    method: "GET",
    url: "/",
    peer: "203.0.113.7",
    encrypted: false,
    ...overrides,
    headers: { host: "tin.example.vn", ...overrides.headers },
  };
}

describe("the client's address", () => {
  const trusted = trustedProxiesFrom("127.0.0.1,10.0.0.0/8,::1");

  it("is the connection's own when it does not come from a trusted proxy, whatever the header says", () => {
    expect(clientAddressOf("203.0.113.7", "1.2.3.4", trusted)).toBe("203.0.113.7");
    expect(clientAddressOf("::ffff:203.0.113.7", undefined, trusted)).toBe("203.0.113.7");
  });

  it("is read from the right of X-Forwarded-For past the trusted proxies", () => {
    // The client wrote "1.2.3.4"; nginx appended the address it saw.
    expect(clientAddressOf("127.0.0.1", "1.2.3.4, 198.51.100.9", trusted)).toBe("198.51.100.9");
    expect(clientAddressOf("::ffff:127.0.0.1", "1.2.3.4, 198.51.100.9, 10.2.3.4", trusted)).toBe(
      "198.51.100.9",
    );
    expect(clientAddressOf("::1", undefined, trusted)).toBe("::1");
  });

  it("refuses a setting that is not an address or a prefix, naming it", () => {
    expect(() => trustedProxiesFrom("nginx")).toThrow('"nginx"');
    expect(() => trustedProxiesFrom("10.0.0.0/33")).toThrow("10.0.0.0/33");
    expect(() => trustedProxiesFrom("10.0.0.0/8/1")).toThrow("10.0.0.0/8/1");
  });
});

describe("the front door", () => {
  it("leaves X-Forwarded-For holding the connection's address when no proxy is trusted", () => {
    const sent = request({ headers: { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "ke-xau.example" } });
    expect(admit(sent, direct)).toBeNull();
    expect(sent.headers["x-forwarded-for"]).toBe("203.0.113.7");
    expect(sent.headers["x-forwarded-host"]).toBe("tin.example.vn");
    expect(sent.headers["x-forwarded-proto"]).toBe("http");
  });

  it("believes a trusted proxy's forwarding headers", () => {
    const sent = request({
      peer: "127.0.0.1",
      headers: {
        host: "127.0.0.1:3001",
        "x-forwarded-for": "1.2.3.4, 198.51.100.9",
        "x-forwarded-host": "tin.example.vn",
        "x-forwarded-proto": "https",
      },
    });
    expect(admit(sent, behindNginx)).toBeNull();
    expect(sent.headers["x-forwarded-for"]).toBe("198.51.100.9");
    expect(sent.headers["x-forwarded-proto"]).toBe("https");
  });

  it("refuses a host the site does not serve (DNS rebinding), and takes loopback and ALLOWED_HOSTS", () => {
    expect(admit(request({ headers: { host: "ke-xau.example" } }), direct)?.status).toBe(421);
    expect(admit(request({ headers: { host: "TIN.example.vn:443" } }), direct)).toBeNull();
    expect(admit(request({ headers: { host: "127.0.0.1:3000" } }), direct)).toBeNull();
    expect(admit(request({ headers: { host: "[::1]:3000" } }), direct)).toBeNull();
    const withLan = frontDoorSettings(site, { ALLOWED_HOSTS: "192.168.1.5" });
    expect(admit(request({ headers: { host: "192.168.1.5:3000" } }), withLan)).toBeNull();
    expect(allowedHostsFrom(site, undefined).has("192.168.1.5")).toBe(false);
  });

  it("refuses a post to the editors' pages without a session cookie, before its body", () => {
    for (const url of [
      "/quan-tri",
      "/quan-tri/sua/bai",
      "//quan-tri/moi",
      "/%71uan-tri/moi",
      "/quan-tri?x",
    ]) {
      const post = request({ method: "POST", url, headers: { "content-length": "16000000" } });
      expect(admit(post, direct)?.status, url).toBe(403);
    }
    const signedIn = request({
      method: "POST",
      url: "/quan-tri/moi",
      headers: { cookie: `a=1; ${SESSION_COOKIE}=Fe26.2**abc` },
    });
    expect(admit(signedIn, direct)).toBeNull();
    expect(admit(request({ method: "POST", url: "/tim-kiem" }), direct)).toBeNull();
  });

  it("takes a sign-in post only when it says its length and that length is small", () => {
    const signIn = (headers: DoorRequest["headers"]) =>
      admit(request({ method: "POST", url: "/quan-tri/dang-nhap", headers }), direct);
    expect(signIn({ "content-length": "300" })).toBeNull();
    expect(signIn({ "content-length": String(SIGN_IN_MAX_BYTES + 1) })?.status).toBe(413);
    expect(signIn({ "transfer-encoding": "chunked" })?.status).toBe(411);
  });
});

describe("helpers", () => {
  it("finds the session cookie by name, not by a prefix or an empty value", () => {
    expect(hasSessionCookie(`${SESSION_COOKIE}=x`)).toBe(true);
    expect(hasSessionCookie(`${SESSION_COOKIE}x=y`)).toBe(false);
    expect(hasSessionCookie(`${SESSION_COOKIE}=`)).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });

  it("routes a path as Next will", () => {
    expect(routedPath("/%71uan-tri//sua?x=1")).toBe("/quan-tri/sua");
    expect(routedPath("/%E0%A4%A")).toBe("/%E0%A4%A");
    expect(routedPath("http://tin.example.vn/quan-tri/moi")).toBe("/quan-tri/moi");
  });
});
