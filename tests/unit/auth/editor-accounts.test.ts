import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { EditorAccounts } from "@/lib/auth/accounts";
import { isSameOrigin } from "@/lib/auth/admin-policy";
import {
  FAILURES_PER_ACCOUNT,
  FAILURES_PER_ADDRESS,
  SignInLimits,
  SLOW_DOWN_AFTER,
  SLOW_DOWN_MOST_MS,
  slowDownFor,
} from "@/lib/auth/sign-in-limits";
import { temporaryFolder } from "../support/temporary-folder";

let folder: string;
beforeEach(() => {
  folder = temporaryFolder("bien-tap-");
});

describe("editors' accounts", () => {
  it("makes the first account an administrator and others reporters unless told; a new role counts at the next request", async () => {
    const accounts = new EditorAccounts(path.join(folder, "editors.sqlite"));
    await accounts.set("tongbientap", "một mật khẩu đủ dài", "phong-vien");
    await accounts.set("pv-lan", "một mật khẩu đủ dài");
    await accounts.set("bt-hung", "một mật khẩu đủ dài", "bien-tap");
    expect(accounts.list().map(({ name, role }) => [name, role])).toEqual([
      ["bt-hung", "bien-tap"],
      ["pv-lan", "phong-vien"],
      ["tongbientap", "quan-tri"],
    ]);
    const generation = await accounts.verifiedGeneration("pv-lan", "một mật khẩu đủ dài");
    const session = accounts.openSession("pv-lan", generation ?? -1) ?? "";
    expect(accounts.sessionAccount(session)).toEqual({ name: "pv-lan", role: "phong-vien" });
    expect(accounts.setRole("pv-lan", "bien-tap")).toBe(true);
    expect(accounts.sessionAccount(session)).toEqual({ name: "pv-lan", role: "bien-tap" });
    // A new password keeps the role; disabling ends the session at once.
    await accounts.set("pv-lan", "mật khẩu mới cũng dài");
    expect(accounts.list().find((row) => row.name === "pv-lan")?.role).toBe("bien-tap");
    expect(accounts.enabledAdministrators()).toBe(1);
    expect(() => accounts.setRole("pv-lan", "toan-quyen" as "quan-tri")).toThrow(/Vai trò/);
    accounts.close();
  });

  it("keeps the powers of accounts made before roles: they become administrators", async () => {
    const file = path.join(folder, "editors.sqlite");
    const old = new Database(file);
    old.exec("CREATE TABLE editors (name TEXT PRIMARY KEY, hash TEXT NOT NULL, changed INTEGER NOT NULL)");
    old.prepare("INSERT INTO editors VALUES (?, ?, ?)").run("bientap", "x", Date.now());
    old.close();
    const accounts = new EditorAccounts(file);
    expect(accounts.list().map(({ name, role }) => [name, role])).toEqual([["bientap", "quan-tri"]]);
    accounts.close();
  });

  it("keeps an Argon2id hash, never the password, and checks it", async () => {
    const accounts = new EditorAccounts(path.join(folder, "editors.sqlite"));
    expect(await accounts.set("bientap", "một mật khẩu đủ dài")).toBe(true);
    expect(await accounts.check("bientap", "một mật khẩu đủ dài")).toBe(true);
    expect(await accounts.check("bientap", "một mật khẩu đủ dài ")).toBe(false);
    expect(await accounts.check("khong-co", "một mật khẩu đủ dài")).toBe(false);
    expect(await accounts.set("bientap", "mật khẩu mới cũng dài")).toBe(false);
    expect(await accounts.check("bientap", "một mật khẩu đủ dài")).toBe(false);
    accounts.close();
  });

  it("refuses odd names and short passwords", async () => {
    const accounts = new EditorAccounts(path.join(folder, "editors.sqlite"));
    for (const name of ["../x", "A", "Biên", "a b", "x".repeat(40), ""]) {
      await expect(accounts.set(name, "một mật khẩu đủ dài"), name).rejects.toThrow("Tên đăng nhập");
    }
    await expect(accounts.set("bientap", "ngắn")).rejects.toThrow("ít nhất 12");
    accounts.close();
  });
});

describe("sign-in limits", () => {
  it("refuses an account and address after five failures, another address not yet", async () => {
    const limits = new SignInLimits(path.join(folder, "editors.sqlite"));
    for (let n = 0; n < FAILURES_PER_ACCOUNT; n += 1) {
      expect((await limits.check("bientap", "10.0.0.1")).allowed).toBe(true);
      await limits.failed("bientap", "10.0.0.1");
    }
    const refused = await limits.check("bientap", "10.0.0.1");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(800);
    expect((await limits.check("bientap", "10.0.0.2")).allowed).toBe(true);
    limits.close();
  });

  it("refuses an address guessing across accounts", async () => {
    const limits = new SignInLimits(path.join(folder, "editors.sqlite"));
    for (let n = 0; n < FAILURES_PER_ADDRESS; n += 1) await limits.failed(`tai-khoan-${n}`, "10.0.0.9");
    expect((await limits.check("bientap", "10.0.0.9")).allowed).toBe(false);
    limits.close();
  });

  it("never blocks an account guessed at from many addresses: it slows its sign-ins down", async () => {
    const limits = new SignInLimits(path.join(folder, "editors.sqlite"));
    // Four failures from each of 30 addresses: no address reaches its own limits.
    for (let n = 0; n < 120; n += 1) await limits.failed("bientap", `10.1.${n % 30}.1`);
    const editor = await limits.check("bientap", "192.168.1.20");
    expect(editor.allowed).toBe(true);
    expect(editor.slowDownMs).toBe(SLOW_DOWN_MOST_MS);
    expect((await limits.check("phongvien", "192.168.1.20")).slowDownMs).toBe(0);
    limits.close();
  });

  it("slows an account down by steps as failures at it add up", () => {
    expect(slowDownFor(SLOW_DOWN_AFTER - 1)).toBe(0);
    expect(slowDownFor(SLOW_DOWN_AFTER)).toBe(1000);
    expect(slowDownFor(SLOW_DOWN_AFTER + 10)).toBe(2000);
    expect(slowDownFor(10_000)).toBe(SLOW_DOWN_MOST_MS);
  });

  it("forgets an account's failures once it signs in", async () => {
    const limits = new SignInLimits(path.join(folder, "editors.sqlite"));
    for (let n = 0; n < FAILURES_PER_ACCOUNT - 1; n += 1) await limits.failed("bientap", "10.0.0.1");
    await limits.succeeded("bientap", "10.0.0.1");
    await limits.failed("bientap", "10.0.0.1");
    expect((await limits.check("bientap", "10.0.0.1")).allowed).toBe(true);
    limits.close();
  });
});

describe("same origin", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it("accepts a post from the page's own host, as a proxy passes it on", () => {
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:8080", host: "127.0.0.1:8080" }))).toBe(true);
    expect(
      isSameOrigin(
        headers({
          origin: "https://tin.example.vn",
          host: "127.0.0.1:3001",
          "x-forwarded-host": "tin.example.vn",
          "x-forwarded-proto": "https",
        }),
      ),
    ).toBe(true);
  });

  it("compares the scheme too: a plain-http page of the same host is another origin", () => {
    const forwarded = { host: "127.0.0.1:3001", "x-forwarded-host": "tin.example.vn" };
    expect(
      isSameOrigin(headers({ ...forwarded, origin: "http://tin.example.vn", "x-forwarded-proto": "https" })),
    ).toBe(false);
    expect(isSameOrigin(headers({ ...forwarded, origin: "https://tin.example.vn" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://tin.example.vn:8080", host: "tin.example.vn" }))).toBe(
      false,
    );
  });

  it("refuses another site, no origin, and an origin that is not a URL", () => {
    expect(isSameOrigin(headers({ origin: "https://ke-xau.example", host: "tin.example.vn" }))).toBe(false);
    expect(isSameOrigin(headers({ host: "tin.example.vn" }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", host: "tin.example.vn" }))).toBe(false);
  });
});
