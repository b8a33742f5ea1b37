// The calculator's address: calculator.html?matter=22.2&amount=800, and
// for 22.5 contract= and change=. The page reads it on load and rewrites
// it as the form changes, so that a decision can be shared as a link.

/** Query is what an address asks for: a matter and raw input values. */
export interface Query {
  matter: string;
  values: { [name: string]: string };
}

export function parseQuery(search: string): Query {
  const params = new URLSearchParams(search);
  const q: Query = { matter: (params.get("matter") || "").trim(), values: {} };
  params.forEach((value, name) => {
    if (name !== "matter") q.values[name] = value;
  });
  return q;
}

/** formatQuery writes the matter first, then the inputs in form order. */
export function formatQuery(matter: string, values: Array<[string, string]>): string {
  const params = new URLSearchParams();
  if (matter) params.set("matter", matter);
  for (const [name, value] of values) params.set(name, value);
  const s = params.toString();
  return s ? "?" + s : "";
}

/**
 * replaceQuery updates the address without a new history entry. Browsers
 * may refuse history changes on file:// pages; the calculator works the
 * same without it.
 */
export function replaceQuery(search: string): void {
  if (search === location.search) return;
  try {
    history.replaceState(history.state, "", location.pathname + search + location.hash);
  } catch (e) {
    // The address simply stays as it was.
  }
}
