// Parses Mermaid files with the real Mermaid parser (the `mermaid` package), in a jsdom
// window since Mermaid needs a DOM. Usage: node mermaid-parse.mjs FILE...
// Prints `ok FILE` per file, or `error FILE: message` and exits 1 at the first failure.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["Element", "HTMLElement", "SVGElement", "Node", "DOMParser", "navigator"]) {
  if (!(name in globalThis)) {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true });
  }
}

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  try {
    const result = await mermaid.parse(text);
    console.log(`ok ${file} ${result.diagramType}`);
  } catch (error) {
    console.log(`error ${file}: ${String(error && error.message ? error.message : error)}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
