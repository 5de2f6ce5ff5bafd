"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** Copy link and the phone's share sheet: the two share actions that need JavaScript. */
export function ShareActions({ url, title }: { url: string; title: string }) {
  // False while rendering on the server and in browsers without the API, so no dead button shows.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );
  const [status, setStatus] = useState("");

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Đã sao chép liên kết.");
    } catch {
      setStatus("Không sao chép được: hãy chép địa chỉ trên thanh trình duyệt.");
    }
  }

  async function openShareSheet() {
    try {
      await navigator.share({ title, url });
    } catch {
      // The reader closed the share sheet: nothing to report.
    }
  }

  return (
    // Both buttons are in the server's HTML but invisible until JavaScript runs, so the bar keeps
    // its size when they appear instead of wrapping and pushing the report down under the reader.
    <>
      <button type="button" className="share-bar__action" onClick={copyLink} hidden={!hydrated}>
        Sao chép liên kết
      </button>
      {(!hydrated || canShare) && (
        <button type="button" className="share-bar__action" onClick={openShareSheet} hidden={!hydrated}>
          Chia sẻ…
        </button>
      )}
      <span className="share-bar__status" role="status">
        {status}
      </span>
    </>
  );
}
