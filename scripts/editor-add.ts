// `npm run editor:add -- <name> [--role phong-vien|bien-tap|quan-tri]`: makes an account, or sets
// a new password for one (which ends its sessions and enables it again if it was disabled). A new
// account is a reporter's unless `--role` says otherwise; the first account is an administrator.
// `--role` on an existing account changes its role, from its next request.
// The password is asked at a prompt without echo (never on the command line, where the shell's
// history and `ps` would keep it), or read from EDITOR_PASSWORD in scripts and tests.
import { parseArgs } from "node:util";
import { read } from "read";
import { EditorAccounts } from "../lib/auth/accounts";
import { isRole, ROLE_LABELS, ROLES } from "../lib/auth/roles";
import { editorDatabasePath } from "../lib/auth/editor-data";

async function password(): Promise<string> {
  if (process.env.EDITOR_PASSWORD) return process.env.EDITOR_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("Không có bàn phím để nhập mật khẩu: đặt EDITOR_PASSWORD.");
  const first = await read({ prompt: "Mật khẩu: ", silent: true, replace: "*" });
  const again = await read({ prompt: "Nhập lại mật khẩu: ", silent: true, replace: "*" });
  if (first !== again) throw new Error("Hai lần nhập mật khẩu không khớp.");
  return first;
}

const USAGE = `Cách dùng: npm run editor:add -- <tên-đăng-nhập> [--role ${ROLES.join("|")}]`;

/** The name and the role asked for (Node's own parseArgs: `--role x` or `--role=x`, in any order). */
function argumentsGiven(args: string[]): { name: string; role?: (typeof ROLES)[number] } {
  const { values, positionals } = parseArgs({
    args,
    options: { role: { type: "string" } },
    allowPositionals: true,
  });
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) throw new Error(USAGE);
  if (values.role !== undefined && !isRole(values.role))
    throw new Error(`Vai trò “${values.role}” không có. ${USAGE}`);
  return { name, role: isRole(values.role) ? values.role : undefined };
}

try {
  const { name, role } = argumentsGiven(process.argv.slice(2));
  const accounts = new EditorAccounts(editorDatabasePath());
  const created = await accounts.set(name, await password(), role);
  const now = accounts.list().find((account) => account.name === name)?.role ?? "phong-vien";
  accounts.close();
  console.log(
    created
      ? `Đã tạo tài khoản “${name}”, vai trò ${ROLE_LABELS[now]} (${editorDatabasePath()}).`
      : `Đã đặt mật khẩu mới cho “${name}”, vai trò ${ROLE_LABELS[now]}.`,
  );
  if (role && now !== role) console.log(`Tài khoản đầu tiên luôn là ${ROLE_LABELS["quan-tri"]}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
