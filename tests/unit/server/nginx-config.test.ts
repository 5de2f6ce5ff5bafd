import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteFiles } from "../../../tools/stack";
import { temporaryFolder } from "../support/temporary-folder";

// deploy/nginx as nginx itself reads it (`nginx -t`): the production examples in site.d/, and the
// site.d/ that `npm run stack` writes. Needs Debian's nginx, which `.ci/run` installs.
const NGINX = "/usr/sbin/nginx";

function testConfig(site?: Record<string, string>) {
  const prefix = temporaryFolder("nginx-config-");
  const conf = path.join(prefix, "conf");
  cpSync("deploy/nginx", conf, { recursive: true });
  for (const [name, text] of Object.entries(site ?? {})) writeFileSync(path.join(conf, "site.d", name), text);
  for (const folder of ["logs", "temp"]) mkdirSync(path.join(prefix, folder));
  return spawnSync(
    NGINX,
    ["-t", "-p", `${prefix}/`, "-c", path.join(conf, "nginx.conf"), "-e", "logs/error.log"],
    {
      encoding: "utf8",
    },
  );
}

describe.skipIf(!existsSync(NGINX))("deploy/nginx/nginx.conf", () => {
  it("is accepted by nginx with the production examples of site.d/", () => {
    const result = testConfig();
    expect(result.stderr).toContain("syntax is ok");
    expect(result.status).toBe(0);
  });

  it("is accepted by nginx with the site.d/ that npm run stack writes", () => {
    const result = testConfig(
      siteFiles({ port: 8080, host: "127.0.0.1", appPorts: [3001, 3002, 3003], viewLogPort: 5140 }),
    );
    expect(result.stderr).toContain("syntax is ok");
    expect(result.status).toBe(0);
  });

  it("is refused when the instances are missing: the file is really read", () => {
    const result = testConfig({ "upstream.conf": "# nothing\n" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('host not found in upstream "tin_xu_nghe_app"');
  });
});
