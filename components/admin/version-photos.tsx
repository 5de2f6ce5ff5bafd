import { adminRoutes } from "@/lib/editorial/admin-routes";

function Thumbnails({ photos, others, mark }: { photos: string[]; others: string[]; mark: string }) {
  if (photos.length === 0) return <p>Không có ảnh.</p>;
  return (
    <ul className="admin-photos">
      {photos.map((src) => (
        <li key={src}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail through /quan-tri/anh, which serves photos not published yet */}
          <img src={adminRoutes.photo(src)} alt="" width={120} height={80} loading="lazy" />
          <code>{src}</code>
          {!others.includes(src) && <strong> ({mark})</strong>}
        </li>
      ))}
    </ul>
  );
}

/** The photos of two versions side by side, those only in one marked. */
export function VersionPhotos({ before, after }: { before: string[]; after: string[] }) {
  return (
    <div className="admin-compare__photos">
      <section>
        <h3>Bản trước</h3>
        <Thumbnails photos={before} others={after} mark="đã bỏ" />
      </section>
      <section>
        <h3>Bản sau</h3>
        <Thumbnails photos={after} others={before} mark="mới thêm" />
      </section>
    </div>
  );
}
