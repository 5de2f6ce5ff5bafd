import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signIn } from "@/app/quan-tri/dang-nhap/actions";
import { PermalinkForm } from "@/components/admin/permalink-form";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { MAX_PASSWORD_LENGTH } from "@/lib/auth/accounts";
import { signedInEditor } from "@/lib/auth/session";
import { signInInputs } from "@/lib/report-form/field-names";

export const metadata: Metadata = { title: "Đăng nhập biên tập", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function message(error: unknown, wait: unknown): string | null {
  if (error === "sai") return "Tên đăng nhập hoặc mật khẩu không đúng.";
  if (error === "qua-nhieu") {
    const minutes = Math.max(1, Math.ceil(Number(wait) / 60) || 15);
    return `Đã thử sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`;
  }
  return null;
}

/** Signing in: a form to a server action, posted to this page's address without JavaScript. */
export default async function SignInPage({ searchParams }: Props) {
  if (await signedInEditor()) redirect(adminRoutes.home);
  const { loi, doi } = await searchParams;
  const problem = message(loi, doi);
  return (
    <div className="admin admin--narrow">
      <h1>Đăng nhập biên tập</h1>
      {problem && (
        <p className="admin__error" role="alert">
          {problem}
        </p>
      )}
      <PermalinkForm action={signIn} permalink={adminRoutes.signIn({})} className="admin-form">
        <label>
          Tên đăng nhập
          <input
            name={signInInputs.name}
            autoComplete="username"
            required
            maxLength={32}
            autoCapitalize="none"
          />
        </label>
        <label>
          Mật khẩu
          <input
            name={signInInputs.password}
            type="password"
            autoComplete="current-password"
            required
            maxLength={MAX_PASSWORD_LENGTH}
          />
        </label>
        <button type="submit">Đăng nhập</button>
      </PermalinkForm>
    </div>
  );
}
