import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { VersionPhotos } from "@/components/admin/version-photos";
import { WordDiff } from "@/components/admin/word-diff";
import { signedInEditor } from "@/lib/auth/session";
import { contentDirectory } from "@/lib/content/refresh";
import { adminRoutes } from "@/lib/editorial/admin-routes";
import { compareVersions } from "@/lib/editorial/report-history";
import { historyInputs } from "@/lib/report-form/field-names";

export const metadata: Metadata = { title: "So sánh hai bản", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ ten: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export default async function CompareVersionsPage({ params, searchParams }: Props) {
  if (!(await signedInEditor())) redirect(adminRoutes.signIn({}));
  const { ten } = await params;
  const query = await searchParams;
  const comparison = await compareVersions(
    contentDirectory(),
    ten,
    one(query[historyInputs.from]),
    one(query[historyInputs.to]),
  );
  if (!comparison) notFound();
  const { from, to, fields, body, photos } = comparison;
  return (
    <div className="admin">
      <p>
        <Link href={adminRoutes.history(ten)}>← Lịch sử bài</Link>
      </p>
      <h1>
        So sánh bản <code>{from.commit.slice(0, 8)}</code> với bản <code>{to.commit.slice(0, 8)}</code>
      </h1>
      {!from.exists && <p>Bản đầu không có bài (trước khi tạo, hoặc đã xóa).</p>}
      {!to.exists && <p>Bản sau không có bài: bài đã bị xóa ở bản này.</p>}
      <h2>Các trường</h2>
      <table className="admin-table admin-compare">
        <thead>
          <tr>
            <th scope="col">Trường</th>
            <th scope="col">Bản trước</th>
            <th scope="col">Bản sau</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name} className={field.changed ? "admin-compare__changed" : undefined}>
              <th scope="row">
                {field.label}
                {field.changed && <span className="admin-compare__mark"> (đã đổi)</span>}
              </th>
              <td>{field.changed ? <del>{field.before}</del> : field.before}</td>
              <td>{field.changed ? <ins>{field.after}</ins> : field.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Nội dung</h2>
      <WordDiff parts={body} />
      <h2>Ảnh</h2>
      <VersionPhotos before={photos.before} after={photos.after} />
    </div>
  );
}
