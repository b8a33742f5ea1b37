// Behaviour shared by every page: copying citations, printing the page's
// address, and registering the service worker that keeps the site usable
// offline. Everything here is an enhancement: without JavaScript the pages
// read, print and link the same.

import { copyText } from "./lib/clipboard";
import { announce } from "./lib/status";
import { publishedBase, publishedLink as linkTo } from "./lib/published";

function siteRoot(): string {
  return document.body.getAttribute("data-root") || "";
}

// loadHighlighter loads the script that marks a search's terms (hl=) on a
// page opened from a search result; a classic script, so that it loads
// from file:// too.
function loadHighlighter(): void {
  if (!/[?&]hl=/.test(location.search)) return;
  const s = document.createElement("script");
  s.src = siteRoot() + "assets/highlight.js";
  document.body.appendChild(s);
}

// unitText is the official text of a unit as the page shows it, one line
// a paragraph, item or sub-item, without the tools beside them.
function unitText(el: Element): string {
  const lines: string[] = [];
  const ps = el.querySelectorAll("p.t");
  for (let i = 0; i < ps.length; i++) lines.push(ps[i].textContent || "");
  return lines.join("\n");
}

// Beside every paragraph, item and sub-item the page has a link to its
// anchor, carrying the unit's short citation; the article carries the
// document's part (《…》（文号）). Buttons beside each link copy, ready for a
// document: the formal citation alone (复制引用); the citation followed by
// the quoted text, as legal databases do (复制引用和原文); or the unit's
// address (复制链接), when there is one worth pasting.
function setUpCitations(): void {
  const article = document.querySelector<HTMLElement>("article[data-citation]");
  if (!article) return;
  const docCitation = article.getAttribute("data-citation") || "";
  const file = article.getAttribute("data-file") || "";
  const pins = article.querySelectorAll<HTMLAnchorElement>("a.pin[data-unit]");
  for (let i = 0; i < pins.length; i++) {
    const pin = pins[i];
    const unit = pin.getAttribute("data-unit") || "";
    const cite = docCitation + unit;
    // A unit's link is a fragment of this page; the article's is the page.
    const own = pin.getAttribute("href") || "";
    const href = linkTo(own.charAt(0) === "#" ? file + own : own);
    const holder = own.charAt(0) === "#" ? document.getElementById(own.slice(1)) : article.querySelector(".text");

    const main = copyButton("复制引用", "cite", unit, () => cite);
    const more = document.createElement("button");
    more.type = "button";
    more.className = "cite-more";
    more.textContent = "▾";
    more.setAttribute("aria-label", "更多复制方式：" + unit);
    more.setAttribute("aria-expanded", "false");
    const menu = document.createElement("span");
    menu.className = "copy-menu";
    menu.setAttribute("role", "group");
    menu.setAttribute("aria-label", unit + "的复制方式");
    menu.hidden = true;
    menu.appendChild(copyButton("复制引用和原文", "cite-text", unit, () => cite + "\n" + (holder ? unitText(holder) : "")));
    if (href) menu.appendChild(copyButton("复制链接", "cite-link", unit, () => href));
    more.addEventListener("click", () => {
      const open = menu.hidden;
      closeMenus();
      menu.hidden = !open;
      more.setAttribute("aria-expanded", open ? "true" : "false");
    });
    const after = pin.nextSibling;
    pin.parentNode!.insertBefore(main, after);
    pin.parentNode!.insertBefore(more, after);
    pin.parentNode!.insertBefore(menu, after);
  }
  document.addEventListener("click", (e) => {
    const t = e.target as HTMLElement;
    if (t && t.closest && !t.closest(".tools")) closeMenus();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeMenus();
  });
}

function closeMenus(): void {
  const menus = document.querySelectorAll<HTMLElement>(".copy-menu");
  for (let i = 0; i < menus.length; i++) {
    menus[i].hidden = true;
    const more = menus[i].previousElementSibling;
    if (more) more.setAttribute("aria-expanded", "false");
  }
}

// copyButton makes a button that copies what text() gives and says so.
function copyButton(label: string, cls: string, unit: string, text: () => string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = cls;
  button.textContent = label;
  button.setAttribute("aria-label", label + "：" + unit);
  button.addEventListener("click", () => {
    const t = text();
    copyText(t).then(
      () => {
        flash(button, "已复制");
        announce("已复制：" + t.split("\n")[0]);
      },
      () => {
        flash(button, "复制失败");
        window.prompt("请手动复制以下内容：", t);
      },
    );
  });
  return button;
}

// A reader who selects text by hand and copies it gets the text only: the
// tools beside each unit are not selectable (CSS), and where a browser
// copies them anyway they are taken out here, one line a block.
function copyTextOnly(): void {
  document.addEventListener("copy", (e: ClipboardEvent) => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !e.clipboardData) return;
    const box = document.createElement("div");
    for (let i = 0; i < sel.rangeCount; i++) box.appendChild(sel.getRangeAt(i).cloneContents());
    const tools = box.querySelectorAll(".tools");
    if (tools.length === 0) return;
    for (let i = 0; i < tools.length; i++) tools[i].parentNode!.removeChild(tools[i]);
    // Markup puts line breaks between blocks; they show as nothing.
    const text = plainText(box).replace(/[ \t\r]*\n[ \t\r\n]*/g, "\n").replace(/^\n+|\n+$/g, "");
    e.clipboardData.setData("text/plain", text);
    e.preventDefault();
  });
}

// plainText is the text of a detached tree with a line break after every
// block, as the page shows it.
function plainText(node: Node): string {
  let out = "";
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      out += n.nodeValue || "";
      return;
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (n.nodeType === 1 && /^(P|DIV|H[1-6]|LI|SECTION|ARTICLE|TR)$/.test((n as Element).tagName) && out !== "" && out.charAt(out.length - 1) !== "\n") {
      out += "\n";
    }
  };
  walk(node);
  return out;
}

function flash(button: HTMLButtonElement, text: string): void {
  const original = button.getAttribute("data-label") || button.textContent || "";
  button.setAttribute("data-label", original);
  button.textContent = text;
  window.setTimeout(() => {
    button.textContent = original;
  }, 1600);
}

// The footer prints the page's full address: the published one when the
// site knows it (the page carries it already), else the one the browser
// opened over http(s). From disk without one, the line is left out of
// print rather than show file:///E:/….
function showAddress(): void {
  if (publishedBase()) return;
  const where = linkTo(location.pathname.slice(location.pathname.lastIndexOf("/") + 1) + location.hash);
  const spans = document.querySelectorAll<HTMLElement>(".page-address");
  for (let i = 0; i < spans.length; i++) {
    spans[i].textContent = where;
    const line = spans[i].parentElement;
    if (line) line.className = where ? "print-address" : "print-address no-base";
  }
}

function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  if (location.protocol !== "http:" && location.protocol !== "https:") return;
  const root = siteRoot();
  navigator.serviceWorker.register(root + "sw.js", { scope: root || "./" }).catch(() => {
    // Offline support is an enhancement; the site works without it.
  });
}

// "/" focuses the search box, as on many reference sites, unless the user
// is typing somewhere.
function searchShortcut(): void {
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
    const box = document.getElementById("site-q") as HTMLInputElement | null;
    if (box) {
      e.preventDefault();
      box.focus();
    }
  });
}

setUpCitations();
loadHighlighter();
copyTextOnly();
showAddress();
registerServiceWorker();
searchShortcut();
