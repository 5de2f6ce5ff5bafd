import { shareLinks } from "@/lib/share";
import { ShareActions } from "./share-actions";

/** Share links that are plain anchors: they work without JavaScript and load no third-party code. */
export function ShareBar({ url, title }: { url: string; title: string }) {
  const links = shareLinks(url, title);
  return (
    <div className="share-bar" role="group" aria-label="Chia sẻ bài viết">
      <a className="share-bar__link" href={links.facebook} target="_blank" rel="noopener noreferrer">
        Facebook
      </a>
      <a className="share-bar__link" href={links.zalo} target="_blank" rel="noopener noreferrer">
        Zalo
      </a>
      <a className="share-bar__link" href={links.x} target="_blank" rel="noopener noreferrer">
        X
      </a>
      <ShareActions url={url} title={title} />
    </div>
  );
}
