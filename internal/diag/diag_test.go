package diag

import (
	"errors"
	"testing"
)

func TestListSortsAndPrints(t *testing.T) {
	var l List
	l.Add(Pos{Filename: "content/b.md", Line: 2, Column: 1}, "second file")
	l.Addf(Pos{Filename: "content/a.md", Line: 10, Column: 3}, "article %s is missing", "二十三")
	l.Add(Pos{Filename: "content/a.md", Line: 9}, "no column")
	l.Add(Pos{Filename: "templates"}, "no line")
	l.Add(Pos{}, "no position")
	want := "no position\n" +
		"content/a.md:9: no column\n" +
		"content/a.md:10:3: article 二十三 is missing\n" +
		"content/b.md:2:1: second file\n" +
		"templates: no line"
	if got := l.Err().Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if (List{}).Err() != nil {
		t.Error("an empty list is an error")
	}
}

func TestJoin(t *testing.T) {
	var a List
	a.Add(Pos{Filename: "b", Line: 1}, "from a list")
	err := Join(nil, a, errors.New("plain"), nil)
	if got, want := err.Error(), "plain\nb:1: from a list"; got != want {
		t.Errorf("Join = %q, want %q", got, want)
	}
	if Join(nil, nil) != nil {
		t.Error("Join of nothing is an error")
	}
}

func TestWarnings(t *testing.T) {
	var l List
	l.Add(Pos{Filename: "a.md", Line: 3, Column: 1}, "duplicate id")
	l.Warn(Pos{Filename: "a.md", Line: 2, Column: 1}, "numbering.skip", "article 第三条 follows 第一条: 二 is missing", "原文缺第二条", "3.html")
	errs, warns := l.Split()
	if len(errs) != 1 || len(warns) != 1 {
		t.Fatalf("Split = %d errors, %d warnings", len(errs), len(warns))
	}
	if got, want := warns[0].Error(), "a.md:2:1: warning: article 第三条 follows 第一条: 二 is missing"; got != want {
		t.Errorf("warning prints %q, want %q", got, want)
	}
	strict := l.Strict()
	if strict[1].Warning || !l[1].Warning {
		t.Error("Strict must copy the warning as an error and leave the original")
	}
	if got, want := strict[1].Error(), "a.md:2:1: warning treated as error (-strict): article 第三条 follows 第一条: 二 is missing"; got != want {
		t.Errorf("strict prints %q, want %q", got, want)
	}
}
