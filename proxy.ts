import { type NextRequest, NextResponse } from "next/server";
import { ADMIN_CACHE, adminContentSecurityPolicy, isSameOrigin, newNonce } from "@/lib/auth/admin-policy";

// Runs for /quan-tri only: refuses what another site's page sends there, and gives each
// editors' page its nonce, its policy and its no-store, noindex headers.
export async function proxy(request: NextRequest) {
  if (!["GET", "HEAD"].includes(request.method) && !isSameOrigin(request.headers)) {
    return new NextResponse("Yêu cầu từ nơi khác bị từ chối.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": ADMIN_CACHE },
    });
  }
  const policy = await adminContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  // Next reads the nonce for its own scripts from the request's policy.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", ADMIN_CACHE);
  response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}

export const config = { matcher: ["/quan-tri", "/quan-tri/:path*"] };
