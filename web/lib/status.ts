// A polite live region shared by the page's scripts, so that screen readers
// hear "已复制" and similar short confirmations.

let region: HTMLElement | null = null;

export function announce(message: string): void {
  if (!region) {
    region = document.createElement("div");
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.body.appendChild(region);
  }
  // Clearing first makes repeated identical messages audible.
  region.textContent = "";
  const r = region;
  window.setTimeout(() => {
    r.textContent = message;
  }, 50);
}
