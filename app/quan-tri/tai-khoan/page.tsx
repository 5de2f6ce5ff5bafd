import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PermalinkForm } from "@/components/admin/permalink-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/accounts";
import { editorAccounts } from "@/lib/auth/newsroom";
import { ACTION_LABELS, ACTIONS, may, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { signedInAccount } from "@/lib/auth/session";
import { formatChangeTime } from "@/lib/dates";
import { type AccountOutcome, adminRoutes } from "@/lib/editorial/admin-routes";
import { accountInputs } from "@/lib/report-form/field-names";
import { changeRoleAction, disableAccountAction, saveAccountAction } from "./actions";

export const metadata: Metadata = { title: "Tài khoản", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const OUTCOMES: Record<AccountOutcome, { text: string; problem: boolean }> = {
  "da-tao": { text: "Đã tạo tài khoản.", problem: false },
  "da-doi-mat-khau": {
    text: "Đã đặt mật khẩu mới; tài khoản mở lại nếu đang khóa, các phiên cũ đã đóng.",
    problem: false,
  },
  "da-doi-vai-tro": {
    text: "Đã đổi vai trò: có hiệu lực từ lần bấm kế tiếp của tài khoản đó.",
    problem: false,
  },
  "da-khoa": { text: "Đã khóa tài khoản và đăng xuất nó ở mọi nơi.", problem: false },
  "khong-co": { text: "Không có tài khoản đó.", problem: true },
  "con-mot-quan-tri": { text: "Không đổi: đây là tài khoản quản trị cuối cùng còn mở.", problem: true },
  loi: {
    text: `Chưa lưu: tên đăng nhập 2–32 ký tự chữ thường không dấu, số, . - _; mật khẩu ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
    problem: true,
  },
};

const PAGE = adminRoutes.accounts();

function RoleSelect({ value }: { value?: string }) {
  return (
    <select name={accountInputs.role} defaultValue={value ?? "phong-vien"}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}

export default async function AccountsPage({ searchParams }: Props) {
  const account = await signedInAccount();
  if (!account) redirect(adminRoutes.signIn({}));
  if (!may(account.role, "quan-ly-tai-khoan")) redirect(adminRoutes.home);
  const asked = (await searchParams)["ket-qua"];
  const outcome =
    typeof asked === "string" && Object.hasOwn(OUTCOMES, asked) ? OUTCOMES[asked as AccountOutcome] : null;
  const accounts = editorAccounts().list();
  return (
    <div className="admin">
      <p>
        <Link href={adminRoutes.home}>← Các bài viết</Link>
      </p>
      <h1>Tài khoản</h1>
      {outcome && (
        <p
          className={outcome.problem ? "admin__error" : "admin__notice"}
          role={outcome.problem ? "alert" : "status"}
        >
          {outcome.text}
        </p>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Tên đăng nhập</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Tình trạng</th>
            <th scope="col">Mật khẩu đặt lúc</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((row) => (
            <tr key={row.name}>
              <td>{row.name}</td>
              <td>
                <PermalinkForm action={changeRoleAction} permalink={PAGE} className="admin__inline">
                  <input type="hidden" name={accountInputs.name} value={row.name} />
                  <label>
                    <span className="admin__hint">Vai trò của {row.name}</span>{" "}
                    <RoleSelect value={row.role} />
                  </label>{" "}
                  <button type="submit">Đổi vai trò</button>
                </PermalinkForm>
              </td>
              <td>
                {row.disabled ? (
                  "Đã khóa"
                ) : (
                  <PermalinkForm action={disableAccountAction} permalink={PAGE} className="admin__inline">
                    Đang mở <input type="hidden" name={accountInputs.name} value={row.name} />
                    <button type="submit">Khóa {row.name}</button>
                  </PermalinkForm>
                )}
              </td>
              <td>{formatChangeTime(row.changed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Thêm tài khoản, hoặc đặt mật khẩu mới</h2>
      <PermalinkForm action={saveAccountAction} permalink={PAGE} className="admin-form">
        <label>
          Tên đăng nhập <input name={accountInputs.name} required autoComplete="off" />
        </label>
        <label>
          Mật khẩu (ít nhất {MIN_PASSWORD_LENGTH} ký tự)
          <input
            name={accountInputs.password}
            type="password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
          />
        </label>
        <label>
          Vai trò (tài khoản mới) <RoleSelect />
        </label>
        <button type="submit">Lưu tài khoản</button>
      </PermalinkForm>
      <h2>Vai trò làm được gì</h2>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Việc</th>
            {ROLES.map((role) => (
              <th key={role} scope="col">
                {ROLE_LABELS[role]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ACTIONS.map((action) => (
            <tr key={action}>
              <td>{ACTION_LABELS[action]}</td>
              {ROLES.map((role) => (
                <td key={role}>{may(role, action) ? "có" : "không"}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
