import { REGISTER_SERVICE_WORKER } from "./offline/register";
import { APPLY_STORED_TEXT_SIZE } from "./text-size";

/**
 * The one inline script of every page's <head>: the stored text size, applied before the first
 * paint, and the service worker's registration after load. One script, so the editors' policy
 * (lib/auth/admin-policy.ts) allows it by one hash.
 */
export const HEAD_SCRIPT = `${APPLY_STORED_TEXT_SIZE};${REGISTER_SERVICE_WORKER}`;
