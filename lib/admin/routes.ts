/** The editors' addresses, under /quan-tri only. */
export const adminRoutes = {
  home: "/quan-tri",
  signIn: ({ error, wait }: { error?: "sai" | "qua-nhieu"; wait?: number }) => {
    const query = new URLSearchParams();
    if (error) query.set("loi", error);
    if (wait) query.set("doi", String(wait));
    const text = query.toString();
    return `/quan-tri/dang-nhap${text ? `?${text}` : ""}`;
  },
} as const;
