import { recordBeacon } from "@/lib/most-read";
import { BEACON_MAX_BYTES, beaconSlug } from "@/lib/most-read/beacon-address";

// The view beacon under `next dev`. The production server answers it before Next
// (lib/server/view-beacon.ts); both count through lib/most-read.
export async function POST(request: Request) {
  const body = await request.text();
  if (body.length <= BEACON_MAX_BYTES) {
    recordBeacon({
      userAgent: request.headers.get("user-agent"),
      header: (name) => request.headers.get(name),
      address: request.headers.get("x-forwarded-for") ?? "",
      slug: beaconSlug(new URL(request.url).searchParams, body),
    });
  }
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
