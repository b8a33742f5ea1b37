// The hand-over between the calculator's head (calculator-early.ts), which
// starts the module's download and compilation before anything else of
// the page, and the loader (loader.ts), which takes them.

/**
 * Early is what the head started: the module's response and, when the
 * server sends it as application/wasm, its compilation as it streams;
 * module is null when the response is not compiled there.
 */
export interface Early {
  response: Response;
  module: Promise<WebAssembly.Module> | null;
}

/**
 * EarlyHolder is window as both see it. RULES_WASM_EARLY is undefined
 * until one of them runs: the head's script sets what it started, the
 * loader sets false when it took it or found nothing, so that a head
 * script that comes late (it is async) starts nothing a second time.
 */
export interface EarlyHolder {
  RULES_WASM_EARLY?: Promise<Early> | false;
}
