import { getImageProps } from "next/image";

interface ResponsiveImageProps {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  className?: string;
  /** The first photo a reader sees: fetched eagerly, at high priority. */
  preload?: boolean;
}

/**
 * next/image's resized, modern-format sources on a plain <img>, rendered on the server: the same
 * markup as <Image>, without shipping its client component to the browser.
 */
export function ResponsiveImage({ preload = false, ...image }: ResponsiveImageProps) {
  // The optimiser takes only /images/… (next.config's images.localPatterns); the editors'
  // preview shows photos from /quan-tri/anh/…, as they are.
  const unoptimized = !image.src.startsWith("/images/");
  const { props } = getImageProps({ ...image, unoptimized, loading: preload ? "eager" : "lazy" });
  // eslint-disable-next-line @next/next/no-img-element -- getImageProps gives next/image's own attributes
  return <img {...props} alt={image.alt} fetchPriority={preload ? "high" : undefined} />;
}
