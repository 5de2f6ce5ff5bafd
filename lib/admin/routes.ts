/** The editors' addresses, under /quan-tri only. */
export const adminRoutes = {
  home: "/quan-tri",
  newReport: "/quan-tri/moi",
  edit: (slug: string, justSaved = false) => `/quan-tri/sua/${slug}${justSaved ? "?da-luu=1" : ""}`,
  signIn: ({ error, wait }: { error?: "sai" | "qua-nhieu"; wait?: number }) => {
    const query = new URLSearchParams();
    if (error) query.set("loi", error);
    if (wait) query.set("doi", String(wait));
    const text = query.toString();
    return `/quan-tri/dang-nhap${text ? `?${text}` : ""}`;
  },
} as const;
