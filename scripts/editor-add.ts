// `npm run editor:add -- <name>`: makes an editor's account, or sets a new password for one (which
// ends its sessions and enables it again if it was disabled).
// The password is asked at a prompt without echo (never on the command line, where the shell's
// history and `ps` would keep it), or read from EDITOR_PASSWORD in scripts and tests.
import { read } from "read";
import { EditorAccounts } from "../lib/auth/accounts";
import { editorDatabasePath } from "../lib/auth/editor-data";

async function password(): Promise<string> {
  if (process.env.EDITOR_PASSWORD) return process.env.EDITOR_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("Không có bàn phím để nhập mật khẩu: đặt EDITOR_PASSWORD.");
  const first = await read({ prompt: "Mật khẩu: ", silent: true, replace: "*" });
  const again = await read({ prompt: "Nhập lại mật khẩu: ", silent: true, replace: "*" });
  if (first !== again) throw new Error("Hai lần nhập mật khẩu không khớp.");
  return first;
}

const name = process.argv[2];
try {
  if (!name) throw new Error("Cách dùng: npm run editor:add -- <tên-đăng-nhập>");
  const accounts = new EditorAccounts(editorDatabasePath());
  const created = await accounts.set(name, await password());
  accounts.close();
  console.log(
    created ? `Đã tạo tài khoản “${name}” (${editorDatabasePath()}).` : `Đã đặt mật khẩu mới cho “${name}”.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
