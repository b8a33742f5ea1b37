// A small element builder, so that rendering reads as the structure it
// builds. Text always goes in as text nodes: nothing here parses HTML.

export type Child = Node | string | null | undefined | false | Child[];

export function h(tag: string, attrs?: { [name: string]: string } | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const name in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, name)) el.setAttribute(name, attrs[name]);
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

// byId returns the element with the given id, which the page template
// guarantees; a missing one is a template bug worth a clear error.
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error("calculator: no element #" + id);
  return el as T;
}
