"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress, editorAccounts, signInLimits } from "@/lib/auth/newsroom";
import { editorSession } from "@/lib/auth/session";
import { adminRoutes } from "@/lib/editorial/admin-routes";

// Server actions of /quan-tri. Next refuses an action posted from another origin (its Origin
// header checked against the host); proxy.ts refuses it earlier with a 403.

export async function signIn(form: FormData): Promise<void> {
  const name = String(form.get("ten") ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 64);
  const password = String(form.get("mat-khau") ?? "").slice(0, 1024);
  const address = clientAddress(await headers());
  const limits = signInLimits();
  const verdict = await limits.check(name, address);
  if (!verdict.allowed) redirect(adminRoutes.signIn({ error: "qua-nhieu", wait: verdict.retryAfterSeconds }));
  if (!(await editorAccounts().check(name, password))) {
    await limits.failed(name, address);
    redirect(adminRoutes.signIn({ error: "sai" }));
  }
  await limits.succeeded(name, address);
  const session = await editorSession();
  session.editor = name;
  session.since = Date.now();
  await session.save();
  redirect(adminRoutes.home);
}

export async function signOut(): Promise<void> {
  (await editorSession()).destroy();
  redirect(adminRoutes.signIn({}));
}
