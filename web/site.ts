// Behaviour shared by every page: copying citations, printing the page's
// address, and registering the service worker that keeps the site usable
// offline. Everything here is an enhancement: without JavaScript the pages
// read, print and link the same.

import { absoluteURL, copyText } from "./lib/clipboard";
import { announce } from "./lib/status";

function siteRoot(): string {
  return document.body.getAttribute("data-root") || "";
}

// Beside every paragraph, item and sub-item the page has a link to its
// anchor, carrying the unit's short citation; the article carries the
// document's part (《…》（文号）). A button beside each link copies the formal
// citation followed by the unit's full address, ready for a document.
function setUpCitations(): void {
  const article = document.querySelector<HTMLElement>("article[data-citation]");
  if (!article) return;
  const docCitation = article.getAttribute("data-citation") || "";
  const file = article.getAttribute("data-file") || "";
  const pins = article.querySelectorAll<HTMLAnchorElement>("a.pin[data-unit]");
  for (let i = 0; i < pins.length; i++) {
    const pin = pins[i];
    const unit = pin.getAttribute("data-unit") || "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cite";
    button.textContent = "复制引用";
    button.setAttribute("aria-label", "复制" + unit + "的引用和链接");
    button.addEventListener("click", () => {
      const cite = docCitation + unit;
      // A unit's link is a fragment of this page; the article's is the page.
      const own = pin.getAttribute("href") || "";
      const href = absoluteURL(own.charAt(0) === "#" ? file + own : own);
      copyText(cite + "\n" + href).then(
        () => {
          flash(button, "已复制");
          announce("已复制引用：" + cite);
        },
        () => {
          flash(button, "复制失败");
          window.prompt("请手动复制以下引用：", cite + " " + href);
        },
      );
    });
    pin.parentNode!.insertBefore(button, pin.nextSibling);
  }
}

function flash(button: HTMLButtonElement, text: string): void {
  const original = button.getAttribute("data-label") || button.textContent || "";
  button.setAttribute("data-label", original);
  button.textContent = text;
  window.setTimeout(() => {
    button.textContent = original;
  }, 1600);
}

// The footer prints the page's full address, which only the browser knows
// (the site works under any path prefix).
function showAddress(): void {
  const spans = document.querySelectorAll<HTMLElement>(".page-address");
  for (let i = 0; i < spans.length; i++) {
    spans[i].textContent = location.href;
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
showAddress();
registerServiceWorker();
searchShortcut();
