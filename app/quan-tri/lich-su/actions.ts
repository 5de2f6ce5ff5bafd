"use server";

import { redirect } from "next/navigation";
import { may } from "@/lib/auth/roles";
import { signedInAccount } from "@/lib/auth/session";
import { contentDirectory } from "@/lib/content/refresh";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { restoreVersion } from "@/lib/editorial/restore-version";
import { historyInputs } from "@/lib/report-form/field-names";

const OUTCOMES = { "no-such-version": "khong-co", changed: "da-doi", problems: "co-loi" } as const;

/** Restores a version of a report, checked on the server like a save; back to its history. */
export async function restoreVersionAction(form: FormData): Promise<void> {
  const account = await signedInAccount();
  if (!account) redirect(adminRoutes.signIn({}));
  const file = String(form.get(historyInputs.file) ?? "");
  const slug = file.endsWith(".md") ? file.slice(0, -3) : file;
  if (!may(account.role, "khoi-phuc")) redirect(adminRoutes.history(slug, "khong-duoc"));
  const editor = account.name;
  const outcome = await restoreVersion({
    contentDir: contentDirectory(),
    editor,
    file,
    commit: String(form.get(historyInputs.commit) ?? ""),
    version: String(form.get(historyInputs.version) ?? ""),
  });
  redirect(adminRoutes.history(slug, outcome.restored ? "da-khoi-phuc" : OUTCOMES[outcome.reason]));
}
