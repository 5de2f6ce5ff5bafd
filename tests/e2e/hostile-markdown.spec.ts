import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import type { Nodes } from "mdast";
import { remark } from "remark";
import { getReportBySlug, type Report } from "@/lib/content";
import { readFrontMatter, frontMatterSchema, type FrontMatter } from "@/lib/content/refresh";

// tests/fixtures/e2e-content/bai-thu-ma-doc.md: one report full of payloads, each of which leaves
// its own trace if it runs (window.__xss_NN, a request carrying xss=NN, a <base>, a CSS rule).
const SLUG = "bai-thu-ma-doc";
const REPORT_PATH = `/bai-viet/${SLUG}`;
const FIXTURE = path.resolve("tests/fixtures/e2e-content", `${SLUG}.md`);

function hostileReport(): Report {
  const report = getReportBySlug(SLUG);
  if (!report) throw new Error(`${FIXTURE} did not load as a published report`);
  return report;
}

interface Payload {
  id: string;
  label: string;
  /** What a careless site would put into the page: no sanitizer, no escaping. */
  unsafeHtml: string;
}

/**
 * Markdown rendered the careless way, by pasting strings together: raw HTML kept, text and
 * attributes unescaped. Only for the controls below, to show that each payload does run when
 * nothing stops it.
 */
function carelessHtml(node: Nodes): string {
  const inner = () => ("children" in node ? (node.children as Nodes[]).map(carelessHtml).join("") : "");
  switch (node.type) {
    case "text":
    case "html":
    case "inlineCode":
      return node.value;
    case "paragraph":
      return `<p>${inner()}</p>`;
    case "link":
      return `<a href="${node.url}" title="${node.title ?? ""}">${inner()}</a>`;
    case "image":
      return `<img src="${node.url}" alt="${node.alt ?? ""}" title="${node.title ?? ""}">`;
    default:
      return inner();
  }
}

/** The body's payloads: the Markdown between one "Mục NN: …" line and the next. */
function bodyPayloads(): Payload[] {
  const { body } = readFrontMatter(readFileSync(FIXTURE, "utf8"));
  const [, ...parts] = body.split(/^Hết bài thử/m)[0].split(/^Mục (\d{2}): (.*)$/m);
  const payloads: Payload[] = [];
  for (let index = 0; index < parts.length; index += 3) {
    const [id, label, markdown] = parts.slice(index, index + 3);
    payloads.push({ id, label, unsafeHtml: carelessHtml(remark().parse(markdown)) });
  }
  return payloads;
}

/** The front matter's payloads, each put into a page as HTML, the way a template without escaping would. */
function frontMatterPayloads(): Payload[] {
  // Read from the fixture itself, so the list of tests does not depend on a build.
  const data: FrontMatter = frontMatterSchema.parse(readFrontMatter(readFileSync(FIXTURE, "utf8")).data);
  const [attendee] = data.attendees;
  const fields: Array<[string, string]> = [
    ["title", data.title],
    ["summary", data.summary ?? ""],
    ["category", data.category ?? ""],
    ["location", data.location ?? ""],
    ["author", data.author ?? ""],
    ["tags[1]", data.tags[0]],
    ["source.name", data.source?.name ?? ""],
    ["attendees[1].name", attendee.name],
    ["attendees[1].rank", attendee.rank ?? ""],
    ["attendees[1].role", attendee.role ?? ""],
    ["attendeeGroups[1]", data.attendeeGroups[0]],
  ];
  return [
    ...fields.map(([field, value]) => ({ id: field, label: `front matter ${field}`, unsafeHtml: value })),
    {
      id: "source.url",
      label: "front matter source.url in a link",
      unsafeHtml: `<a href="${data.source?.url}">Nguồn</a>`,
    },
  ];
}

interface Traces {
  /** window.__xss_* globals the payloads set. */
  markers: string[];
  /** Requests for URLs carrying xss=NN (meta refresh, object, embed, link, form). */
  requests: string[];
  dialogs: string[];
  /** The page's address (without its fragment) after the payloads had their chance. */
  address: string;
  baseUri: string;
  title: string;
  /** Custom properties a <style> payload sets on :root, and whether <main> was hidden. */
  injectedStyle: string[];
  mainHidden: boolean;
}

/**
 * Opens a page, then gives every payload in `scope` its chance: hovers every element and clicks
 * every link and button that does not lead to another http(s) page. Returns a reader for the
 * traces, since some come late (an image's onerror, a details' toggle, an iframe's load).
 */
async function provoke(page: Page, address: string, scope: string): Promise<() => Promise<Traces>> {
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.context().on("request", (request) => {
    if (/[?&]xss=/.test(request.url())) requests.push(request.url());
  });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(address);
  try {
    await page.evaluate((selector) => {
      for (const element of document.querySelectorAll(`${selector} *`)) {
        element.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      }
      for (const element of document.querySelectorAll<HTMLElement>(`${selector} a, ${selector} button`)) {
        const href = element.getAttribute("href");
        if (href && !href.startsWith("#") && /^https?:$/.test(new URL(href, document.baseURI).protocol))
          continue;
        element.click();
      }
    }, scope);
  } catch {
    // A payload navigated the page away mid-way: the address read below records it.
  }
  return async () => {
    await page.waitForLoadState("load");
    const inPage = await page.evaluate(() => ({
      markers: Object.keys(window).filter((key) => key.startsWith("__xss")),
      baseUri: document.baseURI.split("#")[0],
      title: document.title,
      // A payload that navigated away may leave a document without a root or a body.
      injectedStyle: ["--xss-28", "--xss-fm-category"].filter(
        (name) =>
          document.documentElement &&
          getComputedStyle(document.documentElement).getPropertyValue(name).trim(),
      ),
      mainHidden: (() => {
        const main = document.querySelector("main") ?? document.body;
        return main ? getComputedStyle(main).display === "none" : false;
      })(),
    }));
    return { ...inPage, requests: [...requests], dialogs: [...dialogs], address: page.url().split("#")[0] };
  };
}

/** Long enough for the late events of a payload that did get in. */
const SETTLE_MS = 1000;

function tracesOf(traces: Traces, address: string, expectedTitle: string): string[] {
  return [
    ...traces.markers.map((marker) => `window.${marker} was set`),
    ...traces.requests.map((url) => `requested ${url}`),
    ...traces.dialogs.map((message) => `dialog: ${message}`),
    ...(traces.address === address ? [] : [`navigated to ${traces.address}`]),
    ...(traces.baseUri === address ? [] : [`base URI became ${traces.baseUri}`]),
    ...(traces.title === expectedTitle ? [] : [`title became ${traces.title}`]),
    ...traces.injectedStyle.map((name) => `style set ${name}`),
    ...(traces.mainHidden ? ["main was hidden"] : []),
  ];
}

test.describe("hostile Markdown and front matter", () => {
  test("the report page runs none of the payloads, stays put and keeps its text", async ({
    page,
    baseURL,
  }) => {
    const report = hostileReport();
    const address = `${baseURL}${REPORT_PATH}`;
    const readTraces = await provoke(page, address, "main");
    await page.waitForTimeout(SETTLE_MS);
    expect(tracesOf(await readTraces(), address, `${report.title} | Tin Xứ Nghệ`)).toEqual([]);

    // The text around every payload is still there and visible.
    for (const payload of bodyPayloads()) {
      await expect(page.getByText(`Mục ${payload.id}: ${payload.label}`, { exact: true })).toBeVisible();
    }
    await expect(page.getByText("Hết bài thử: dòng này phải còn hiện ra.")).toBeVisible();
    // Front-matter fields appear as the very text the editor wrote.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(report.title);
    await expect(
      page.getByRole("navigation", { name: "Vị trí trang" }).getByRole("listitem").nth(1),
    ).toHaveText(report.category ?? "");
    await expect(page.locator(".report__lead")).toHaveText(report.summary);
    await expect(page.getByRole("complementary")).toContainText(report.attendees[0].name);
    await expect(page.getByRole("complementary")).toContainText(report.attendeeGroups[0]);
    await expect(page.getByRole("link", { name: report.source?.name })).toHaveAttribute(
      "href",
      report.source?.url ?? "",
    );
    // An alt text and a caption built to break out of their attributes stay whole.
    const figure = report.figures[0];
    await expect(page.locator("article figure img")).toHaveAttribute("alt", figure.alt);
    await expect(page.locator("article figcaption")).toHaveText(figure.caption);

    // Nothing dangerous is left in the document, not even inert.
    const leftovers = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll("*")) {
        for (const { name, value } of element.attributes) {
          if (/^on/i.test(name)) found.push(`<${element.localName} ${name}>`);
          const url = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
          if (
            /^(href|src|action|formaction|data|srcdoc|xlink:href)$/i.test(name) &&
            /^(javascript|vbscript|data):/.test(url)
          ) {
            found.push(`<${element.localName} ${name}="${value}">`);
          }
        }
      }
      const forbidden =
        "main iframe, main object, main embed, main style, main link, main meta, main base, main form, main svg, main math, main noscript, base, meta[http-equiv]";
      for (const element of document.querySelectorAll(forbidden)) found.push(`<${element.localName}>`);
      for (const script of document.querySelectorAll("main script:not([type='application/ld+json'])")) {
        found.push(`<script>${script.textContent}`);
      }
      return found;
    });
    expect(leftovers).toEqual([]);
  });

  test("the newest list shows the report with its hostile title and summary as plain text", async ({
    page,
    baseURL,
  }) => {
    const report = hostileReport();
    const address = `${baseURL}/tin-moi`;
    const readTraces = await provoke(page, address, "main");
    await page.waitForTimeout(SETTLE_MS);
    expect(tracesOf(await readTraces(), address, "Tin mới nhất | Tin Xứ Nghệ")).toEqual([]);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: report.title }) });
    await expect(card.locator(".report-card__summary")).toHaveText(report.summary);
  });

  test("the feed, the JSON-LD and the preview image carry the front matter as text", async ({
    page,
    request,
  }) => {
    const report = hostileReport();
    const feed = await (await request.get("/feed.xml")).text();
    expect(feed).not.toMatch(/<script|<img|<svg/i);
    const items = new XMLParser({ isArray: (name) => name === "item" }).parse(feed).rss.channel.item as Array<
      Record<string, unknown>
    >;
    const item = items.find((entry) => String(entry.link).endsWith(REPORT_PATH));
    expect(item?.title).toBe(report.title);
    expect(item?.description).toBe(report.summary);

    await page.goto(REPORT_PATH);
    const [jsonLd] = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(jsonLd).not.toMatch(/<\/?script/i);
    const [article] = JSON.parse(jsonLd) as Array<{ headline: string; author: { name: string } }>;
    expect(article.headline).toBe(report.title);
    expect(article.author.name).toBe(report.author);

    const preview = await request.get(`${REPORT_PATH}/anh-chia-se.png`);
    expect(preview.status()).toBe(200);
    expect(preview.headers()["content-type"]).toBe("image/png");
  });
});

// Controls: the same payloads put into a page with no sanitizer and no escaping. Each one that a
// browser can run does leave its trace, so the clean results above are not an accident of
// payloads that could never fire. The few that Chromium itself never runs are listed, with why:
// the checks above still show that they do not reach the page.
const INERT_IN_CHROMIUM: Record<string, string> = {
  "04": "only dangerous against a filter that deletes the inner <script> and joins the rest",
  "20": "Chromium refuses to navigate a page to a data: URL",
  "21": "Chromium has no VBScript",
  "22": "an <img> never runs a javascript: URL",
  "23": "an SVG loaded by <img> never runs its scripts",
  "35": "it mutates only when a DOM sanitizer's output is parsed a second time",
};

test.describe("control: pasted into a page without sanitizing or escaping, the payloads do run", () => {
  const payloads = [...bodyPayloads(), ...frontMatterPayloads()];

  test("the fixture holds at least 20 payloads, each with its own marker", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(20);
    expect(new Set(payloads.map((payload) => payload.id)).size).toBe(payloads.length);
  });

  for (const payload of payloads) {
    const inert = INERT_IN_CHROMIUM[payload.id];
    test(`payload ${payload.id} (${payload.label}) ${inert ? "is inert here" : "leaves its trace"}`, async ({
      page,
      baseURL,
    }) => {
      const address = `${baseURL}/__doi-chung/${encodeURIComponent(payload.id)}`;
      await page.route(address, (route) =>
        route.fulfill({
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đối chứng</title></head><body><main>${payload.unsafeHtml}</main></body></html>`,
        }),
      );
      const readTraces = await provoke(page, address, "main");
      const traces = async () => tracesOf(await readTraces(), address, "Đối chứng");
      if (inert) {
        await page.waitForTimeout(SETTLE_MS);
        expect(await traces(), inert).toEqual([]);
      } else {
        await expect
          .poll(async () => (await traces()).length, { message: payload.unsafeHtml })
          .toBeGreaterThan(0);
        test.info().annotations.push({ type: "trace", description: (await traces()).join("; ") });
      }
    });
  }
});
