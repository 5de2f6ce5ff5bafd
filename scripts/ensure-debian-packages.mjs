// The browser tests need five Debian packages: Chromium at /usr/bin/chromium (Playwright's own
// download cannot reach the internet here), nginx and redis-server for the production stack
// (tests/e2e/stack.spec.ts), Java for the HTML validator, vnu.jar from the vnu-jar package
// (tests/e2e/html-validity.spec.ts), and xmllint for the news sitemap's schema
// (tests/e2e/search-engines.spec.ts). As root on Debian, as in CI, the missing ones are installed;
// elsewhere this says what to install (Playwright falls back to its own browser if one is there).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const PACKAGES = [
  { file: "/usr/bin/chromium", name: "chromium" },
  { file: "/usr/sbin/nginx", name: "nginx" },
  { file: "/usr/bin/redis-server", name: "redis-server" },
  { file: "/usr/bin/java", name: "default-jre-headless" },
  { file: "/usr/bin/xmllint", name: "libxml2-utils" },
];

const missing = PACKAGES.filter(({ file }) => !existsSync(file)).map(({ name }) => name);

if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (canInstall) {
    console.log(`Installing Debian's ${missing.join(", ")} …`);
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", ...missing], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    console.warn(
      [
        `Missing: ${missing.join(", ")}. Install with:`,
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}      (Debian/Ubuntu)`,
        ...(missing.includes("chromium")
          ? ["or let Playwright use its own browser:", "  npx playwright install chromium"]
          : []),
      ].join("\n"),
    );
  }
}
