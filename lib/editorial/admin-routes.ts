import { historyInputs } from "../report-form/field-names";

/** What a change on the accounts page came to. */
export type AccountOutcome =
  "da-tao" | "da-doi-mat-khau" | "da-doi-vai-tro" | "da-khoa" | "khong-co" | "con-mot-quan-tri" | "loi";

/** The editors' addresses, under /quan-tri only. */
export const adminRoutes = {
  home: "/quan-tri",
  newReport: "/quan-tri/moi",
  /** The accounts (administrators only); `then`: what the page says of the last change. */
  accounts: (then?: AccountOutcome) => `/quan-tri/tai-khoan${then ? `?ket-qua=${then}` : ""}`,
  /** `then`: what the page says on opening: just saved, or a delete refused (changed, or not the role's). */
  edit: (slug: string, then?: "da-luu" | "khong-xoa" | "khong-duoc-xoa") =>
    `/quan-tri/sua/${slug}${then ? `?${then}=1` : ""}`,
  /** A report's versions; `then`: what the page says on opening (a restore done, or refused, and why). */
  history: (slug: string, then?: "da-khoi-phuc" | "da-doi" | "co-loi" | "khong-co" | "khong-duoc") =>
    `/quan-tri/lich-su/${slug}${then ? `?ket-qua=${then}` : ""}`,
  /** Two versions of a report compared (commit ids). */
  compare: (slug: string, from: string, to: string) =>
    `/quan-tri/lich-su/${slug}/so-sanh?${new URLSearchParams({ [historyInputs.from]: from, [historyInputs.to]: to }).toString()}`,
  /**
   * A photo (/images/…) as editors see it, whether or not a published report shows it yet: the
   * public address serves only those (proxy.ts), and the session cookie reaches /quan-tri only.
   */
  photo: (src: string) =>
    src.startsWith("/images/") ? `/quan-tri/anh/${src.slice("/images/".length)}` : src,
  signIn: ({ error, wait }: { error?: "sai" | "qua-nhieu"; wait?: number }) => {
    const query = new URLSearchParams();
    if (error) query.set("loi", error);
    if (wait) query.set("doi", String(wait));
    const text = query.toString();
    return `/quan-tri/dang-nhap${text ? `?${text}` : ""}`;
  },
} as const;
