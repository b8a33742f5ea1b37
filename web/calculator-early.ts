// The first script of the calculator page (async, in its head): starts
// downloading rules.wasm and, when the server sends it as application/wasm,
// compiling it as it streams, so that both overlap the reading of the rest
// of the page; the loader (lib/calc/loader.ts) takes them over. The page's
// <link rel="preload"> has already asked for the module, and this fetch
// of the same address is matched with it, not made again. From file://,
// where the module comes from assets/rules-wasm.js, it starts nothing.

import { EarlyHolder } from "./lib/calc/early";

function start(): void {
  const holder = window as unknown as EarlyHolder;
  if (holder.RULES_WASM_EARLY !== undefined) return; // the loader came first
  if (location.protocol === "file:" || typeof window.fetch !== "function" || typeof WebAssembly !== "object") return;
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  // The module lies beside this script.
  const url = script.src.replace(/[^/]*$/, "rules.wasm");
  holder.RULES_WASM_EARLY = fetch(url).then((r) => {
    const type = (r.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    const streaming = r.ok && type === "application/wasm" && typeof WebAssembly.compileStreaming === "function";
    const module = streaming ? WebAssembly.compileStreaming(r) : null;
    // The loader handles a failure; until it takes the promise, do not
    // report it as unhandled.
    if (module) module.catch(() => undefined);
    return { response: r, module: module };
  });
  holder.RULES_WASM_EARLY.catch(() => undefined);
}

start();
