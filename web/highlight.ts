// Loaded by site.js only on a page opened with ?hl= (from a search
// result): marks the terms in the page's text. Kept out of site.js so that
// pages opened otherwise do not download it.

import { highlightFromQuery } from "./lib/highlight";

highlightFromQuery();
