"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/newsroom";
import { endSession, startSession } from "@/lib/auth/session";
import { checkSignIn } from "@/lib/auth/sign-in";
import { adminRoutes } from "@/lib/editorial/admin-routes";

// Signing in and out of /quan-tri. Next refuses an action posted from another origin (its Origin
// header checked against the host); proxy.ts refuses it earlier with a 403. Their forms are
// PermalinkForms (components/admin/permalink-form.tsx): the form comes second, after a state unused.

export async function signIn(_previous: void, form: FormData): Promise<void> {
  const verdict = await checkSignIn(form, clientAddress(await headers()));
  if (!verdict.signedIn) {
    redirect(
      verdict.error === "qua-nhieu"
        ? adminRoutes.signIn({ error: "qua-nhieu", wait: verdict.retryAfterSeconds })
        : adminRoutes.signIn({ error: "sai" }),
    );
  }
  await startSession(verdict.editor, verdict.sessionId);
  redirect(adminRoutes.home);
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect(adminRoutes.signIn({}));
}
