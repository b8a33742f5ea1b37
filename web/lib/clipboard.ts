// Clipboard access that works where the site runs: navigator.clipboard
// exists only in secure contexts (https, localhost), and intranet sites are
// often plain http or file://, so fall back to a hidden textarea and
// document.execCommand("copy"), which Chromium 80 supports everywhere.

export function copyText(text: string): Promise<void> {
  const nav = navigator as Navigator & { clipboard?: Clipboard };
  if (window.isSecureContext && nav.clipboard && nav.clipboard.writeText) {
    return nav.clipboard.writeText(text).catch(() => legacyCopy(text));
  }
  return legacyCopy(text);
}

function legacyCopy(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "-9999px";
    const focused = document.activeElement as HTMLElement | null;
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    if (focused && focused.focus) focused.focus();
    if (ok) resolve();
    else reject(new Error("copy refused"));
  });
}

// absoluteURL resolves an address relative to the current page, so that a
// copied link works when pasted elsewhere.
export function absoluteURL(href: string): string {
  const a = document.createElement("a");
  a.href = href;
  return a.href;
}
