package cite

import (
	"encoding/json"
	"fmt"
	"os"
)

// Table is the case table of testdata/cases.json, shared by the Go tests
// and the Node.js test of the TypeScript twin (which prints the Results
// of every case for the Go side to compare).
type Table struct {
	Note    string    `json:"note"`
	Default string    `json:"default"` // folder of the document a citation without one names
	Docs    []Outline `json:"docs"`
	Cases   []Case    `json:"cases"`
}

// Case is a citation to parse, or text to scan, at a citing unit.
type Case struct {
	Note  string      `json:"note"`
	Parse string      `json:"parse,omitempty"`
	Scan  string      `json:"scan,omitempty"`
	Ctx   CaseContext `json:"ctx"`
	Want  []Result    `json:"want"`
}

// CaseContext names the citing unit by its folder, article file and the
// numbers of its paragraph and item.
type CaseContext struct {
	Doc     string `json:"doc,omitempty"`
	Article string `json:"article,omitempty"`
	Para    int    `json:"para,omitempty"`
	Item    int    `json:"item,omitempty"`
	Date    string `json:"date,omitempty"`
}

// Result is one reference found and what it resolves to. Cite is
// compared only where the table gives it.
type Result struct {
	Text    string `json:"text,omitempty"`
	Kind    string `json:"kind,omitempty"`
	Href    string `json:"href,omitempty"`
	Cite    string `json:"cite,omitempty"`
	Err     string `json:"err,omitempty"`
	Through bool   `json:"through,omitempty"`
}

// LoadTable reads a case table.
func LoadTable(path string) (*Table, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t Table
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &t, nil
}

// Library returns the table's documents as a Library.
func (t *Table) Library() *Library {
	l := NewLibrary(t.Docs)
	l.Default = l.Doc(t.Default)
	return l
}

// Context returns the citing unit of c in l.
func (c CaseContext) Context(l *Library) (Context, error) {
	ctx := NoContext
	ctx.Date = c.Date
	if c.Doc == "" {
		return ctx, nil
	}
	if ctx.Doc = l.Doc(c.Doc); ctx.Doc < 0 {
		return ctx, fmt.Errorf("no document %s", c.Doc)
	}
	d := l.Docs[ctx.Doc]
	for i, a := range d.Articles {
		if ArticleFile(a.N, a.Sub) == c.Article {
			ctx.Article = i
		}
	}
	if ctx.Article < 0 || c.Para < 1 || c.Para > len(d.Articles[ctx.Article].Paras) {
		return ctx, fmt.Errorf("no article %s paragraph %d in %s", c.Article, c.Para, c.Doc)
	}
	ctx.Para = c.Para - 1
	if c.Item > 0 {
		ctx.Item = indexItem(d.Articles[ctx.Article].Paras[ctx.Para].Items, c.Item)
		if ctx.Item < 0 {
			return ctx, fmt.Errorf("no item %d", c.Item)
		}
	}
	return ctx, nil
}

// Run answers a case with the Go implementation.
func (t *Table) Run(l *Library, c Case) ([]Result, error) {
	ctx, err := c.Ctx.Context(l)
	if err != nil {
		return nil, err
	}
	var refs []Ref
	if c.Parse != "" {
		refs, err = Parse(c.Parse)
		if err != nil {
			return []Result{{Err: err.(*Error).Code}}, nil
		}
	} else {
		refs = Scan(c.Scan)
	}
	out := make([]Result, 0, len(refs))
	for i := range refs {
		r := &refs[i]
		res := Result{Text: r.Text, Kind: string(r.Kind()), Through: r.Through}
		if tg, e := l.Resolve(r, ctx); e != nil {
			res.Err = e.Code
		} else {
			res.Href, res.Cite = tg.Href, tg.Citation
		}
		out = append(out, res)
	}
	return out, nil
}

// Match compares results with a case's expectations and returns what
// differs, "" when they agree.
func (c Case) Match(got []Result) string {
	msg := ""
	if len(got) != len(c.Want) {
		msg = fmt.Sprintf("%d references, want %d", len(got), len(c.Want))
	}
	for i := 0; i < len(got) && i < len(c.Want); i++ {
		g, w := got[i], c.Want[i]
		if w.Cite == "" {
			g.Cite = ""
		}
		if g != w {
			msg += fmt.Sprintf("\n  reference %d: got %+v\n               want %+v", i, g, w)
		}
	}
	if msg != "" && len(got) != len(c.Want) {
		msg += fmt.Sprintf("\n  got %+v", got)
	}
	return msg
}
