package cite

import (
	"testing"
)

func loadTable(t testing.TB) (*Table, *Library) {
	t.Helper()
	tab, err := LoadTable("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	return tab, tab.Library()
}

func TestCaseTable(t *testing.T) {
	tab, lib := loadTable(t)
	for _, c := range tab.Cases {
		got, err := tab.Run(lib, c)
		if err != nil {
			t.Errorf("%s: %v", c.Note, err)
			continue
		}
		if d := c.Match(got); d != "" {
			t.Errorf("%s (%q%q): %s", c.Note, c.Parse, c.Scan, d)
		}
	}
}

func TestAlias(t *testing.T) {
	for rest, want := range map[string]string{
		"（以下简称《条例》）的规定": "条例",
		"（以下简称《条例》":     "",
		"（以下简称条例）":      "",
		"的规定":           "",
	} {
		if got := Alias(rest); got != want {
			t.Errorf("Alias(%q) = %q, want %q", rest, got, want)
		}
	}
}
