// `npx tsx scripts/make-app-icons.ts`: the home-screen icons of the web app manifest
// (app/manifest.ts), drawn from public/logo.png. Run it again when the logo changes; the PNG files
// it writes in public/icons/ are committed.
import path from "node:path";
import sharp from "sharp";

const logo = path.join("public", "logo.png");
const folder = path.join("public", "icons");
// The logo's own red, so the maskable icon's margin is the same colour as its corners.
const ACCENT = "#a3161a";

for (const size of [192, 512]) {
  await sharp(logo)
    .resize(size, size)
    .png()
    .toFile(path.join(folder, `icon-${size}.png`));
}
// A launcher may cut a maskable icon down to the circle of 80% of its width: the letters are
// drawn at 80% on a full square of the logo's red, so no launcher's mask cuts them.
const inner = Math.round(512 * 0.8);
const margin = (512 - inner) / 2;
await sharp({ create: { width: 512, height: 512, channels: 4, background: ACCENT } })
  .composite([{ input: await sharp(logo).resize(inner, inner).toBuffer(), left: margin, top: margin }])
  .png()
  .toFile(path.join(folder, "icon-maskable-512.png"));
console.log(`Đã vẽ biểu tượng vào ${folder}/`);
