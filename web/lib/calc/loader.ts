// Loading rules.wasm and starting the Go program that defines
// globalThis.rules (cmd/ruleswasm). Over http(s) the module is fetched and
// compiled as it streams; from file://, where Chromium refuses to fetch
// local files, it comes from assets/rules-wasm.js, a classic script that
// carries it as base64.

import { Early, EarlyHolder } from "./early";
import { Rules } from "./types";

/** The API version of cmd/ruleswasm this page is written against. */
const API_VERSION = 1;

interface GoProgram {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

type GoClass = new () => GoProgram;

/**
 * LoadError says why the calculator cannot run, in Chinese, for the page:
 * "unsupported" when the browser lacks WebAssembly, "failed" when the
 * module could not be loaded or started.
 */
export class LoadError extends Error {
  constructor(
    readonly kind: "unsupported" | "failed",
    message: string,
  ) {
    super(message);
  }
}

export function webAssemblySupported(): boolean {
  return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
}

/** loadRules loads the module from root + "assets/" and starts it. */
export function loadRules(root: string): Promise<Rules> {
  if (!webAssemblySupported()) {
    return Promise.reject(
      new LoadError("unsupported", "当前浏览器不支持 WebAssembly，计算器无法运行。请改用较新版本的 Chrome、Edge 或 Firefox 等浏览器。"),
    );
  }
  const GoCtor = (window as unknown as { Go?: GoClass }).Go;
  if (typeof GoCtor !== "function") {
    return Promise.reject(new LoadError("failed", "未能加载 assets/wasm_exec.js（计算模块的启动程序）。" + filesHint()));
  }
  const go = new GoCtor();
  const instance =
    location.protocol === "file:"
      ? fromScript(root + "assets/rules-wasm.js", go.importObject)
      : fromNetwork(root + "assets/rules.wasm", go.importObject);
  return instance.then((inst) => {
    // run executes the Go program until it blocks, having defined
    // globalThis.rules; its promise settles only if the program exits.
    go.run(inst).then(
      () => console.error("rules.wasm: the Go program exited"),
      (e) => console.error("rules.wasm:", e),
    );
    const api = (window as unknown as { rules?: Rules }).rules;
    if (!api || typeof api.route !== "function") {
      throw new LoadError("failed", "计算模块未能启动。请刷新页面重试。");
    }
    if (api.apiVersion !== API_VERSION) {
      throw new LoadError("failed", "计算模块的版本（" + api.apiVersion + "）与本页面不一致。请强制刷新页面（Ctrl+F5）后重试。");
    }
    return api;
  });
}

function filesHint(): string {
  return location.protocol === "file:"
    ? "请确认网站文件夹中的 assets 文件夹完整。"
    : "请检查网络后刷新页面；离线使用前，须在联网时打开过一次本页。";
}

function compileFailed(e: unknown): LoadError {
  if (e instanceof LoadError) return e;
  return new LoadError("failed", "计算模块无法在本浏览器中运行（" + String(e) + "）。请改用较新版本的浏览器。");
}

/** takeEarly returns what the page's head started, once; null when it started nothing. */
function takeEarly(): Promise<Early> | null {
  const holder = window as unknown as EarlyHolder;
  const early = holder.RULES_WASM_EARLY || null;
  holder.RULES_WASM_EARLY = false;
  return early;
}

/**
 * fromNetwork fetches and compiles the module, or takes what the page's
 * head started (calculator-early.ts). instantiateStreaming needs the
 * server to send application/wasm; with any other type (common on intranet
 * servers) the module is read whole and compiled from memory.
 */
function fromNetwork(url: string, imports: WebAssembly.Imports): Promise<WebAssembly.Instance> {
  const checked = (resp: Response): Response => {
    if (!resp.ok) throw new LoadError("failed", "下载计算模块 assets/rules.wasm 时服务器返回 HTTP " + resp.status + "。" + filesHint());
    return resp;
  };
  const download = (): Promise<Response> =>
    fetch(url).then(checked, () => {
      throw new LoadError("failed", "无法下载计算模块 assets/rules.wasm（网络不可用）。" + filesHint());
    });
  const fromBuffer = (resp: Response): Promise<WebAssembly.Instance> =>
    resp
      .arrayBuffer()
      .then((buf) => WebAssembly.instantiate(buf, imports))
      .then((r) => r.instance, (e) => Promise.reject(compileFailed(e)));
  const early = takeEarly();
  if (early) {
    return early.then(
      (e) => {
        checked(e.response);
        if (!e.module) return fromBuffer(e.response);
        return e.module.then(
          (m) => WebAssembly.instantiate(m, imports).catch((err) => Promise.reject(compileFailed(err))),
          // As below: streaming compilation failed and the body is spent.
          () => download().then(fromBuffer),
        );
      },
      // The early download failed: try once more, and say why if it fails.
      () => download().then(fromBuffer),
    );
  }
  return download().then((resp) => {
    const type = (resp.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    if (typeof WebAssembly.instantiateStreaming !== "function" || type !== "application/wasm") {
      return fromBuffer(resp);
    }
    return WebAssembly.instantiateStreaming(resp, imports).then(
      (r) => r.instance,
      // A proxy that re-encodes the body can break streaming compilation;
      // the body is spent, so read it again.
      () => download().then(fromBuffer),
    );
  });
}

/** fromScript loads the base64 copy of the module with a <script>. */
function fromScript(src: string, imports: WebAssembly.Imports): Promise<WebAssembly.Instance> {
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const holder = window as unknown as { RULES_WASM_BASE64?: string };
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => {
      const b64 = holder.RULES_WASM_BASE64;
      holder.RULES_WASM_BASE64 = undefined; // free the copy
      if (script.parentNode) script.parentNode.removeChild(script);
      if (typeof b64 !== "string") {
        reject(new LoadError("failed", "assets/rules-wasm.js 内容不完整。" + filesHint()));
        return;
      }
      try {
        resolve(decodeBase64(b64).buffer as ArrayBuffer);
      } catch (e) {
        reject(new LoadError("failed", "assets/rules-wasm.js 内容已损坏。" + filesHint()));
      }
    };
    script.onerror = () => reject(new LoadError("failed", "无法读取 assets/rules-wasm.js（从磁盘打开时计算模块由该文件提供）。" + filesHint()));
    document.head.appendChild(script);
  }).then((bytes) => WebAssembly.instantiate(bytes, imports).then((r) => r.instance, (e) => Promise.reject(compileFailed(e))));
}

/**
 * decodeBase64 turns base64 into bytes with atob, which every browser the
 * site supports has (Uint8Array.fromBase64 is far newer).
 */
export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
