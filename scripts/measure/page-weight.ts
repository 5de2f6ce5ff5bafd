// The weight of pages as a server sends them: HTML and JavaScript bytes over the wire with gzip,
// as a browser asks for them. Usage: tsx scripts/measure/page-weight.ts http://127.0.0.1:3000/ [more URLs]
import http from "node:http";

export interface PageWeight {
  url: string;
  encoding: string;
  htmlBytes: number;
  scripts: string[];
  javascriptBytes: number;
}

function getGzip(url: string): Promise<{ encoding: string; bytes: number; text: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({
            encoding: response.headers["content-encoding"] ?? "identity",
            bytes: body.length,
            text: body,
          });
        });
      })
      .on("error", reject);
  });
}

export async function pageWeight(url: string): Promise<PageWeight> {
  const page = await getGzip(url);
  const html = await (await fetch(url)).text();
  const scripts = [
    ...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1], url).href)),
  ];
  let javascriptBytes = 0;
  for (const script of scripts) javascriptBytes += (await getGzip(script)).bytes;
  return { url, encoding: page.encoding, htmlBytes: page.bytes, scripts, javascriptBytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("| page | encoding | HTML bytes | scripts | JS bytes |\n|---|---|---:|---:|---:|");
  for (const url of process.argv.slice(2)) {
    const row = await pageWeight(url);
    console.log(
      `| ${row.url} | ${row.encoding} | ${row.htmlBytes} | ${row.scripts.length} | ${row.javascriptBytes} |`,
    );
  }
}
