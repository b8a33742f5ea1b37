// Package search builds the site's full-text index: exact substring
// search over every article, usable over http and from file://, in files
// small enough that a query downloads only what it needs.
//
// # Semantics
//
// A query is folded (see [Fold]) and split at white space into terms
// (see [Terms]). The result is exactly the set of articles whose folded
// text contains every term as a substring: no dictionary, no stemming, no
// approximation, so 廉 finds every article with 廉 and 行政处罚 every
// article with 行政处罚, inside longer words too. Matches never span two
// blocks (paragraphs, items, sub-items). Results are ranked by BM25 over
// the terms' occurrence counts (with little weight on length, b = 0.1: a
// long article that names a matter seven times is more about it than a
// short one that names it once), after the number of terms that the
// article's document title or chapter heading contains; titles and
// headings only rank, they do not match by themselves. A query covers the
// articles of versions in force, and of documents whose validity the
// files do not give, unless it asks for all versions; it tells how many
// more the other versions hold. A result shows each matching block with
// its citation and anchor: those holding every term, else those holding
// one.
//
// # Index
//
// The index is an inverted index of grams with positions. Every character
// is a gram, every pair of consecutive characters is a gram, and a gram
// that occurs more than a threshold number of times is extended: every
// gram one character longer that begins with it is a gram too. A client
// covers a term with the longest grams starting at successive offsets and
// joins their position lists, requiring each gram at its offset in the
// term; since every character of the term is then checked in place, the
// answer is exact. A gram that is not extended lists its positions
// grouped by the character that follows, so one list answers for the
// gram plus one character. Where a term needs the long list of a frequent
// gram but its other grams leave few candidate articles, the client
// checks those articles' text instead of downloading the long list.
//
// # Files
//
// Every file is a classic script of one line,
//
//	rulesiteIndex("<name>",<JSON>);
//
// where <name> is the file's path under search/ without ".js". A page
// loads it with a <script> element after defining the global function
// rulesiteIndex (the only way from file://, where Chromium forbids fetch
// and XHR of local files), or fetches it over http and parses the JSON
// between the first "(" after the function name and the last ")", which
// evaluates nothing. The files are:
//
//	search/meta.js    {"v": format, "n": articles, "avg": mean article
//	                  length, "parts": dictionary partitions (a power of
//	                  two), "chunk": articles per text file, "old":
//	                  the runs of articles of versions not in force, as
//	                  first id and length, pair after pair}
//	search/g/<k>.js   dictionary partition k: {"g": gram → entry, for every
//	                  gram whose Hash has k in its low bits, "p": the pack,
//	                  "d"+gram or "p"+gram → list}
//	search/l/<n>.js   one long list, as a JSON string
//	search/t/<n>.js   articles n·chunk … n·chunk+chunk-1: {"a": first id,
//	                  "d": titles, "c": chapter headings, "s": statuses,
//	                  "u": [[URL, label, title index, heading index or
//	                  -1, [anchor, citation, text, …], status index or
//	                  -1]]}; a block's citation "" is the article's label
//
// An entry is, for a single character, a reference to its document list;
// for a gram that is not extended, a reference to its grouped position
// list; for an extended gram, [position list, document list]. A reference
// is the list itself (a string), 0 for the partition's pack (in the same
// file), or n > 0 for l/<n>.js. A character or extended gram found in more articles than a
// threshold also has an impact-ordered list, whose header follows the
// references: [document list, impact] for a character, [position list,
// document list, impact] for an extended gram.
//
// An impact-ordered list holds the gram's articles in the order a query
// of the gram alone ranks them (those whose title or chapter heading
// holds it first, then by BM25 score, then by id), so that such a query,
// the most expensive kind (的, 。, 应当), reads the first articles of its
// ranking instead of the whole list, and more only as the reader pages.
// Only the head of the ranking is stored (64 articles, then 960 more); a
// reader who pages past it gets the rest from the whole list, which the
// client ranks the same way. Its header is a number string: the number of
// articles of the whole list, how many of them are of versions not in
// force, then per segment its number of articles and the n of the file
// l/<n>.js holding it. A segment is a number string
// of four numbers per article: id, length bucket, occurrences, and 1 if
// its title or chapter heading holds the gram. meta.js carries "k1", "b"
// and "lens" (the length of each bucket) so that the client's scores equal
// the build's to the last bit, and the ranking read from an impact-ordered
// list is the ranking of the whole list.
//
// Lists are strings of numbers in a base64 variable-length code (five
// bits a digit, least significant first, 32 marking that more follow).
// Units are identified by id: articles 0 … n-1 in reading order, then
// headings, whose id is n + 2·first + kind (first article covered; kind 0
// for a document title, 1 for a chapter heading), so that a heading's
// articles are known without a table. A document list holds, per unit in
// id order, the gap to the previous id less one, the unit's weight (for
// an article its length bucket b, standing for lenBase·lenRatio^b
// characters; for a heading the number of articles it covers) and the
// number of occurrences. A position list adds the occurrences' offsets
// in characters within the unit's text (its blocks folded and joined by
// line breaks), the first as is and the others as the gap less one. A
// grouped position list is a sequence of groups in order of the next
// character: its code point (0 for white space or the end), as the gap
// to the previous group's less one; the number of units in the group;
// the group's position list.
//
// Output is deterministic: Build returns the same bytes for the same
// units.
//
// # Memory
//
// [Write] hands each file to its caller as soon as it is complete: the
// text files first, each long list (l/<n>.js, numbered in the order the
// lists are made) as its gram is encoded, the dictionary and pack files
// at the end. Grams are collected one group of first characters at a
// time, each group covering about a fixed number of positions of the
// text, and a gram's positions are dropped once its lists are encoded.
// The dictionary's entries and packed lists wait for the end, when the
// number of partitions is known, in sorted runs: a bounded number in
// memory, the rest in a temporary file (unlinked as it is made), merged
// partition by partition at the end. What the build holds is the folded
// text (two bytes a character: a code in code point order), one group's
// positions, one run of the dictionary, and the units until their text
// files are written; never the index.
package search
