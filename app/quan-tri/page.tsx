import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signOut } from "@/app/quan-tri/dang-nhap/actions";
import { PermalinkForm } from "@/components/admin/permalink-form";
import { COUNT_CAP, reportRowsPage, type ReportRow, waitingRows } from "@/lib/editorial/report-rows";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { may, ROLE_LABELS } from "@/lib/auth/roles";
import { signedInAccount } from "@/lib/auth/session";
import type { StatusKind } from "@/lib/content";
import { STATUS_LABELS } from "@/lib/editorial/workflow";
import { reportListInputs } from "@/lib/report-form/field-names";
import { contentDirectory } from "@/lib/content/refresh";
import { formatChangeTime, formatShortDate } from "@/lib/dates";
import { deletedReports } from "@/lib/editorial/report-history";
import { contentRepositoryOf } from "@/lib/history/content-repository";
import { originStatus } from "@/lib/history/shared-origin";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Biên tập", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Past this page, the filter is the way: the offset a page costs grows with its number. */
const MAX_PAGE = 200;

const isStatusKind = (value: unknown): value is StatusKind =>
  typeof value === "string" && Object.hasOwn(STATUS_LABELS, value);

export default async function AdminHome({ searchParams }: Props) {
  const account = await signedInAccount();
  if (!account) redirect(adminRoutes.signIn({}));
  const query = await searchParams;
  const asked = query[reportListInputs.filter];
  const filter = typeof asked === "string" ? asked.slice(0, 200) : "";
  const askedStatus = query[reportListInputs.status];
  const status = isStatusKind(askedStatus) ? askedStatus : null;
  const askedPage = Number(query[reportListInputs.page]);
  const page = Number.isInteger(askedPage) && askedPage >= 1 && askedPage <= MAX_PAGE ? askedPage : 1;
  const listing = await reportRowsPage(filter, status, page);
  const rows: ReportRow[] = [...listing.broken, ...listing.rows];
  const waiting = may(account.role, "duyet-dang") ? await waitingRows() : [];
  const pageHref = (to: number) => {
    const search = new URLSearchParams({
      ...(filter ? { [reportListInputs.filter]: filter } : {}),
      ...(status ? { [reportListInputs.status]: status } : {}),
      ...(to > 1 ? { [reportListInputs.page]: String(to) } : {}),
    }).toString();
    return search ? `${adminRoutes.home}?${search}` : adminRoutes.home;
  };
  const deleted = await deletedReports(contentDirectory());
  const origin = await originStatus(contentRepositoryOf(contentDirectory()));
  return (
    <div className="admin">
      <div className="admin__bar">
        <h1>Các bài viết</h1>
        <PermalinkForm action={signOut} permalink={adminRoutes.home}>
          <span>
            {account.name} ({ROLE_LABELS[account.role]})
          </span>{" "}
          <button type="submit">Đăng xuất</button>
        </PermalinkForm>
      </div>
      {origin && !origin.inStep && (
        <p className="admin__error" role="status">
          Máy này chưa khớp với kho chung: {origin.unpushed} thay đổi chưa đẩy lên
          {origin.lastContact
            ? `, kho chung trả lời lần cuối lúc ${formatChangeTime(origin.lastContact)}`
            : ", chưa liên lạc được kho chung"}
          . Bài vẫn đăng ở máy này và được đẩy lên khi kho chung trả lời lại.
        </p>
      )}
      <p>
        {may(account.role, "viet-bai") && <Link href={adminRoutes.newReport}>+ Viết bài mới</Link>}
        {may(account.role, "quan-ly-tai-khoan") && (
          <>
            {" · "}
            <Link href={adminRoutes.accounts()}>Tài khoản</Link>
          </>
        )}
      </p>
      {waiting.length > 0 && (
        <section aria-labelledby="cho-duyet">
          <h2 id="cho-duyet">Chờ duyệt</h2>
          <ul>
            {waiting.map((row) => (
              <li key={row.file}>
                <Link href={adminRoutes.edit(row.file.slice(0, -3))}>{row.title}</Link>
                {row.workflow?.review && (
                  <>
                    {" "}
                    · {row.workflow.review.by} gửi lúc {formatChangeTime(row.workflow.review.at)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form className="admin__filter" method="get" role="search">
        <label>
          Lọc theo tiêu đề <input name={reportListInputs.filter} type="search" defaultValue={filter} />
        </label>
        <label>
          Trạng thái{" "}
          <select name={reportListInputs.status} defaultValue={status ?? ""}>
            <option value="">Tất cả</option>
            {Object.entries(STATUS_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Lọc</button>
      </form>
      <p>
        {listing.count >= COUNT_CAP ? `Hơn ${COUNT_CAP.toLocaleString("vi-VN")} bài` : `${listing.count} bài`}
        {listing.broken.length > 0 && `, ${listing.broken.length} tệp có lỗi`}
        {(page > 1 || listing.more) && ` · trang ${page}`}
      </p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Tiêu đề</th>
            <th scope="col">Ngày</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Tệp</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.file}>
              <td>
                <Link href={adminRoutes.edit(row.file.slice(0, -3))}>{row.title}</Link>
                {row.slug && row.status === "da-dang" && (
                  <>
                    {" "}
                    (<Link href={routes.report(row.slug)}>xem trên trang</Link>)
                  </>
                )}
                {row.problems.length > 0 && (
                  <ul className="admin__problems">
                    {row.problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{row.date ? formatShortDate(row.date) : "—"}</td>
              <td>
                {row.problems.length > 0 ? "Có lỗi" : STATUS_LABELS[row.status]}
                {row.status === "cho-duyet" && row.workflow?.review && (
                  <span className="admin__hint"> · {row.workflow.review.by}</span>
                )}
                {row.workflow?.scheduledFor && (
                  <span className="admin__hint"> · {formatChangeTime(row.workflow.scheduledFor)}</span>
                )}
              </td>
              <td>
                <code>{row.file}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(page > 1 || listing.more) && (
        <nav className="admin__pages" aria-label="Các trang của danh sách">
          {page > 1 && <Link href={pageHref(page - 1)}>← Trang trước</Link>}
          {listing.more && page < MAX_PAGE && <Link href={pageHref(page + 1)}>Trang sau →</Link>}
        </nav>
      )}
      {deleted.length > 0 && (
        <section aria-labelledby="da-xoa">
          <h2 id="da-xoa">Đã xóa</h2>
          <p className="admin__hint">Mở lịch sử một bài để xem các bản và khôi phục.</p>
          <ul>
            {deleted.map((report) => (
              <li key={report.name}>
                <Link href={adminRoutes.history(report.name)}>{report.name}</Link> · xóa lúc{" "}
                {formatChangeTime(report.at)} · {report.author}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
