#!/usr/bin/env node
// Builds the house style of Buurtwijzer Utrecht.
//
//   cd frontend && npm ci && node build.mjs
//
// Output (committed, so nobody else needs Node):
//   ../home/static/css/buurtwijzer.css  = Utrecht component CSS (only the components below)
//                                        + src/tokens.css + src/site.css
//   ../home/static/css/print.css        = src/print.css
//
// No bundler: this script reads each package's dist/index.min.css, drops the rules
// the site does not use (see `drop` below), writes the theme's tokens in where they
// are read (see shakeTokens), minifies, and concatenates. README.md explains it all.
// Run `node build.mjs --report` to list the --utrecht-* tokens that the included
// components read but that neither src/tokens.css nor the component itself defines.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "home", "static", "css");
const REPORT = process.argv.includes("--report");

// Modifier classes that only exist to force a state in the design system's own
// documentation (".utrecht-link--hover" etc.). The rules for the real pseudo-classes
// (:hover, :active, ...) are kept.
const STATE_CLASSES = /\.utrecht-[a-z0-9-]+--(hover|focus|focus-visible|active|visited)(?![a-z0-9-])/;

// The focus ring is one rule in src/site.css (:focus-visible on every element), with
// the same look as the components' own focus-visible rules; those are dropped.
const FOCUS_RULES = /:focus-visible/;

// The components in use, in cascade order. To add one: `npm install -E @utrecht/NAME-css`,
// add a line here, give its tokens values in src/tokens.css, run `node build.mjs --report`.
// `drop`: selectors (regular expressions) to strip; a rule whose selectors are all
// stripped disappears. `dropDecl`: declarations to strip, by property name.
// `rename`: [from, to] class names in selectors. The --html-* modifiers exist for
// markup that is not the real element; ours always is, so `utrecht-link` alone
// gets the hover/focus states that upstream ties to `utrecht-link--html-a`.
const COMPONENTS = [
  // its text-size-adjust: none would stop phones from enlarging text
  { pkg: "@utrecht/document-css", dropDecl: [/text-size-adjust$/] },
  { pkg: "@utrecht/body-css" },
  { pkg: "@utrecht/page-header-css" },
  { pkg: "@utrecht/page-body-css" },
  { pkg: "@utrecht/page-footer-css" },
  { pkg: "@utrecht/skip-link-css" },
  { pkg: "@utrecht/heading-1-css" },
  { pkg: "@utrecht/heading-2-css" },
  { pkg: "@utrecht/heading-3-css" },
  { pkg: "@utrecht/paragraph-css" },
  {
    pkg: "@utrecht/link-css",
    drop: [/--placeholder/, /--forced-colors/],
    rename: [[".utrecht-link--html-a", ".utrecht-link"]],
  },
  {
    pkg: "@utrecht/unordered-list-css",
    // keep two levels of nesting; Wagtail rich text is styled in site.css
    drop: [/--html-content/, /--level-[3-9]/, /--center/],
  },
  {
    pkg: "@utrecht/button-css",
    // the site uses primary-action and secondary-action only
    drop: [/--subtle/, /--danger/, /--ready/, /--warning/, /--busy/, /--pressed/],
  },
  { pkg: "@utrecht/form-field-css", drop: [/--radio/, /--checkbox/] },
  { pkg: "@utrecht/form-label-css" },
  { pkg: "@utrecht/form-field-description-css" },
  { pkg: "@utrecht/form-field-error-message-css" },
  {
    pkg: "@utrecht/textbox-css",
    drop: [
      /--(house-number|house-letter|house-addition|voorvoegsel|tel|tel-nl|iban|iban-nl)-size/,
      /--read-only/,
      /:read-only/,
      // typographic niceties for numbers, passwords and URLs
      /--(numeric|password|url)\b/,
      /\[(type|inputMode|pattern)=/,
    ],
    rename: [[".utrecht-textbox--html-input", ".utrecht-textbox"]],
  },
  { pkg: "@utrecht/alert-css", drop: [/__icon/] },
  { pkg: "@utrecht/data-badge-css" },
  {
    pkg: "@utrecht/breadcrumb-nav-css",
    // separators come from site.css (::before), so the markup stays a plain <ol>
    drop: [/--arrows/, /__link--disabled/, /__separator/, /--html-p/],
    rename: [[".utrecht-breadcrumb-nav__list--html-ol", ".utrecht-breadcrumb-nav__list"]],
  },
  {
    pkg: "@utrecht/table-css",
    drop: [
      /--sticky/,
      /--selected/,
      /--alternate/,
      /--row-hover/,
      /--row-focus-within/,
      /--busy/,
      /--fixed/,
      /--oneline/,
      /__header--hidden/,
      /__data--truncate/,
      /__header-cell-button/,
      /figcaption/,
      /^\.utrecht-table__container$/,
      /:has\(\.utrecht-button\)/,
    ],
    // sortable column headers (buttons in th) are not used; their button tokens would
    // keep the button's tokens from being written in
    dropDecl: [/^--utrecht-button-/],
  },
];

// ---------------------------------------------------------------------------
// A tiny CSS reader: enough for the design system's dist files and our sources.

function stripComments(css) {
  let out = "";
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const j = endOfString(css, i);
      out += css.slice(i, j);
      i = j - 1;
    } else if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end === -1 ? css.length : end + 1;
      out += " ";
    } else {
      out += c;
    }
  }
  return out;
}

function endOfString(css, i) {
  const q = css[i];
  let j = i + 1;
  while (j < css.length && css[j] !== q) j += css[j] === "\\" ? 2 : 1;
  return j + 1;
}

// Returns [{prelude, body}] for blocks and [{statement}] for ";"-terminated at-rules.
function parse(css) {
  const nodes = [];
  let i = 0;
  let start = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '"' || c === "'") {
      i = endOfString(css, i);
      continue;
    }
    if (c === ";") {
      const statement = css.slice(start, i).trim();
      if (statement) nodes.push({ statement });
      start = ++i;
      continue;
    }
    if (c === "{") {
      let depth = 1;
      let j = i + 1;
      while (j < css.length && depth) {
        const d = css[j];
        if (d === '"' || d === "'") {
          j = endOfString(css, j);
          continue;
        }
        if (d === "{") depth++;
        else if (d === "}") depth--;
        j++;
      }
      nodes.push({ prelude: css.slice(start, i).trim(), body: css.slice(i + 1, j - 1) });
      start = i = j;
      continue;
    }
    i++;
  }
  return nodes;
}

// Split "a:b;c:d" (or "x,y") at top level, outside strings and parentheses.
function splitTop(s, sep) {
  const parts = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const j = endOfString(s, i);
      cur += s.slice(i, j);
      i = j - 1;
      continue;
    }
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === sep && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const BLOCK_AT_RULES = /^@(media|supports|layer|container)\b/;

// Parses a stylesheet into a tree: rules get a list of declarations, grouping
// at-rules get children; `drop` removes selectors, `dropDecl` declarations by property.
function tree(css, drop = [], dropDecl = [], rename = []) {
  const renames = rename.map(([from, to]) => [new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?![\\w-])", "g"), to]);
  const walk = (nodes) => {
    const out = [];
    for (const node of nodes) {
      if (node.statement !== undefined) {
        if (/^@charset/i.test(node.statement)) continue; // output is plain ASCII
        out.push(node);
      } else if (BLOCK_AT_RULES.test(node.prelude)) {
        const children = walk(parse(node.body));
        if (children.length) out.push({ prelude: node.prelude, children });
      } else if (node.prelude.startsWith("@")) {
        out.push(node); // @font-face, @keyframes, @page: kept whole
      } else {
        const keep = splitTop(node.prelude, ",")
          .filter((sel) => !drop.some((re) => re.test(sel)))
          .map((sel) => renames.reduce((acc, [re, to]) => acc.replace(re, to), sel));
        if (!keep.length) continue;
        const decls = splitTop(node.body, ";")
          .map((d) => {
            const k = d.indexOf(":");
            return { prop: d.slice(0, k).trim(), value: d.slice(k + 1).trim() };
          })
          .filter((d) => !dropDecl.some((re) => re.test(d.prop)));
        out.push({ prelude: keep.join(","), decls });
      }
    }
    return out;
  };
  const nodes = walk(parse(stripComments(css)));
  for (const n of nodes) if (n.decls) n.top = true;
  return nodes;
}

function* ruleBodies(nodes) {
  for (const n of nodes) {
    if (n.children) yield* ruleBodies(n.children);
    else if (n.decls) yield n;
  }
}

function matchingParen(s, open) {
  let depth = 1;
  let j = open + 1;
  while (j < s.length && depth) {
    if (s[j] === "(") depth++;
    else if (s[j] === ")") depth--;
    j++;
  }
  return j; // index after ")"
}

// Replace var(--name, fallback) by its fallback when --name is never set.
function unwrapVars(value, isSet) {
  let out = "";
  let i = 0;
  for (;;) {
    const at = value.indexOf("var(", i);
    if (at === -1) return out + value.slice(i);
    out += value.slice(i, at);
    const end = matchingParen(value, at + 3);
    const [name, ...rest] = splitTop(value.slice(at + 4, end - 1), ",");
    const fallback = rest.length ? rest.join(",") : null;
    if (fallback !== null && !isSet(name)) out += unwrapVars(fallback, isSet);
    else out += `var(${name}${fallback === null ? "" : "," + unwrapVars(fallback, isSet)})`;
    i = end;
  }
}

// Tree-shakes custom properties across the whole bundle. Closed world: every
// --utrecht-* token is set in src/tokens.css, src/site.css or by a component,
// nowhere else (no inline styles).
//  1. var(--utrecht-x, fallback) with --utrecht-x set nowhere becomes `fallback`;
//  2. a --utrecht-x or --bw-x token that is set exactly once, on :root outside any
//     @media, to a constant (after the tokens it reads have been written in), is
//     written in where it is read, and its declaration goes. A token that a @media
//     rule or a component changes stays a real custom property;
//  3. a private --_utrecht-* property that no var() reads, or that is set to an unset
//     token without fallback, is dropped;
//  4. rules left empty disappear.
function shakeTokens(trees) {
  const isRoot = (b) => b.top && b.prelude.trim() === ":root";
  for (let round = 0; round < 20; round++) {
    const bodies = trees.flatMap((t) => [...ruleBodies(t)]);
    const count = new Map();
    for (const b of bodies)
      for (const d of b.decls) if (d.prop.startsWith("--")) count.set(d.prop, (count.get(d.prop) || 0) + 1);
    const fold = new Map();
    for (const b of bodies)
      if (isRoot(b))
        for (const d of b.decls)
          if (/^--(utrecht|bw)-/.test(d.prop) && count.get(d.prop) === 1 && !d.value.includes("var("))
            fold.set(d.prop, d.value);
    const isSet = (name) => count.has(name) || !/^--_?utrecht-/.test(name);
    let changed = false;
    for (const b of bodies) {
      for (const d of b.decls) {
        let v = unwrapVars(d.value, isSet);
        v = foldVars(v, fold);
        if (v !== d.value) {
          d.value = v;
          changed = true;
        }
      }
    }
    const read = new Set();
    for (const b of bodies) for (const d of b.decls) for (const m of d.value.matchAll(/var\(\s*(--[\w-]+)/g)) read.add(m[1]);
    for (const b of bodies) {
      const before = b.decls.length;
      b.decls = b.decls.filter((d) => {
        if (d.prop.startsWith("--_utrecht-")) {
          // `--_utrecht-x: var(--utrecht-unset)` only makes --_utrecht-x invalid, which is
          // what an undeclared one is too (components do not nest their own private properties)
          const bare = /^var\((--[\w-]+)\)$/.exec(d.value);
          return read.has(d.prop) && !(bare && !isSet(bare[1]));
        }
        return !(isRoot(b) && /^--(utrecht|bw)-/.test(d.prop)) || read.has(d.prop);
      });
      if (b.decls.length !== before) changed = true;
    }
    if (!changed) break;
  }
  const clean = (nodes) =>
    nodes
      .map((n) => (n.children ? { ...n, children: clean(n.children) } : n))
      .filter((n) => (n.children ? n.children.length : !n.decls || n.decls.length));
  return trees.map(clean);
}

// Writes in the value of the tokens in `fold`: var(--t) and var(--t, x) become the value.
function foldVars(value, fold) {
  let out = "";
  let i = 0;
  for (;;) {
    const at = value.indexOf("var(", i);
    if (at === -1) return out + value.slice(i);
    out += value.slice(i, at);
    const end = matchingParen(value, at + 3);
    const [name, ...rest] = splitTop(value.slice(at + 4, end - 1), ",");
    if (fold.has(name)) out += fold.get(name);
    else out += `var(${name}${rest.length ? "," + foldVars(rest.join(","), fold) : ""})`;
    i = end;
  }
}

// Collapse whitespace outside strings; keeps the space in ".a :lang(ar)" and in calc().
function minifyText(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const j = endOfString(s, i);
      out += s.slice(i, j);
      i = j - 1;
    } else if (/\s/.test(c)) {
      while (i + 1 < s.length && /\s/.test(s[i + 1])) i++;
      const prev = out[out.length - 1];
      const next = s[i + 1];
      if (prev === undefined || "{};:,(>".includes(prev)) continue;
      if (next === undefined || "{};,)>!".includes(next)) continue;
      out += " ";
    } else {
      out += c;
    }
  }
  return out;
}

function serialize(nodes) {
  return nodes
    .map((n) => {
      if (n.statement !== undefined) return minifyText(n.statement) + ";";
      if (n.children) return `${minifyText(n.prelude)}{${serialize(n.children)}}`;
      if (n.decls) return `${minifyText(n.prelude)}{${n.decls.map((d) => `${d.prop}:${minifyText(d.value)}`).join(";")}}`;
      return `${minifyText(n.prelude)}{${minifyText(n.body).replace(/;$/, "")}}`;
    })
    .join("\n");
}

// Non-ASCII characters become CSS escapes, so the file needs no @charset.
function asciiOnly(css) {
  return css.replace(/[^\x00-\x7f]/gu, (ch) => `\\${ch.codePointAt(0).toString(16).toUpperCase()} `);
}

// ---------------------------------------------------------------------------

function readJSON(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

const trees = [];
const labels = [];
const credits = [];
for (const { pkg, drop = [], dropDecl = [], rename = [] } of COMPONENTS) {
  const dir = join(here, "node_modules", ...pkg.split("/"));
  const meta = readJSON(join(dir, "package.json"));
  if (meta.license !== "EUPL-1.2") throw new Error(`${pkg}: unexpected licence ${meta.license}`);
  const css = readFileSync(join(dir, "dist", "index.min.css"), "utf8");
  trees.push(tree(css, [STATE_CLASSES, FOCUS_RULES, ...drop], dropDecl, rename));
  labels.push(`${pkg}@${meta.version}`);
  credits.push(` *   ${pkg}@${meta.version}`);
}
for (const file of ["tokens.css", "site.css"]) {
  trees.push(tree(readFileSync(join(here, "src", file), "utf8")));
  labels.push(file);
}
const shaken = shakeTokens(trees);
const parts = shaken.map((t, i) => `/* ${labels[i]} */\n` + asciiOnly(serialize(t)));
const print = asciiOnly(serialize(tree(readFileSync(join(here, "src", "print.css"), "utf8"))));

const header = `/*!
 * Buurtwijzer Utrecht house style. GENERATED by frontend/build.mjs: do not edit,
 * change frontend/src/*.css and rebuild (see frontend/README.md).
 *
 * Contains component CSS from the Utrecht design system (NL Design System),
 * licensed under the EUPL-1.2 (https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12),
 * Copyright (c) 2020-2024 Frameless B.V., Copyright (c) 2021-2024 Gemeente Utrecht:
${credits.join("\n")}
 * The design tokens (frontend/src/tokens.css) and the layout (frontend/src/site.css)
 * are Buurtwijzer Utrecht's own; @utrecht/design-tokens is not used.
 */
`;

const main = header + parts.join("\n") + "\n";
const printOut =
  "/*! Buurtwijzer Utrecht print style. GENERATED by frontend/build.mjs from frontend/src/print.css. */\n" +
  print +
  "\n";

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "buurtwijzer.css"), main);
writeFileSync(join(outDir, "print.css"), printOut);

const kb = (s) => (Buffer.byteLength(s) / 1024).toFixed(1) + " KB";
console.log(`home/static/css/buurtwijzer.css  ${kb(main)}  (${COMPONENTS.length} components)`);
console.log(`home/static/css/print.css        ${kb(printOut)}`);
if (Buffer.byteLength(main) > 40 * 1024) {
  console.error("buurtwijzer.css is over the 40 KB budget (DESIGN.md, Budgets)");
  process.exitCode = 1;
}

if (REPORT) {
  // tokens read with var(--utrecht-x) without a fallback and never set anywhere
  const defined = new Set([...main.matchAll(/(--utrecht-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
  const bare = new Set([...main.matchAll(/var\((--utrecht-[a-z0-9-]+)\)/g)].map((m) => m[1]));
  const all = new Set([...main.matchAll(/var\((--utrecht-[a-z0-9-]+)/g)].map((m) => m[1]));
  const missing = [...bare].filter((t) => !defined.has(t)).sort();
  const optional = [...all].filter((t) => !defined.has(t) && !bare.has(t)).sort();
  console.log(`\nTokens read without fallback and not set (${missing.length}):`);
  for (const t of missing) console.log("  " + t);
  console.log(`\nTokens with a fallback, not set (${optional.length}):`);
  for (const t of optional) console.log("  " + t);
}

// Leaflet (BSD-2-Clause), served from the site itself: no CDN, nothing loaded until a
// visitor presses "Toon kaart" (kaart/static/kaart/kaart.js loads these files then).
import { copyFileSync, readdirSync } from "node:fs";
const leafletDir = join(here, "node_modules", "leaflet");
const leafletOut = join(here, "..", "kaart", "static", "kaart", "leaflet");
mkdirSync(join(leafletOut, "images"), { recursive: true });
// Without the source-map comment: the map file is not shipped, and the production static
// storage refuses a reference to a missing file.
for (const file of ["leaflet.js", "leaflet.css"]) {
  const text = readFileSync(join(leafletDir, "dist", file), "utf8");
  writeFileSync(join(leafletOut, file), text.replace(/\n\/[/*]# sourceMappingURL=\S+( \*\/)?\s*$/, "\n"));
}
for (const file of readdirSync(join(leafletDir, "dist", "images"))) {
  copyFileSync(join(leafletDir, "dist", "images", file), join(leafletOut, "images", file));
}
copyFileSync(join(leafletDir, "LICENSE"), join(leafletOut, "LICENSE"));
console.log(`kaart/static/kaart/leaflet/       Leaflet ${JSON.parse(readFileSync(join(leafletDir, "package.json"))).version}`);
