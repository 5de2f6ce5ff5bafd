import { ADMIN_CACHE } from "@/lib/auth/admin-policy";
import { signedInEditor } from "@/lib/auth/session";
import { photoNotFound, photoResponse } from "@/lib/photo-response";

// Every photo file, drafts' and unsaved reports' included, for signed-in editors only: the
// preview shows photos from here. Under /quan-tri because the session cookie is sent nowhere
// else, and because no cache keeps what is sent from here (ADMIN_CACHE; nginx's /quan-tri
// location caches nothing).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  if (!(await signedInEditor())) return photoNotFound();
  return photoResponse(request, (await params).path, ADMIN_CACHE);
}
