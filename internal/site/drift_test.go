package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rulesite/internal/doc"
)

const workRules = "../../content/kaizhou-work-rules-2021.md"

// buildWorkRules renders the site from the Work Rules after applying edit
// to its source text.
func buildWorkRules(t *testing.T, edit func(string) string) error {
	t.Helper()
	src, err := os.ReadFile(workRules)
	if err != nil {
		t.Fatal(err)
	}
	text := edit(string(src))
	if text == string(src) {
		t.Fatal("the edit changed nothing")
	}
	d, err := doc.Parse("content/kaizhou-work-rules-2021.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(Input{
		Docs:         []*doc.Document{d},
		Templates:    os.DirFS(filepath.Join("..", "..", "templates")),
		TemplatesDir: "templates",
	})
	return err
}

// TestDrift changes the text of article 二十二 in ways that make it
// disagree with the rules data, and expects the build to fail naming the
// clause, the line and the amounts.
func TestDrift(t *testing.T) {
	for _, tc := range []struct {
		name       string
		from, to   string
		wantErrors []string
	}{
		{
			name: "amount changed in a sub-item",
			from: "1000万元（含）—5000万元的提请区政府常务会议审定，5000万元及以上的提请区委常委会会议审定。\n\n2．",
			to:   "1000万元（含）—6000万元的提请区政府常务会议审定，6000万元及以上的提请区委常委会会议审定。\n\n2．",
			wantErrors: []string{
				"content/kaizhou-work-rules-2021.md:97:1: 第二十二条第（一）项第1目 writes 6000万元, but rules/ has no threshold of 6000万元 for it",
				"content/kaizhou-work-rules-2021.md:97:1: rules/ has a threshold of 5000万元 for 第二十二条第（一）项第1目, but the text there does not write it",
				"is not in the text of 第二十二条第（一）项第1目",
			},
		},
		{
			name: "amount changed in an item's body",
			from: "200万元（不含）以内的财政性资金安排",
			to:   "300万元（不含）以内的财政性资金安排",
			wantErrors: []string{
				"第二十二条第（二）项 writes 300万元, but rules/ has no threshold of 300万元 for it",
			},
		},
		{
			name: "a general sentence reworded",
			from: "对外签订正式协议一律提请区政府常务会议研究",
			to:   "对外签订正式协议一律提请区长办公会议研究",
			wantErrors: []string{
				`the basis of general rule agreement in rules/ is not in the text of 第二十二条: "对外签订正式协议一律提请区政府常务会议研究"`,
			},
		},
		{
			name: "another version: another number",
			from: "number: 开州府发〔2021〕7号",
			to:   "number: 开州府发〔2026〕3号",
			wantErrors: []string{
				"content/kaizhou-work-rules-2021.md: the rules encode 《重庆市开州区人民政府工作规则》 (开州府发〔2021〕7号, 2021-04-01), but the content holds 《重庆市开州区人民政府工作规则》 (开州府发〔2026〕3号, 2021-04-01): a different version",
			},
		},
		{
			name: "another version: same number, another date",
			from: "date: 2021-04-01",
			to:   "date: 2026-03-01",
			wantErrors: []string{
				"(开州府发〔2021〕7号, 2021-04-01), but the content holds 《重庆市开州区人民政府工作规则》 (开州府发〔2021〕7号, 2026-03-01)",
			},
		},
		{
			name: "a quoted clause of a procedure reworded",
			from: "由分管副区长审签后发文",
			to:   "由分管副区长签发后发文",
			wantErrors: []string{
				`content/kaizhou-work-rules-2021.md:199:1: the branch consent outcome 1 wording of procedure 44 in rules/ is not in the text of 第四十四条: "由分管副区长审签后发文"`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := buildWorkRules(t, func(s string) string { return strings.Replace(s, tc.from, tc.to, 1) })
			if err == nil {
				t.Fatal("build succeeded although the text disagrees with the rules data")
			}
			for _, want := range tc.wantErrors {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("diagnostics lack %q:\n%v", want, err)
				}
			}
		})
	}
}

// TestWorkRulesAgreeWithRules is the passing case: the text as published
// and the rules data agree.
func TestWorkRulesAgreeWithRules(t *testing.T) {
	src, err := os.ReadFile(workRules)
	if err != nil {
		t.Fatal(err)
	}
	d, err := doc.Parse("content/kaizhou-work-rules-2021.md", src)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Build(Input{Docs: []*doc.Document{d}, Templates: os.DirFS("../../templates"), TemplatesDir: "templates"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Path)
	}
	for _, want := range []string{"thresholds.html", "authorities.html", "calculator.html"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("no %s among %v", want, names)
		}
	}
}
