// Loading the files of the search index. Every file is a classic script
// of one line, `rulesiteIndex("<name>",<JSON>);`, so that it loads both
// ways: by a <script> element, which works from file:// where Chromium
// forbids fetch and XHR of local files, and by fetch over http, where the
// JSON is parsed out of the text and nothing is evaluated.

/** Source loads an index file by name ("meta", "g/884c", "t/12"). */
export interface Source {
  load(name: string): Promise<unknown>;
}

/** REGISTRAR is the global function the index files call. */
export const REGISTRAR = "rulesiteIndex";

const PREFIX = REGISTRAR + "(";

/** parseIndexFile returns the value of an index file's text. */
export function parseIndexFile(text: string, name: string): unknown {
  const end = text.lastIndexOf(")");
  if (text.slice(0, PREFIX.length) !== PREFIX || end < 0) {
    throw new Error("search index: " + name + " is not an index file");
  }
  const args = JSON.parse("[" + text.slice(PREFIX.length, end) + "]") as unknown[];
  if (args.length !== 2 || args[0] !== name) {
    throw new Error("search index: " + name + " holds another file");
  }
  return args[1];
}

/** FetchSource loads index files over http with fetch. */
export class FetchSource implements Source {
  /** base is the URL of the index folder, ending in "/". */
  constructor(private readonly base: string) {}

  async load(name: string): Promise<unknown> {
    const resp = await fetch(this.base + name + ".js");
    if (!resp.ok) throw new Error("search index: " + name + ": HTTP " + resp.status);
    return parseIndexFile(await resp.text(), name);
  }
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/**
 * ScriptSource loads index files with <script> elements, the way that also
 * works from file://.
 */
export class ScriptSource implements Source {
  private readonly pending = new Map<string, Pending[]>();

  /** base is the URL of the index folder, ending in "/". */
  constructor(private readonly base: string) {
    (window as unknown as Record<string, unknown>)[REGISTRAR] = (name: string, value: unknown) => {
      const waiting = this.pending.get(name);
      if (!waiting) return;
      this.pending.delete(name);
      for (const w of waiting) w.resolve(value);
    };
  }

  load(name: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(name);
      if (waiting) {
        waiting.push({ resolve, reject });
        return;
      }
      this.pending.set(name, [{ resolve, reject }]);
      const s = document.createElement("script");
      s.src = this.base + name + ".js";
      const done = (err: Error | null) => {
        s.remove();
        const left = this.pending.get(name);
        if (!left) return; // registered
        this.pending.delete(name);
        for (const w of left) w.reject(err || new Error("search index: " + name + " did not register"));
      };
      s.onload = () => done(null);
      s.onerror = () => done(new Error("search index: cannot load " + name));
      document.head.appendChild(s);
    });
  }
}
