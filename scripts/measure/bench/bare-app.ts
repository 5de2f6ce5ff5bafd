// The bare one-page Next app that benchmarks compare the site with: what Next alone costs. Made
// inside the checkout (.bench-bare), so that Turbopack resolves `next` from the same node_modules
// (it refuses a symlinked node_modules outside its root).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const BARE_APP_DIR = path.resolve(".bench-bare");

export function makeBareApp(directory: string): void {
  mkdirSync(path.join(directory, "app"), { recursive: true });
  writeFileSync(path.join(directory, "package.json"), '{ "private": true, "type": "module" }\n');
  writeFileSync(path.join(directory, "next.config.mjs"), "export default {};\n");
  writeFileSync(
    path.join(directory, "app/layout.js"),
    'export default function Layout({ children }) {\n  return (\n    <html lang="vi">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
  );
  writeFileSync(
    path.join(directory, "app/page.js"),
    "export default function Page() {\n  return <p>Xin chào.</p>;\n}\n",
  );
  // As many bytes as a report page (text once in the HTML and again in React's payload), still
  // with no components: the floor for a page of that weight, to tell per-byte from per-page cost.
  mkdirSync(path.join(directory, "app/trang-dai"));
  writeFileSync(
    path.join(directory, "app/trang-dai/page.js"),
    `const text = ${JSON.stringify(HEAVY_PARAGRAPH)};\n` +
      `export default function Page() {\n  return <main>{Array.from({ length: ${HEAVY_PARAGRAPHS} }, (_, i) => <p key={i}>{i + 1}. {text}</p>)}</main>;\n}\n`,
  );
}

const HEAVY_PARAGRAPH =
  "Hội nghị đánh giá công tác quốc phòng, an ninh năm qua được triển khai đồng bộ, tình hình chính trị ổn định, trật tự an toàn xã hội được giữ vững; các lực lượng phối hợp chặt chẽ, chủ động nắm chắc tình hình địa bàn, không để bị động, bất ngờ trong mọi tình huống, góp phần xây dựng thành phố ngày càng văn minh.";
const HEAVY_PARAGRAPHS = 62;

/** Builds the bare app unless a build of it is there already. */
export function ensureBareBuild(): void {
  if (existsSync(path.join(BARE_APP_DIR, ".next", "BUILD_ID"))) return;
  rmSync(BARE_APP_DIR, { recursive: true, force: true });
  makeBareApp(BARE_APP_DIR);
  const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    cwd: BARE_APP_DIR,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`the bare app's build failed (status ${build.status})`);
}
