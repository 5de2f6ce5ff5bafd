import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths";

// The doors between the rooms of the code, as eslint.config.mjs keeps them: each import below is
// linted as if it stood in the named file, through the project's own ESLint configuration.

const eslint = new ESLint({ cwd: REPO_ROOT });

async function refusal(file: string, specifier: string): Promise<string | null> {
  const [result] = await eslint.lintText(`import { x } from "${specifier}";\nexport const y = x;\n`, {
    filePath: file,
  });
  const message = result.messages.find((m) => m.ruleId === "no-restricted-imports");
  return message?.message ?? null;
}

describe("the import boundaries", { timeout: 60_000 }, () => {
  it.each([
    ["components/report/x.tsx", "@/app/quan-tri/_bai/actions"],
    ["components/report/x.tsx", "../../app/page"],
    ["lib/editorial/x.ts", "../../app/quan-tri/_bai/actions"],
    ["lib/x.ts", "@/app/layout"],
  ])("%s may not import app/ (%s)", async (file, specifier) => {
    expect(await refusal(file, specifier)).toMatch(/Only app\/ imports app\//);
  });

  it.each([
    ["app/page.tsx", "@/lib/content/archive"],
    ["lib/publishing/x.ts", "../content/store"],
    ["lib/x.ts", "./content/load-report"],
    ["components/report/x.tsx", "@/lib/content/glossary"],
    ["scripts/x.ts", "../lib/content/store"],
    ["tools/x.ts", "../lib/content/images"],
    ["tests/e2e/x.spec.ts", "../../lib/content/problems"],
  ])("%s may not reach inside lib/content (%s)", async (file, specifier) => {
    expect(await refusal(file, specifier)).toMatch(/read side .* write side/);
  });

  it.each([
    ["lib/x.ts", "../tools/stack"],
    ["lib/content/x.ts", "@/tools/content-store"],
  ])("%s may not import tools/ (%s)", async (file, specifier) => {
    expect(await refusal(file, specifier)).toMatch(/lib\/ never imports tools\//);
  });

  it.each([
    ["lib/publishing/x.ts", "../../scripts/check-content"],
    ["tests/unit/content/x.test.ts", "../../../scripts/new-report"],
    ["tools/x.ts", "../scripts/stack"],
    ["playwright.config.ts", "./scripts/build-for-e2e"],
  ])("%s may not import scripts/ (%s)", async (file, specifier) => {
    expect(await refusal(file, specifier)).toMatch(/command-line entry points only/);
  });

  it("lib/ may not import components/", async () => {
    expect(await refusal("lib/seo/x.ts", "../../components/report/report-body")).toMatch(
      /never imports components/,
    );
  });

  it.each([
    ["app/page.tsx", "@/lib/content"],
    ["app/page.tsx", "@/lib/content/refresh"],
    ["lib/publishing/x.ts", "../content/refresh"],
    ["lib/x.ts", "./content"],
    ["lib/content/x.ts", "./archive"],
    ["tests/unit/content/x.test.ts", "@/lib/content/markdown"],
    ["scripts/x.ts", "../tools/stack"],
    ["scripts/x.ts", "../lib/content/files"],
    ["tools/x.ts", "../lib/content/report-parser"],
    ["app/quan-tri/page.tsx", "./_bai/actions"],
  ])("%s may import %s", async (file, specifier) => {
    expect(await refusal(file, specifier)).toBeNull();
  });
});
