"use server";

import { redirect } from "next/navigation";
import { signedInEditor } from "@/lib/auth/session";
import { contentDirectory } from "@/lib/content/refresh";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { restoreVersion } from "@/lib/editorial/restore-version";
import { historyInputs } from "@/lib/report-form/field-names";

const OUTCOMES = { "no-such-version": "khong-co", changed: "da-doi", problems: "co-loi" } as const;

/** Restores a version of a report, checked on the server like a save; back to its history. */
export async function restoreVersionAction(form: FormData): Promise<void> {
  const editor = await signedInEditor();
  if (!editor) redirect(adminRoutes.signIn({}));
  const file = String(form.get(historyInputs.file) ?? "");
  const outcome = await restoreVersion({
    contentDir: contentDirectory(),
    editor,
    file,
    commit: String(form.get(historyInputs.commit) ?? ""),
    version: String(form.get(historyInputs.version) ?? ""),
  });
  const slug = file.endsWith(".md") ? file.slice(0, -3) : file;
  redirect(adminRoutes.history(slug, outcome.restored ? "da-khoi-phuc" : OUTCOMES[outcome.reason]));
}
