import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

// The rooms of the code and their doors (docs/kien-truc): an import that goes the wrong way fails
// the lint, whatever the file's depth or the import's spelling ("@/…" or "../…").
const boundaries = {
  app: {
    regex: "^(@/|(\\.\\./)+)app/",
    message: "Only app/ imports app/: lib/ and components/ are used by routes, never the other way round.",
  },
  components: {
    regex: "^(@/|(\\.\\./)+)components/",
    message: "lib/ never imports components/: pages ask lib/ for data and hand it to components.",
  },
  contentInternals: {
    regex: "^(@/lib/|\\./|(\\.\\./)+(lib/)?)content/(?!refresh$|files$|report-parser$)[^/]+$",
    message:
      "Outside lib/content, import its read side (@/lib/content), its write side (@/lib/content/refresh), or the folder's and the parse worker's names (files, report-parser) only.",
  },
  scripts: {
    regex: "^(@/|\\./|(\\.\\./)+)scripts/",
    message: "scripts/ holds command-line entry points only: what others need lives in tools/ or lib/.",
  },
  tools: {
    regex: "^(@/|(\\.\\./)+)tools/",
    message: "lib/ never imports tools/: the site's code must not depend on the test and measuring tools.",
  },
};

/** One no-restricted-imports entry per group of files: a later entry would replace, not add to, an earlier one. */
function restrict(files, ignores, rooms) {
  return {
    files,
    ignores,
    rules: { "no-restricted-imports": ["error", { patterns: rooms.map((room) => boundaries[room]) }] },
  };
}

const code = "**/*.{ts,tsx,mts,mjs}";

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // `const { body, ...summary } = report` is how an object loses fields without a copy loop.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
    },
  },
  restrict([`lib/content/${code}`], [], ["app", "components", "scripts", "tools"]),
  restrict(
    [`lib/${code}`],
    [`lib/content/${code}`],
    ["app", "components", "contentInternals", "scripts", "tools"],
  ),
  restrict([`components/${code}`], [], ["app", "contentInternals", "scripts"]),
  restrict([`tests/unit/content/${code}`], [], ["scripts"]),
  restrict([`scripts/${code}`], [], ["contentInternals"]),
  restrict(
    [code],
    ["lib/**", "components/**", "scripts/**", "tests/unit/content/**"],
    ["contentInternals", "scripts"],
  ),
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".e2e-content*/**",
    ".bench-bare/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
