// Browser tests use Debian's Chromium at /usr/bin/chromium (Playwright's own download cannot
// reach the internet here). As root on Debian, as in CI, it is installed when missing; elsewhere
// this says what to install, and Playwright falls back to its own browser if one is installed.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (canInstall) {
    console.log("Chromium is missing: installing Debian's chromium package …");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    console.warn(
      [
        `${CHROMIUM} is missing. Install it with:`,
        "  sudo apt-get update && sudo apt-get install -y chromium      (Debian/Ubuntu)",
        "or let Playwright use its own browser:",
        "  npx playwright install chromium",
      ].join("\n"),
    );
  }
}
