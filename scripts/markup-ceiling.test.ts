import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { markupOf, type MarkupNode } from "./markup-ceiling";

/** The markup as the ceiling app renders it (its render-markup.js does the same). */
function render(node: MarkupNode, key?: number): ReactNode {
  if (typeof node === "string") return node;
  const [tag, props, children] = node;
  return createElement(tag, { ...props, key }, ...children.map(render));
}

const html = (nodes: MarkupNode[]) => renderToStaticMarkup(createElement("body", null, ...nodes.map(render)));

describe("markupOf", () => {
  it("gives back a page's body as React renders it: attributes, styles, entities, no script", () => {
    const page = [
      "<!DOCTYPE html><html><head><title>T</title></head><body class=\"min-h-screen\">",
      '<a href="#main" class="sr-only">Skip &amp; go</a>',
      '<main id="main"><div role="progressbar" style="width:5%;background-color:red"><span>1 of 2</span></div>',
      '<form class="f" action="javascript:throw new Error(&#x27;React form unexpectedly submitted.&#x27;)">',
      '<label for="n">Note</label><input type="hidden" name="leadId" value="x"/><textarea id="n" maxlength="20"></textarea>',
      '<button type="submit" class="btn">Save<span class="sr-only"> Company “1” &lt;b&gt;</span></button></form>',
      '<svg viewbox="0 0 10 10" aria-hidden="true"><path d="M0 0h1" stroke-width="2"></path></svg></main>',
      "<script>self.__next_f.push([1,\"x\"])</script></body></html>",
    ].join("");
    expect(html(markupOf(page))).toBe(
      [
        "<body>",
        '<a href="#main" class="sr-only">Skip &amp; go</a>',
        '<main id="main"><div role="progressbar" style="width:5%;background-color:red"><span>1 of 2</span></div>',
        // React refuses to render a javascript: URL itself; its own form actions are left out.
        '<form class="f"><label for="n">Note</label><input type="hidden" name="leadId" value="x"/><textarea id="n" maxLength="20"></textarea>',
        '<button type="submit" class="btn">Save<span class="sr-only"> Company “1” &lt;b&gt;</span></button></form>',
        '<svg viewBox="0 0 10 10" aria-hidden="true"><path d="M0 0h1" stroke-width="2"></path></svg></main>',
        "</body>",
      ].join(""),
    );
  });

  it("refuses a page without a body", () => {
    expect(() => markupOf("<p>not a page</p>")).toThrow("no <body>");
  });
});
