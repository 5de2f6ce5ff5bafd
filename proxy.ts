import { type NextRequest, NextResponse } from "next/server";
import { ADMIN_CACHE, adminContentSecurityPolicy, isSameOrigin, newNonce } from "@/lib/auth/admin-policy";
import { DOCUMENT_CACHE, MEDIA_CACHE, NOT_FOUND_CACHE } from "@/lib/cache-control";
import { isPublishedPhoto } from "@/lib/content";
import { movedPage, NUMBERED_PAGE } from "@/lib/moved-pages";
import { KEY_FILE_PATH, keyFileText } from "@/lib/notify/key-file";
import { publicDirectory, readablePhotoFile } from "@/lib/photo-files";
import { isKnownAction } from "@/lib/server/known-actions";

// Runs for /quan-tri: refuses what another site's page sends there, and gives each editors'
// page its nonce, its policy and its no-store, noindex headers. For numbered listing pages: past
// a list's cap, they moved for good (lib/moved-pages.ts). And for /images/…: Next serves
// the files public/ held at start itself, following symbolic links, and /_next/image fetches
// photos through here too; only a photo file by lib/photo-files.ts's rule that a published report
// shows gets past. The image optimiser keeps its resized copies for hours, so its requests are
// gated here too: a photo whose report went back to draft or was deleted stops there at once.
// And for "/<key>.txt": IndexNow's key file, at the root where the protocol wants it.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/images/")) return photoGate(pathname);
  if (pathname === "/_next/image") return imageSourceGate(request.nextUrl.searchParams.get("url") ?? "");
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
  if (NUMBERED_PAGE.test(pathname)) return numberedPage(request);
  if (KEY_FILE_PATH.test(pathname)) return indexNowKeyFile(pathname);
  if (!["GET", "HEAD"].includes(request.method) && !isSameOrigin(request.headers)) {
    return new NextResponse("Yêu cầu từ nơi khác bị từ chối.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": ADMIN_CACHE },
    });
  }
  const action = request.headers.get("next-action");
  if (action !== null && !isKnownAction(action)) {
    return new NextResponse("Thao tác này không còn: hãy tải lại trang.", {
      status: 404,
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

/** A numbered page past its list's cap: a permanent move to its month or year, with one Location header. */
function numberedPage(request: NextRequest): NextResponse {
  const moved = movedPage(request.nextUrl.pathname);
  if (!moved) return NextResponse.next();
  // Next wants an absolute address here: this one, as the request named it, with the new path.
  const target = request.nextUrl.clone();
  target.pathname = moved;
  target.search = "";
  const response = NextResponse.redirect(target, 308);
  response.headers.set("Cache-Control", DOCUMENT_CACHE);
  return response;
}

/** IndexNow's key file at the root, which no folder of app/ can name; any other .txt goes on to a 404. */
function indexNowKeyFile(pathname: string): NextResponse {
  const key = keyFileText(pathname);
  if (key === null) return NextResponse.next();
  return new NextResponse(key, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": MEDIA_CACHE },
  });
}

const isAdminPath = (pathname: string) => pathname === "/quan-tri" || pathname.startsWith("/quan-tri/");

/** The segments of a photo's address after /images/, decoded; none when one cannot be. */
function photoParts(pathname: string): string[] {
  try {
    return pathname.slice("/images/".length).split("/").map(decodeURIComponent);
  } catch {
    return [];
  }
}

const photoNotFound = () =>
  new NextResponse("Không tìm thấy ảnh", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": NOT_FOUND_CACHE },
  });

// Drafts', unsaved and deleted reports' photos are not the public's: editors see them through
// /quan-tri's own address (app/quan-tri/anh), which their session cookie reaches.
const isPublicPhoto = (parts: string[]) => isPublishedPhoto(`/images/${parts.join("/")}`);

function photoGate(pathname: string): NextResponse {
  const parts = photoParts(pathname);
  return readablePhotoFile(publicDirectory(), parts) && isPublicPhoto(parts)
    ? NextResponse.next()
    : photoNotFound();
}

/** The optimiser's source, when it is a photo file no published report shows, stops here. */
function imageSourceGate(source: string): NextResponse {
  if (!source.startsWith("/images/")) return NextResponse.next();
  const parts = photoParts(source.split("?")[0]);
  // Anything else the optimiser refuses itself (images.localPatterns), or fetches through /images.
  return readablePhotoFile(publicDirectory(), parts) && !isPublicPhoto(parts)
    ? photoNotFound()
    : NextResponse.next();
}

export const config = {
  matcher: [
    "/quan-tri",
    "/quan-tri/:path*",
    "/images/:path*",
    "/_next/image",
    "/trang/:page",
    "/chu-de/:slug/trang/:page",
    "/chuyen-muc/:slug/trang/:page",
    "/nguoi/:slug/trang/:page",
    // IndexNow's key file (lib/notify/key-file.ts).
    "/:file([A-Za-z0-9-]{8,128}\\.txt)",
    // Every other address only with a Next-Action header: other readers' requests never run the proxy.
    { source: "/((?!quan-tri).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
