import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { restoreVersionAction } from "@/app/quan-tri/lich-su/actions";
import { signedInEditor } from "@/lib/auth/session";
import { contentDirectory } from "@/lib/content/refresh";
import { formatChangeTime, toVietnamIso } from "@/lib/dates";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { type HistoryEntry, reportHistory } from "@/lib/editorial/report-history";
import { historyInputs } from "@/lib/report-form/field-names";

export const metadata: Metadata = { title: "Lịch sử bài", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ ten: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const OUTCOME_MESSAGES: Record<string, { text: string; problem: boolean }> = {
  "da-khoi-phuc": { text: "Đã khôi phục. Bạn đọc thấy bản này trong vài giây.", problem: false },
  "da-doi": {
    text: "Chưa khôi phục: bài đã đổi ở nơi khác sau khi bạn mở lịch sử. Đây là lịch sử mới nhất: chọn lại bản.",
    problem: true,
  },
  "co-loi": {
    text: "Chưa khôi phục: bản đó có lỗi với cách kiểm tra hiện nay. Mở bài, chép phần cần lấy lại rồi lưu.",
    problem: true,
  },
  "khong-co": { text: "Không có bản đó.", problem: true },
  "khong-duoc": { text: "Chưa khôi phục: chỉ biên tập viên khôi phục được một bản cũ.", problem: true },
};

function VersionSelect({
  name,
  entries,
  chosen,
}: {
  name: string;
  entries: HistoryEntry[];
  chosen?: string;
}) {
  return (
    <select name={name} defaultValue={chosen}>
      {entries.map((entry) => (
        <option key={entry.commit} value={entry.commit}>
          {formatChangeTime(entry.at)} · {entry.author} · {entry.commit.slice(0, 8)}
        </option>
      ))}
    </select>
  );
}

export default async function ReportHistoryPage({ params, searchParams }: Props) {
  if (!(await signedInEditor())) redirect(adminRoutes.signIn({}));
  const { ten } = await params;
  const history = await reportHistory(contentDirectory(), ten);
  if (!history) notFound();
  const outcome = (await searchParams)["ket-qua"];
  const said = typeof outcome === "string" ? OUTCOME_MESSAGES[outcome] : undefined;
  const { entries } = history;
  const isDeleted = history.currentVersion === "";
  return (
    <div className="admin">
      <p>
        <Link href={adminRoutes.home}>← Các bài viết</Link>
        {!isDeleted && (
          <>
            {" · "}
            <Link href={adminRoutes.edit(ten)}>Sửa bài</Link>
          </>
        )}
      </p>
      <h1>Lịch sử: {history.title || history.file}</h1>
      {said && (
        <p className={said.problem ? "admin__error" : undefined} role={said.problem ? "alert" : "status"}>
          {said.text}
        </p>
      )}
      <p>
        {entries.length} bản, mới nhất trước
        {isDeleted ? ". Bài đã bị xóa: khôi phục một bản để đăng lại." : "."}
      </p>
      {entries.length > 1 && (
        <form className="admin__filter" method="get" action={`${adminRoutes.history(ten)}/so-sanh`}>
          <label>
            So sánh bản{" "}
            <VersionSelect name={historyInputs.from} entries={entries} chosen={entries[1]?.commit} />
          </label>
          <label>
            với bản <VersionSelect name={historyInputs.to} entries={entries} chosen={entries[0]?.commit} />
          </label>
          <button type="submit">So sánh</button>
        </form>
      )}
      <ol className="admin-history">
        {entries.map((entry, index) => {
          const previous = entries[index + 1];
          return (
            <li key={entry.commit} className="admin-history__version">
              <p>
                <time dateTime={toVietnamIso(entry.at)}>{formatChangeTime(entry.at)}</time> ·{" "}
                <strong>{entry.author}</strong> · <code>{entry.commit.slice(0, 8)}</code>
                {index === 0 && !entry.deleted && " · bản hiện tại"}
              </p>
              <p className="admin-history__changes">{entry.changes.join(", ")}</p>
              {entry.correction && <p>Đính chính: {entry.correction}</p>}
              <p className="admin__hint">{entry.subject}</p>
              <div className="admin-history__actions">
                {previous && (
                  <Link href={adminRoutes.compare(ten, previous.commit, entry.commit)}>So với bản trước</Link>
                )}
                {!entry.deleted && (index > 0 || isDeleted) && (
                  <form action={restoreVersionAction}>
                    <input type="hidden" name={historyInputs.file} value={history.file} />
                    <input type="hidden" name={historyInputs.commit} value={entry.commit} />
                    <input type="hidden" name={historyInputs.version} value={history.currentVersion} />
                    <button type="submit">Khôi phục bản này</button>
                  </form>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
