import { type NextRequest, NextResponse } from "next/server";
import { ADMIN_CACHE, adminContentSecurityPolicy, isSameOrigin, newNonce } from "@/lib/auth/admin-policy";
import { NOT_FOUND_CACHE } from "@/lib/cache-control";
import { publicDirectory, readablePhotoFile } from "@/lib/photo-files";

// Runs for /quan-tri: refuses what another site's page sends there, and gives each editors'
// page its nonce, its policy and its no-store, noindex headers. And for /images/…: Next serves
// the files public/ held at start itself, following symbolic links, and /_next/image fetches
// photos through here too; only a photo file by lib/photo-files.ts's rule gets past.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/images/")) return photoGate(pathname);
  // Only the editors' pages have server actions: one posted to a reader's page would make Next
  // log an error with its stack each time. It is answered here, quietly.
  if (request.headers.has("next-action") && !isAdminPath(pathname)) {
    return new NextResponse("Trang này không nhận thao tác nào.", {
      status: 405,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": NOT_FOUND_CACHE,
        Allow: "GET, HEAD",
      },
    });
  }
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

const isAdminPath = (pathname: string) => pathname === "/quan-tri" || pathname.startsWith("/quan-tri/");

function photoGate(pathname: string): NextResponse {
  let parts: string[];
  try {
    parts = pathname.slice("/images/".length).split("/").map(decodeURIComponent);
  } catch {
    parts = [];
  }
  if (readablePhotoFile(publicDirectory(), parts)) return NextResponse.next();
  return new NextResponse("Không tìm thấy ảnh", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": NOT_FOUND_CACHE },
  });
}

export const config = {
  matcher: [
    "/quan-tri",
    "/quan-tri/:path*",
    "/images/:path*",
    // Every other address only with a Next-Action header: readers' requests never run the proxy.
    { source: "/((?!quan-tri).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
