export interface ShareLinks {
  facebook: string;
  zalo: string;
  x: string;
}

/**
 * Plain share links that work without JavaScript and load nothing from the networks until the
 * reader follows one. Zalo's web share page reads the address from base64-encoded JSON.
 */
export function shareLinks(url: string, title: string): ShareLinks {
  const encoded = encodeURIComponent(url);
  const zaloPayload = Buffer.from(JSON.stringify({ url }), "utf8").toString("base64");
  return {
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${encoded}`,
    zalo: `https://button-share.zalo.me/share_external?url=${encoded}&d=${encodeURIComponent(zaloPayload)}`,
    x: `https://x.com/intent/post?url=${encoded}&text=${encodeURIComponent(title)}`,
  };
}
