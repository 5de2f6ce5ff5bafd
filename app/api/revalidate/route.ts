import { revalidatePath } from "next/cache";
import { isFromWatcher } from "@/lib/publishing/secret";

// Called only by this server's own content watcher (lib/publishing): anyone else gets the same
// 404 as for an address that does not exist.
export async function POST(request: Request) {
  if (!isFromWatcher(request)) return new Response("Không tìm thấy", { status: 404 });
  const { paths, everything } = (await request.json()) as { paths: unknown; everything?: unknown };
  // A change to most of the archive (a glossary edit, a cold store being read): every page is
  // marked stale at once, and each renders again on its next visit.
  if (everything === true) {
    revalidatePath("/", "layout");
    return Response.json({ revalidated: "everything" });
  }
  if (!Array.isArray(paths) || !paths.every((path) => typeof path === "string" && path.startsWith("/"))) {
    return new Response("Cần { paths: string[] }", { status: 400 });
  }
  for (const path of paths) revalidatePath(path);
  return Response.json({ revalidated: paths.length });
}
