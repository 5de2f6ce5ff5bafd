// Ending editors' sessions from the server, at once in every instance (they read the same file):
//   npm run editor:disable -- <name>   refuses the account's sign-ins and ends its sessions;
//                                      `npm run editor:add -- <name>` (a new password) enables it again
//   npm run editor:remove -- <name>    deletes the account and its sessions
//   npm run editor:signout-all         ends every editor's sessions; accounts stay as they are
import { EditorAccounts } from "../lib/auth/accounts";
import { editorDatabasePath } from "../lib/auth/editor-data";

const [action, name] = process.argv.slice(2);
const accounts = new EditorAccounts(editorDatabasePath());
try {
  if (action === "signout-all") {
    const ended = accounts.endAllSessions();
    console.log(`Đã đăng xuất mọi biên tập viên (${ended} phiên đang mở).`);
  } else if ((action === "disable" || action === "remove") && name) {
    if (!(action === "disable" ? accounts.disable(name) : accounts.remove(name))) {
      throw new Error(`Không có tài khoản “${name}”.`);
    }
    console.log(
      action === "disable"
        ? `Đã khóa tài khoản “${name}” và kết thúc mọi phiên của nó.`
        : `Đã xóa tài khoản “${name}” và kết thúc mọi phiên của nó.`,
    );
  } else {
    throw new Error(
      "Cách dùng: npm run editor:disable -- <tên> | editor:remove -- <tên> | editor:signout-all",
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  accounts.close();
}
