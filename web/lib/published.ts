// The address a copied or printed link names: the site's published
// address when the build was given one (-base-url), else where the browser
// opened the page over http(s). Opened from disk without a published
// address there is no address worth pasting into a document
// (file:///E:/…), and publishedLink returns "".

import { absoluteURL } from "./clipboard";

/** publishedBase is the published address, ending in "/", or "". */
export function publishedBase(): string {
  return document.body.getAttribute("data-base") || "";
}

/** publishedLink is the full address of target, a path relative to this page. */
export function publishedLink(target: string): string {
  const base = publishedBase();
  if (base) {
    const page = document.body.getAttribute("data-path") || "";
    return base + page.slice(0, page.lastIndexOf("/") + 1) + target;
  }
  if (location.protocol === "http:" || location.protocol === "https:") return absoluteURL(target);
  return "";
}
