// Loading the resolver's data: classic scripts of one line,
// `rulesiteCite("<name>",<JSON>);`, in the site's cite/ folder (docs.js,
// then <document folder>.js). They load by <script> elements, which works
// from file://, offline and from a page of another server that embeds
// the resolver.

export const REGISTRAR = "rulesiteCite";

type Waiter = { resolve(v: unknown): void; reject(e: Error): void };

const waiting = new Map<string, Waiter[]>();
const loaded = new Map<string, Promise<unknown>>();

function registrar(): void {
  const w = window as unknown as Record<string, unknown>;
  if (typeof w[REGISTRAR] === "function") return;
  w[REGISTRAR] = (name: string, value: unknown) => {
    const list = waiting.get(name);
    if (!list) return;
    waiting.delete(name);
    for (const x of list) x.resolve(value);
  };
}

/** loadData loads the data file base + "cite/" + name + ".js" once. */
export function loadData(base: string, name: string): Promise<unknown> {
  const url = base + "cite/" + encodeURI(name) + ".js";
  const known = loaded.get(url);
  if (known) return known;
  registrar();
  const p = new Promise<unknown>((resolve, reject) => {
    const list = waiting.get(name) || [];
    list.push({ resolve, reject });
    waiting.set(name, list);
    const s = document.createElement("script");
    s.src = url;
    s.async = true;
    s.onerror = () => {
      loaded.delete(url);
      const l = waiting.get(name) || [];
      waiting.delete(name);
      for (const x of l) x.reject(new Error("无法载入引用数据：" + url));
    };
    document.head.appendChild(s);
  });
  loaded.set(url, p);
  return p;
}
