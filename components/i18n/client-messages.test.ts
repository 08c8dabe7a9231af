// Every client component finds its messages: read from the source, what each "use client" file
// translates (its useTranslations namespaces and, for the form hooks' useTranslations() with no
// namespace, the message keys its server actions and schemas can return) must be provided by
// a <ClientMessages namespaces={[…]}> around it, in the server file that renders it or, through
// the server components between, in the page. A missing one is a MISSING_MESSAGE in the browser,
// or for an action's key a silent "Something went wrong", so it is checked here rather than hoped.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGE_FILES } from "@/i18n/config";
import { BASE_NAMESPACES, mergeMessages, messageAt, pickMessages, type Messages } from "@/components/i18n/pick-messages";

const root = path.resolve(import.meta.dirname, "..", "..");
const catalog: Messages = Object.assign({}, ...MESSAGE_FILES.map((file) => JSON.parse(readFileSync(path.join(root, "messages", "en", `${file}.json`), "utf8")) as Messages));

/** Pages whose speed is budgeted: they carry the base set and nothing more. */
const BASE_ONLY_PAGES = ["app/(app)/groups/[groupSlug]/progress/page.tsx", "app/(app)/dashboard/page.tsx", "app/(app)/groups/[groupSlug]/members/[memberId]/timeline/page.tsx"];
const ROUTE_FILE = /^app\/.*\b(page|layout|template|error|not-found|loading|default)\.tsx$/;

type Source = { text: string; client: boolean };
const sources = new Map<string, Source>();
function walk(dir: string) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory() && entry.name !== "generated") walk(rel);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      const text = readFileSync(path.join(root, rel), "utf8");
      sources.set(rel, { text, client: /^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/.test(text) });
    }
  }
}
["app", "components", "lib"].forEach(walk);

function resolve(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.posix.join(path.posix.dirname(from), spec) : undefined;
  if (base === undefined) return undefined;
  return ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((file) => sources.has(file));
}

/** The project modules a file imports at run time, by the local names it gives them. */
function importsOf(file: string): { modules: string[]; names: Map<string, string> } {
  const modules: string[] = [];
  const names = new Map<string, string>();
  for (const [, typeOnly, clause = "", spec = ""] of sources.get(file)!.text.matchAll(/^import\s+(type\s+)?([\s\S]*?)\s+from\s+"([^"]+)"/gm)) {
    const target = resolve(file, spec);
    if (typeOnly || !target) continue;
    modules.push(target);
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? "";
    for (const part of named.split(",")) {
      const [name, alias] = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/);
      if (name && !part.trim().startsWith("type ")) names.set(alias ?? name, target);
    }
    const defaultName = /^([A-Za-z_$][\w$]*)/.exec(clause.trim())?.[1];
    if (defaultName) names.set(defaultName, target);
  }
  return { modules, names };
}

const covers = (provided: string, need: string) => need === provided || need.startsWith(`${provided}.`);
const isLeaf = (key: string) => typeof messageAt(catalog, key) === "string";

/** `text` with its comments blanked out, every other character where it was. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|(^|[^:"'])\/\/[^\n]*/g, (comment: string, before = "") => before + comment.slice(before.length).replace(/[^\n]/g, " "));

/**
 * The keys `const t = useTranslations(namespace)` at `at` is called with, up to the next
 * translator of that name: "ns.key" for a literal key, "ns.prefix" for `prefix.${…}`, and the
 * whole namespace where `t` is called with anything else or handed on.
 */
function keysOfTranslator(text: string, at: number, namespace: string): string[] {
  const name = /const\s+(\w+)\s*=\s*$/.exec(text.slice(0, at))?.[1];
  if (!name) return [namespace];
  const next = text.indexOf(`const ${name} = useTranslations(`, at + 1);
  const scope = text.slice(at, next === -1 ? undefined : next);
  const keys: string[] = [];
  for (const call of scope.matchAll(new RegExp(`(?<![\\w.</])${name}\\b(\\.\\w+)?(\\(\\s*("([^"]+)"|\`([\\w.]*?)\\.?\\$\\{))?`, "g"))) {
    const [, method = "", open, , literal, prefix] = call;
    if (!open || !["", ".rich", ".markup", ".raw", ".has"].includes(method)) keys.push(namespace);
    else keys.push(literal !== undefined ? `${namespace}.${literal}` : prefix ? `${namespace}.${prefix}` : namespace);
  }
  return keys;
}

/** Catalog keys written in a file: whole keys ("errors.notFound") and key prefixes of template strings. */
function keysIn(source: string): string[] {
  const text = withoutComments(source); // examples in comments are not uses
  const whole = [...text.matchAll(/"([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)"/g)].map((m) => m[1] ?? "").filter(isLeaf);
  const prefixes = [...text.matchAll(/`([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)\.\$\{/g)].map((m) => m[1] ?? "").filter((key) => typeof messageAt(catalog, key) === "object");
  return [...whole, ...prefixes];
}

const problems: string[] = [];

/** What a client module translates, with the client modules it imports. */
const clientNeeds = new Map<string, Set<string>>();
function needsOfClient(file: string): Set<string> {
  const known = clientNeeds.get(file);
  if (known) return known;
  const closure = new Set<string>([file]);
  for (const current of closure) for (const dep of importsOf(current).modules) if (sources.get(dep)!.client) closure.add(dep);
  const needs = new Set<string>();
  let anyKey = false;
  for (const current of closure) {
    const text = withoutComments(sources.get(current)!.text);
    for (const use of text.matchAll(/useTranslations\(([^)]*)\)/g)) {
      const args = use[1] ?? "";
      const namespace = /^\s*"([^"]+)"\s*$/.exec(args)?.[1];
      if (args.trim() === "") anyKey = true;
      else if (!namespace) problems.push(`${current}: useTranslations(${args}) must name its namespace as a string`);
      else for (const key of keysOfTranslator(text, use.index, namespace)) needs.add(key);
    }
  }
  if (anyKey) {
    // A translator without a namespace shows keys that come from outside: the server actions
    // and schemas these modules call, and the keys the modules write themselves.
    const server = new Set<string>();
    for (const current of closure) for (const dep of importsOf(current).modules) if (!sources.get(dep)!.client && !dep.startsWith("components/")) server.add(dep);
    for (const current of server) for (const dep of importsOf(current).modules) if (!sources.get(dep)!.client && !dep.startsWith("components/")) server.add(dep);
    for (const current of [...closure, ...server]) for (const key of keysIn(sources.get(current)!.text)) needs.add(key);
  }
  clientNeeds.set(file, needs);
  return needs;
}

type Wrapper = { start: number; end: number; namespaces: string[]; used: Set<string> };
function wrappersIn(file: string, text: string): Wrapper[] {
  const wrappers: Wrapper[] = [];
  const open: Wrapper[] = [];
  for (const m of text.matchAll(/<ClientMessages\b([^>]*)>|<\/ClientMessages>/g)) {
    if (m[0].startsWith("</")) {
      const wrapper = open.pop();
      if (wrapper) wrapper.end = m.index;
      continue;
    }
    const list = /^\s*namespaces=\{\[([^\]]*)\]\}\s*$/.exec(m[1] ?? "")?.[1];
    if (list === undefined) problems.push(`${file}: <ClientMessages namespaces={[…]}> takes a literal list of strings`);
    const namespaces = [...(list ?? "").matchAll(/"([^"]+)"/g)].map((n) => n[1] ?? "");
    for (const namespace of namespaces) {
      if (messageAt(catalog, namespace) === undefined) problems.push(`${file}: no messages at "${namespace}"`);
      if (BASE_NAMESPACES.some((base) => covers(base, namespace))) problems.push(`${file}: "${namespace}" is in the base set already`);
    }
    const wrapper = { start: m.index, end: text.length, namespaces, used: new Set<string>() };
    wrappers.push(wrapper);
    open.push(wrapper);
  }
  return wrappers;
}

/**
 * What a server file renders that nothing in it provides: for the file that renders it to
 * provide. A component the file keeps to itself (`function Replies`, not exported) passes what
 * it needs on to where the file renders it.
 */
const serverNeeds = new Map<string, Set<string>>();
function needsOfServer(file: string): Set<string> {
  const known = serverNeeds.get(file);
  if (known) return known;
  const needs = new Set<string>();
  serverNeeds.set(file, needs); // a cycle sees an empty set rather than looping
  const text = withoutComments(sources.get(file)!.text);
  const wrappers = wrappersIn(file, text);
  const functions = [...text.matchAll(/^(export\s+)?(?:default\s+)?(?:async\s+)?function\s+(\w+)/gm)].map((m, i, all) => ({ name: m[2] ?? "", exported: Boolean(m[1]), start: m.index, end: all[i + 1]?.index ?? text.length, needs: new Set<string>() }));
  const local = new Map(functions.filter((f) => !f.exported).map((f) => [f.name, f]));
  const components = [...importsOf(file).names].filter(([, target]) => target.endsWith(".tsx")).map(([name, target]) => ({ name, wanted: () => (sources.get(target)!.client ? needsOfClient(target) : needsOfServer(target)) }));
  for (const [name, f] of local) components.push({ name, wanted: () => f.needs });
  // Local components may render one another: go over the file until nothing new is needed.
  for (let changed = true; changed; ) {
    changed = false;
    for (const { name, wanted } of components) {
      for (const use of text.matchAll(new RegExp(`<${name.replace(/\$/g, "\\$")}[\\s/>]`, "g"))) {
        const around = wrappers.filter((w) => w.start < use.index && use.index < w.end);
        const owner = functions.find((f) => f.start < use.index && use.index < f.end);
        const into = owner && !owner.exported ? owner.needs : needs;
        for (const need of wanted()) {
          if (BASE_NAMESPACES.some((base) => covers(base, need))) continue;
          const by = around.find((w) => w.namespaces.some((namespace) => covers(namespace, need)));
          if (by) by.namespaces.filter((namespace) => covers(namespace, need)).forEach((namespace) => by.used.add(namespace));
          else if (!into.has(need)) {
            into.add(need);
            changed = true;
          }
        }
      }
    }
  }
  for (const wrapper of wrappers) for (const namespace of wrapper.namespaces) if (!wrapper.used.has(namespace)) problems.push(`${file}: "${namespace}" is sent but nothing inside its <ClientMessages> uses it`);
  return needs;
}

describe("client messages", () => {
  it("picks dotted namespaces and merges nested ones", () => {
    const picked = pickMessages({ a: { b: { c: "1" }, d: "2" }, e: "3" }, ["a.b", "e"]);
    expect(picked).toEqual({ a: { b: { c: "1" } }, e: "3" });
    expect(mergeMessages({ a: { d: "2" }, nav: "x" }, picked)).toEqual({ a: { b: { c: "1" }, d: "2" }, e: "3", nav: "x" });
    expect(() => pickMessages({}, ["missing"])).toThrow(/missing/);
  });

  it("the base set exists and stays small", () => {
    const base = JSON.stringify(pickMessages(catalog, BASE_NAMESPACES));
    // Every page carries it: the errors any action may answer with and little else (2.1 KB now).
    expect(base.length).toBeLessThan(2_200);
  });

  it("every page provides the messages of the client components it renders", () => {
    const unmet: string[] = [];
    for (const [file, source] of sources) {
      if (!ROUTE_FILE.test(file)) continue;
      const needs = source.client ? needsOfClient(file) : needsOfServer(file);
      const missing = [...needs].filter((need) => !BASE_NAMESPACES.some((base) => covers(base, need)));
      if (missing.length > 0) unmet.push(`${file} renders client components that need ${missing.join(", ")}: wrap them in <ClientMessages>`);
    }
    // Server components no page renders are checked too, so their wrappers' lists stay honest.
    for (const [file, source] of sources) if (file.endsWith(".tsx") && !source.client) needsOfServer(file);
    expect([...unmet, ...new Set(problems)]).toEqual([]);
  });

  it("the budgeted pages send only the base set", () => {
    for (const page of BASE_ONLY_PAGES) {
      const rendered = new Set([page]);
      for (const file of rendered) for (const target of importsOf(file).names.values()) if (target.endsWith(".tsx") && !sources.get(target)!.client) rendered.add(target);
      const wrapping = [...rendered].filter((file) => sources.get(file)!.text.includes("<ClientMessages"));
      expect(wrapping, `${page} renders <ClientMessages>`).toEqual([]);
    }
  });
});
