/** Site-wide settings. The public address comes from SITE_URL so every absolute URL agrees. */
export const site = {
  name: "Tin Xứ Nghệ",
  description:
    "Tin tức địa phương Nghệ An: chính quyền, quốc phòng - an ninh, đời sống ở thành phố Vinh và các huyện.",
  url: new URL(process.env.SITE_URL ?? "http://localhost:3000"),
  locale: "vi_VN",
  language: "vi",
  reportsPerPage: 20,
  feedSize: 50,
  logo: { path: "/logo.png", width: 512, height: 512 },
} as const;

/** An absolute URL on this site, built from SITE_URL. */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url).href;
}
