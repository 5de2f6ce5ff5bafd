import { signInInputs } from "../report-form/field-names";
import { MAX_PASSWORD_LENGTH } from "./accounts";
import { editorAccounts, signInLimits } from "./newsroom";

// Signing in, apart from the session it opens: a name and password checked against the accounts,
// within the sign-in limits (a failure counted, a success clearing its count), and the session
// it opens recorded beside the accounts.

export type SignInVerdict =
  | { signedIn: true; editor: string; sessionId: string }
  | { signedIn: false; error: "sai" }
  | { signedIn: false; error: "qua-nhieu"; retryAfterSeconds: number };

/** The name (as accounts spell it) and password a sign-in form posts, cut to a sane length. */
export function postedCredentials(form: FormData): { name: string; password: string } {
  const name = String(form.get(signInInputs.name) ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 64);
  const password = String(form.get(signInInputs.password) ?? "").slice(0, MAX_PASSWORD_LENGTH);
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
  if (verdict.slowDownMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.slowDownMs));
  const accounts = editorAccounts();
  const generation = await accounts.verifiedGeneration(name, password);
  if (generation === null) {
    await limits.failed(name, address);
    return { signedIn: false, error: "sai" };
  }
  await limits.succeeded(name, address);
  // Null when the account was disabled, removed or given a new password while this was checked.
  const sessionId = accounts.openSession(name, generation);
  return sessionId ? { signedIn: true, editor: name, sessionId } : { signedIn: false, error: "sai" };
}
