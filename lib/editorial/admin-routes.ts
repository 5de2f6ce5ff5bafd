/** The editors' addresses, under /quan-tri only. */
export const adminRoutes = {
  home: "/quan-tri",
  newReport: "/quan-tri/moi",
  /** `then`: what the page says on opening: just saved, or a delete refused. */
  edit: (slug: string, then?: "da-luu" | "khong-xoa") => `/quan-tri/sua/${slug}${then ? `?${then}=1` : ""}`,
  signIn: ({ error, wait }: { error?: "sai" | "qua-nhieu"; wait?: number }) => {
    const query = new URLSearchParams();
    if (error) query.set("loi", error);
    if (wait) query.set("doi", String(wait));
    const text = query.toString();
    return `/quan-tri/dang-nhap${text ? `?${text}` : ""}`;
  },
} as const;
