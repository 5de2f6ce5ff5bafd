"use server";

import { redirect } from "next/navigation";
import { editorAccounts } from "@/lib/auth/newsroom";
import { isRole, may } from "@/lib/auth/roles";
import { signedInAccount } from "@/lib/auth/session";
import { type AccountOutcome, adminRoutes } from "@/lib/editorial/admin-routes";
import { accountInputs } from "@/lib/report-form/field-names";

// The accounts page's actions, for administrators only: each checks the session and the role
// itself. A change of role or a disabled account counts from the account's next request (the
// role is read with the session each time; disabling ends its sessions). The last enabled
// administrator keeps the role, so that someone can always manage the accounts.

async function administrator(): Promise<string> {
  const account = await signedInAccount();
  if (!account) redirect(adminRoutes.signIn({}));
  if (!may(account.role, "quan-ly-tai-khoan")) redirect(adminRoutes.home);
  return account.name;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

function isLastAdministrator(name: string): boolean {
  const accounts = editorAccounts();
  const account = accounts.list().find((row) => row.name === name);
  return account?.role === "quan-tri" && !account.disabled && accounts.enabledAdministrators() <= 1;
}

/** Adds an account with a role, or sets a new password for one (which enables it again). */
export async function saveAccountAction(_previous: void, form: FormData): Promise<void> {
  await administrator();
  const role = field(form, accountInputs.role);
  let outcome: AccountOutcome;
  try {
    const created = await editorAccounts().set(
      field(form, accountInputs.name),
      String(form.get(accountInputs.password) ?? ""),
      isRole(role) ? role : undefined,
    );
    outcome = created ? "da-tao" : "da-doi-mat-khau";
  } catch {
    outcome = "loi";
  }
  redirect(adminRoutes.accounts(outcome));
}

export async function changeRoleAction(_previous: void, form: FormData): Promise<void> {
  await administrator();
  const name = field(form, accountInputs.name);
  const role = field(form, accountInputs.role);
  if (!isRole(role)) redirect(adminRoutes.accounts("loi"));
  if (role !== "quan-tri" && isLastAdministrator(name)) redirect(adminRoutes.accounts("con-mot-quan-tri"));
  redirect(adminRoutes.accounts(editorAccounts().setRole(name, role) ? "da-doi-vai-tro" : "khong-co"));
}

export async function disableAccountAction(_previous: void, form: FormData): Promise<void> {
  await administrator();
  const name = field(form, accountInputs.name);
  if (isLastAdministrator(name)) redirect(adminRoutes.accounts("con-mot-quan-tri"));
  redirect(adminRoutes.accounts(editorAccounts().disable(name) ? "da-khoa" : "khong-co"));
}
