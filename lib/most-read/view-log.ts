import type { Beacon } from "./index";

// Behind nginx the view beacon never reaches Node: nginx answers it (204) and sends one line of
// its access log per beacon over loopback UDP, syslog-framed (deploy/nginx/nginx.conf, log_format
// view_beacon). One instance reads those lines (lib/server/view-log-receiver.ts) and counts them
// as it counts a beacon posted to it. Under a shared story's spike this keeps every beacon off the
// instances' request queues: the reader's answer no longer waits for a Node process.

/** The fields of one `view_beacon` line, as nginx writes them (escape=json). */
interface ViewLogFields {
  bai?: unknown;
  ua?: unknown;
  dia_chi?: unknown;
  sec_purpose?: unknown;
  purpose?: unknown;
  x_purpose?: unknown;
  x_moz?: unknown;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A query-string value as nginx logs it ($arg_bai, still percent-encoded): undecodable is empty. */
function decodeArgument(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return "";
  }
}

/**
 * One syslog datagram from nginx (`<190>Dec  6 14:00:00 luot_xem: {…}`) → the beacon it stands
 * for, or null when it is not one of our lines. What counts is decided by `recordBeacon`, as for a
 * beacon posted to the server.
 */
export function beaconFromLogLine(datagram: string): Beacon | null {
  const start = datagram.indexOf("{");
  const end = datagram.lastIndexOf("}");
  if (start < 0 || end < start) return null;
  let fields: ViewLogFields;
  try {
    const parsed: unknown = JSON.parse(datagram.slice(start, end + 1));
    if (typeof parsed !== "object" || parsed === null) return null;
    fields = parsed as ViewLogFields;
  } catch {
    return null;
  }
  const address = text(fields.dia_chi);
  if (!address) return null;
  const headers: Record<string, string> = {
    "sec-purpose": text(fields.sec_purpose),
    purpose: text(fields.purpose),
    "x-purpose": text(fields.x_purpose),
    "x-moz": text(fields.x_moz),
  };
  return {
    userAgent: text(fields.ua) || null,
    header: (name) => headers[name.toLowerCase()] ?? null,
    address,
    slug: decodeArgument(text(fields.bai)),
  };
}
