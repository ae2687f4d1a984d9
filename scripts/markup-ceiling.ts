// The markup ceiling of bench:throughput: each measured page's own HTML, served by a bare Next.js app
// of the same versions that does nothing but render it. No proxy, no session, no query, no rule, no
// hook: the elements alone, rendered once (a client component's server render, the cheapest way a
// Next.js page renders markup). What it serves per second is the most the page could serve with
// every line of Cadence's own work gone, so a goal the ceiling misses cannot be met by Cadence's code,
// only by a page that says less.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDocument } from "htmlparser2";
import { baseFilesOf, buildNextApp } from "./next-app";

/** An element as [tag, props, children], or a text. */
export type MarkupNode = string | [string, Record<string, string | Record<string, string>>, MarkupNode[]];

interface ParsedNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: ParsedNode[];
}

/** HTML attribute names React spells otherwise (those the pages use). */
const REACT_NAMES: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  novalidate: "noValidate",
  enctype: "encType",
  readonly: "readOnly",
  maxlength: "maxLength",
  minlength: "minLength",
  autocomplete: "autoComplete",
  inputmode: "inputMode",
  colspan: "colSpan",
  rowspan: "rowSpan",
  datetime: "dateTime",
  viewbox: "viewBox",
  "stroke-width": "strokeWidth",
  "stroke-linecap": "strokeLinecap",
  "stroke-linejoin": "strokeLinejoin",
  "fill-opacity": "fillOpacity",
  "text-anchor": "textAnchor",
  "dominant-baseline": "dominantBaseline",
  "accept-charset": "acceptCharset",
  fetchpriority: "fetchPriority",
};

/**
 * The elements of a page's <body>, scripts left out (the framework adds its own), as data a React
 * component can render back into the same markup.
 */
export function markupOf(html: string): MarkupNode[] {
  const document = parseDocument(html, { decodeEntities: true }) as unknown as ParsedNode;
  const body = find(document, "body");
  if (!body) throw new Error("the page has no <body>");
  return childrenOf(body);
}

function find(node: ParsedNode, name: string): ParsedNode | undefined {
  if (node.name === name) return node;
  for (const child of node.children ?? []) {
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

function childrenOf(node: ParsedNode): MarkupNode[] {
  const nodes: MarkupNode[] = [];
  for (const child of node.children ?? []) {
    if (child.type === "text" && child.data) nodes.push(child.data);
    else if (child.type === "tag" && child.name !== "script") nodes.push(elementOf(child));
  }
  return nodes;
}

function elementOf(node: ParsedNode): MarkupNode {
  const props: Record<string, string | Record<string, string>> = {};
  for (const [name, value] of Object.entries(node.attribs ?? {})) {
    // React's own form actions render as javascript: URLs; React refuses to render one itself.
    if (name === "action" && value.startsWith("javascript:")) continue;
    props[REACT_NAMES[name] ?? name] = name === "style" ? styleOf(value) : value;
  }
  return [node.name!, props, childrenOf(node)];
}

function styleOf(text: string): Record<string, string> {
  const style: Record<string, string> = {};
  for (const declaration of text.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    style[property] = declaration.slice(colon + 1).trim();
  }
  return style;
}

/**
 * Writes and builds the ceiling app in a new temporary folder: one route per page (`/<slug>`), each
 * rendering its markup per request (`await headers()`, as Cadence's pages render). Answers the folder.
 */
export function buildMarkupApp(pages: { slug: string; markup: MarkupNode[] }[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cadence-markup-ceiling-"));
  const files: Record<string, string> = {
    ...baseFilesOf("cadence-markup-ceiling"),
    "app/render-markup.js": [
      'import { createElement } from "react";',
      "export function renderMarkup(node, key) {",
      '  if (typeof node === "string") return node;',
      "  const [tag, props, children] = node;",
      "  return createElement(tag, { ...props, key }, ...children.map(renderMarkup));",
      "}",
    ].join("\n"),
  };
  for (const { slug, markup } of pages) {
    files[`app/${slug}/markup.js`] = `export const markup = ${JSON.stringify(markup)};`;
    // The markup is imported by the client component itself, so no props travel in the page's payload.
    files[`app/${slug}/page-markup.jsx`] = [
      '"use client";',
      'import { renderMarkup } from "../render-markup";',
      'import { markup } from "./markup";',
      "export function PageMarkup() { return <>{markup.map(renderMarkup)}</>; }",
    ].join("\n");
    files[`app/${slug}/page.jsx`] = [
      'import { headers } from "next/headers";',
      'import { PageMarkup } from "./page-markup";',
      "export default async function Page() {",
      "  await headers();",
      "  return <PageMarkup />;",
      "}",
    ].join("\n");
  }
  buildNextApp(dir, files, { quiet: true });
  return dir;
}
