import { signInInputs } from "../report-form/field-names";
import { editorAccounts, signInLimits } from "./newsroom";

// Signing in, apart from the session it opens: a name and password checked against the accounts,
// within the sign-in limits (a failure counted, a success clearing its count).

export type SignInVerdict =
  | { signedIn: true; editor: string }
  | { signedIn: false; error: "sai" }
  | { signedIn: false; error: "qua-nhieu"; retryAfterSeconds: number };

/** The name (as accounts spell it) and password a sign-in form posts, cut to a sane length. */
export function postedCredentials(form: FormData): { name: string; password: string } {
  const name = String(form.get(signInInputs.name) ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 64);
  const password = String(form.get(signInInputs.password) ?? "").slice(0, 1024);
  return { name, password };
}

/** Whether a sign-in from this address is let in. */
export async function checkSignIn(form: FormData, address: string): Promise<SignInVerdict> {
  const { name, password } = postedCredentials(form);
  const limits = signInLimits();
  const verdict = await limits.check(name, address);
  if (!verdict.allowed) {
    return { signedIn: false, error: "qua-nhieu", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  if (!(await editorAccounts().check(name, password))) {
    await limits.failed(name, address);
    return { signedIn: false, error: "sai" };
  }
  await limits.succeeded(name, address);
  return { signedIn: true, editor: name };
}
