import { BEACON_MAX_BYTES, recordBeacon } from "@/lib/most-read";

// The view beacon under `next dev`. The production server answers it before Next
// (lib/server/view-beacon.ts); both count through lib/most-read.
export async function POST(request: Request) {
  const body = await request.text();
  if (body.length <= BEACON_MAX_BYTES) {
    recordBeacon({
      userAgent: request.headers.get("user-agent"),
      header: (name) => request.headers.get(name),
      address: request.headers.get("x-forwarded-for") ?? "",
      body,
    });
  }
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
