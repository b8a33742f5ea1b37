// Package doc parses regulation texts written in Markdown into a typed model
// (document → divisions → articles → paragraphs → items → sub-items) and
// checks their numbering.
//
// The model keeps every line of the official text exactly as written,
// labels included, so that a page rendered from it reproduces the text
// character for character.
//
// # Addresses
//
// Every citable unit has a permanent address, derived from its position in
// the official numbering and nothing else, so that it survives any redesign:
//
//	<slug>/index.html           the document
//	<slug>/<n>.html             article n (Arabic numerals; 第一百二十条之一 → 120-1)
//	#p<k>                       paragraph (款) k of the article, 1-based
//	#i<n>                       item （n） of an article that has a single paragraph
//	#p<k>-i<n>                  item （n） in paragraph k of an article that has several
//	#i<n>-<m>, #p<k>-i<n>-<m>   sub-item (目) m of that item
//
// The same rule decides the formal citation: 第二十二条第（三）项第1目 for
// an article with one paragraph, 第十条第二款第（一）项 for an article with
// several, mirroring the convention of Chinese legislative drafting.
// A continuation line of an item takes its item's anchor and citation.
// A document's slug is its front matter's id, or else DeriveSlug of its
// title and version date.
//
// A number that the published text repeats keeps its number and takes
// "_k" for its k-th occurrence, k ≥ 2: the second 第十条 of a document is
// 10_2.html (the first stays 10.html), the second 第十条之二 10-2_2.html,
// the second item （三） of a paragraph i3_2, the second sub-item 1. of
// an item i3-1_2. An underscore never occurs in the address of a unit
// numbered regularly, so it cannot collide with 第十条之二 (10-2), and the
// addresses of regular texts do not change. A skipped, backwards or late
// start number needs no suffix: the unit is at its number as written.
// Two units that would still share an address are an error.
//
// # Source format
//
// A document is a Markdown file, optionally opening with front matter.
// Markdown gives the block structure only; the text of each line is taken verbatim, without inline markup.
// Every line of a paragraph is a block of its own, so blank lines between
// lines change nothing.
//
//   - "# 标题" is the title; a second "# " line right after it, the
//     subtitle. The corpus's header lines (adoption and amendment history)
//     follow, up to a line <!-- INFO END -->.
//   - A heading 第X编, 第X分编, 第X章 or 第X节 (Arabic or Chinese numerals)
//     opens a part, sub-part, chapter or section; its level does not
//     matter, and the label may be followed by any blank (space, U+3000,
//     U+00A0, U+2002 …) or none (第六章法律责任, 第五章“上海文化”品牌建设).
//   - A line 第X条 (then a blank), 第X条之Y, opens an article. In a text
//     with no such line, 一、 opens articles, else （一）. 第X条 followed
//     directly by text opens an article only where its number comes next
//     and the text does not read as a reference (第三条第一款…, 第三条规定…).
//   - Lines numbered （一）/(一), 一、 (in a text of 第X条), 1．/1./1、,
//     （1）/(1) or ① are items; inside an item, a line numbered in a later
//     family (in that order) is a sub-item. An unnumbered line after an
//     item opens a new paragraph (款) — unless the next numbered line is
//     the item's successor or its next sub-item, for a list does not
//     resume after a new paragraph. A list that does go on after an
//     unnumbered paragraph (（三） after 前款…：) continues its numbering;
//     a list that starts again at （一） starts afresh. Items that a text
//     numbers through its articles (1. to 75. under 一、 to 十、, never
//     restarting) continue from article to article. A line that begins
//     with a reference to items (（一）至（三）项所列…, （四）、（五）项…)
//     opens none.
//   - An item written as a heading ("#### （一）向上争取资金类。") holds
//     every line up to the next item, article or division: its unnumbered
//     lines are continuation lines. An article may be a heading too
//     ("## 一、基本内容").
//   - In a text of 第X条, a heading numbered 一、 (## 二、民事公益诉讼) is a
//     division: of the kind of the numbered division headings at its
//     Markdown level, or else a chapter (a section in a text that has
//     chapters). An unnumbered heading at the level of numbered divisions
//     right before an article or division (## 附则) is a division without
//     a number. Any other heading that is no unit (## 三, ## 说明) is a
//     plain line of the text.
//   - A quotation that runs over several lines — the provisions an
//     amendment decision (修改决定) quotes: 将第十条修改为：then “第十条 ……
//     on the lines after — is text of the decision, not its structure:
//     its lines open no article, item or sub-item, and with the line
//     that opens it (or any line starting with “) they continue the item
//     that quotes them. A quotation that never closes is a stray mark.
//   - A Markdown list gives a line per list item, its marker as written
//     ("1. 申请…" is then numbered 1.; "- …" lines continue an open item).
//     An HTML block gives its lines verbatim as text (the site escapes
//     all text); one that is only a comment (<!-- TABLE -->) is left out.
//     A table is lines of text. An empty heading is left out. Block
//     quotes, code blocks and thematic breaks are errors.
//   - After the last article, a line 附件, 附件：, 附：, 附录, 附表 or 附图
//     opens the trailer: the appendix, kept verbatim.
//   - Lines before the first article are the preamble; lines between a
//     division heading and its first article, the division's intro.
//
// A run of division headings with nothing between them at the start of
// the body is a table of contents (目录), kept as Contents; so is a line
// 目录 with the entries after it, as headings or plain lines, up to where
// the numbering of its first entry starts again.
//
// Whatever a published text does to its numbering is read as written and
// recorded in Document.Warnings, never an error, each with a Kind:
// numbering.skip, numbering.repeat, numbering.backwards and
// numbering.start for articles, items and sub-items; heading.missing for
// a division number that is missing (a lost heading: the text starts at
// 第二章, or skips 第三章); heading.unnumbered, heading.empty,
// heading.label (a chapter heading that lost its label 第X章 — read as
// such only where the chapter numbering skips exactly as many chapters
// as there are title-like lines standing right before an article);
// label.slip (－ typed for 一 in an article number, a blank typed before
// 条 instead of after it); label.unspaced; runon (articles or items run
// together on one line: each read as a line of its own); markdown.list;
// html. Numbering warnings carry a Note in Chinese for readers
// (原文缺第一章标题, 原文第十二条后为第十四条，缺第十三条) and the Unit
// (page and anchor, e.g. 14.html#i3, index.html) where it shows.
//
// # Front matter
//
// Front matter sits between two lines "---" at the top of the file. Each
// line is "key: value", or "- value" under a list key; values are taken
// as written after trimming blanks, and a value in double quotes is a Go
// string literal, for text that begins or ends with blanks. Lines
// starting with "#" are comments. The keys are id (the permanent slug:
// lower-case ASCII letters, digits and hyphens), title, subtitle, kind,
// number (文号), issuer (发文机关), adopted, written (成文日期 as written),
// issued (印发日期 as written), issued-by (印发机关), imprint (the 印发
// line as printed, which must contain issued-by and issued), publication,
// date (the version date, YYYY-MM-DD), notice-title, notice-addressee,
// notice-body (a list), notice-signer, notice-date, cc (a list, the
// 抄送 lines as printed) and confirmed (a list of warning messages an
// editor has checked against the published text; see confirm); and,
// for versions (see internal/versions), document (the key shared by all
// versions of one document, same form as id), effective and repealed
// (YYYY-MM-DD) and repealed-by (as written). An
// unknown or repeated key is an error.
//
// Without front matter, the date is the file name's (…(2019-09-26).md) or
// the latest date of the header, and the kind is inferred (InferKind).
package doc

import "go/token"

// Document is one regulation, e.g. the Work Rules of the Kaizhou District
// People's Government or one file of the corpus.
type Document struct {
	// Path is the file the document was read from, relative to the
	// project root (e.g. "content/kaizhou-work-rules-2021.md"); it
	// prefixes every diagnostic.
	Path string

	// Sum is the SHA-256 of the file's bytes: the document and its
	// warnings are a function of them and of Path.
	Sum [32]byte

	// Slug is the permanent URL segment of the document: the front
	// matter's id, or else derived from the title and version date so
	// that it does not depend on where the file is kept.
	Slug string

	// IDPos is where the front matter gives the id; zero when the
	// address is derived.
	IDPos token.Position

	Meta Meta

	// Header holds the lines between the title and the corpus's
	// <!-- INFO END --> marker (the adoption and amendment history),
	// verbatim; empty for a document without the marker.
	Header []string

	// Preamble holds the lines after the title (and after the marker, if
	// any) and before the first division or article, verbatim: a preamble
	// (序言), a title repeated over two lines, an addressee, or the whole
	// text of a document that has no numbered articles.
	Preamble []string

	// Contents holds a table of contents (目录) printed before the body:
	// division headings with no article between them, as written.
	Contents []string

	// Divisions are the top-level parts (编), chapters (章) or sections
	// (节); empty for a document without chapters.
	Divisions []*Division

	// Articles lists every article of the document in order, whatever
	// division holds it.
	Articles []*Article

	// Warnings lists the irregularities of the published text that the
	// parser read past instead of failing (see diag.Diagnostic.Warning):
	// a skipped or repeated number, a lost heading, a label typed wrongly
	// (第三十－条), articles or items run together on one line. Each has a
	// Kind for counting, and a Note and Unit where readers should be told.
	// They are sorted by position.
	// The text is rendered as written; -strict makes them errors.
	Warnings ErrorList

	// Trailer holds the lines from an appendix marker after the last
	// article (附件：, 附：, 附录, 附表…) to the end, verbatim; heading
	// lines appear without their Markdown "#" marks.
	Trailer []string
}

// Meta is the document's metadata. Values are kept as the official text
// writes them; empty where the document does not say.
type Meta struct {
	Title       string // 标题, e.g. 重庆市开州区人民政府工作规则
	Subtitle    string // a second "# " line under the title, if any
	Kind        string // 类别, e.g. 行政法规, 地方性法规; see InferKind
	Number      string // 文号, e.g. 开州府发〔2021〕7号
	Issuer      string // 发文机关
	Adopted     string // the meeting that passed it, e.g. 十七届区政府第115次常务会议
	Written     string // 成文日期 as written, e.g. 2021年4月1日
	Issued      string // 印发日期 as written
	IssuedBy    string // 印发机关, e.g. 重庆市开州区人民政府办公室
	Imprint     string // the 印发 line of the 版记 as printed (issuer and date)
	Publication string // 公开属性, e.g. （此件公开发布）
	Date        string // version date, ISO 8601 (YYYY-MM-DD); sorts the home page

	// Document names the document this file is a version of (front
	// matter document:), shared by all its versions; "" when the front
	// matter does not say (see internal/versions for the default).
	Document   string
	Effective  string // 施行日期 from the front matter, YYYY-MM-DD, or ""
	Repealed   string // 废止日期 from the front matter, YYYY-MM-DD, or ""
	RepealedBy string // what repealed it, as written (front matter repealed-by)

	// Notice is the cover letter that promulgated the document (印发通知),
	// when there is one.
	Notice *Notice

	// CC holds the 抄送 lines as printed.
	CC []string
}

// Notice is a promulgation notice (印发通知), reproduced line by line.
type Notice struct {
	Title     string   // e.g. 关于印发重庆市开州区人民政府工作规则的通知
	Addressee string   // 主送, e.g. 各镇乡人民政府（街道办事处），区政府各部门，有关单位：
	Body      []string // paragraphs
	Signer    string   // 落款
	Date      string   // as written
}

// DivisionKind tells a part from a chapter from a section.
type DivisionKind int

const (
	Part    DivisionKind = iota + 1 // 编
	Chapter                         // 章
	Section                         // 节
	Subpart                         // 分编, between 编 and 章 (the Civil Code)
)

// Division is a part, chapter or section.
type Division struct {
	Kind   DivisionKind
	Number int    // 1-based, whatever numerals the heading uses; 0 for a heading without a number (## 附则)
	Label  string // the number as written, e.g. 第1章, 第十一章, 二、; "" if the heading has none
	Title  string // the rest of the heading, e.g. 总  则
	Text   string // the whole heading as written, e.g. 第1章   总  则
	Pos    token.Position

	// Intro holds lines between the heading and the division's first
	// article or subdivision, verbatim: in practice the second line of
	// a heading that runs over two lines.
	Intro []string

	Divisions []*Division
	Articles  []*Article
	Parent    *Division
}

// ArticleStyle is how a document numbers its articles.
type ArticleStyle int

const (
	Tiao          ArticleStyle = iota + 1 // 第二十二条 (most regulations)
	Enumerated                            // 二十二、 (the Work Rules)
	Parenthesized                         // （二十二） (a few old State Council texts)
)

// Article is one article (条).
type Article struct {
	Doc      *Document
	Division *Division // innermost division holding the article; nil if none
	Style    ArticleStyle
	Number   int    // 22
	Sub      int    // 1 for 第一百二十条之一, else 0
	Label    string // as written: 二十二、 or 第二十二条
	Pos      token.Position

	// Heading reports that the article's first line is a Markdown
	// heading (## 一、…) rather than a paragraph; the containment is the
	// same either way.
	Heading bool

	// Paragraphs are the article's paragraphs (款). The first paragraph's
	// text begins with Label.
	Paragraphs []*Paragraph

	dup int // k for the k-th article with this number (k ≥ 2), else 0 or 1
}

// Paragraph is one paragraph (款) of an article.
type Paragraph struct {
	Article *Article
	Index   int    // 1-based
	Text    string // as written
	Pos     token.Position
	Items   []*Item
}

// Item is one item (项), e.g. （三）国有资产处置类。
type Item struct {
	Paragraph *Paragraph
	Number    int
	Label     string // as written: （三） or (三)
	Text      string // the item's first line as written, label included
	Pos       token.Position

	// Heading reports that the item is written as a Markdown heading
	// (#### （一）…): it then contains every line up to the next item,
	// article or division, unnumbered lines included.
	Heading bool

	fam family // numbering system of Label

	// Body holds what follows the first line inside the item, in order:
	// sub-items and unnumbered continuation lines (e.g. 上述三类事项，…).
	Body []*Line

	dup int // k for the k-th item with this number in its paragraph (k ≥ 2)
}

// Line is a line inside an item: a sub-item (目) when Number > 0, else an
// unnumbered continuation of the item.
type Line struct {
	Item   *Item
	Number int    // 1-based for a sub-item, 0 for a continuation line
	Label  string // as written: 1． or 1.; empty for a continuation line
	Text   string // as written, label included
	Pos    token.Position

	fam family // numbering system of Label; famNone for a continuation
	dup int    // k for the k-th sub-item with this number in its item (k ≥ 2)
}
