// Prints the weight of pages as a server sends them: HTML and JavaScript bytes over the wire with
// gzip, as a browser asks for them. Usage: node scripts/page-weight.mjs http://127.0.0.1:3000/ [more URLs]
import http from "node:http";

function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ response, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

async function decodedHtml(url) {
  const response = await fetch(url);
  return response.text();
}

export async function pageWeight(url) {
  const page = await get(url);
  const html = await decodedHtml(url);
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map(
    (match) => new URL(match[1], url).href,
  );
  let javascript = 0;
  for (const script of new Set(scripts)) javascript += (await get(script)).body.length;
  return {
    url,
    encoding: page.response.headers["content-encoding"] ?? "identity",
    htmlBytes: page.body.length,
    scripts: new Set(scripts).size,
    javascriptBytes: javascript,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = [];
  for (const url of process.argv.slice(2)) rows.push(await pageWeight(url));
  console.log("| page | encoding | HTML bytes | scripts | JS bytes |\n|---|---|---:|---:|---:|");
  for (const row of rows) {
    console.log(
      `| ${row.url} | ${row.encoding} | ${row.htmlBytes} | ${row.scripts} | ${row.javascriptBytes} |`,
    );
  }
}
