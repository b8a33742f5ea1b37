package rules

import (
	"testing"

	"github.com/shopspring/decimal"

	"rulesite/rules/cases"
)

// routeCase is a case of testdata/cases.json, the one case table read by
// these tests, by the WebAssembly runs (cmd/ruleswasm) and by the browser
// tests (internal/e2e), all through package cases.
type routeCase = cases.Amount

func loadCases(t *testing.T) []routeCase {
	t.Helper()
	f, err := cases.LoadAmounts()
	if err != nil {
		t.Fatal(err)
	}
	return f.Cases
}

func TestRouteCases(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			d, err := Route(c.Matter, c.Inputs)
			if c.Want.Error != "" {
				e, ok := err.(*Error)
				if !ok {
					t.Fatalf("Route(%q, %q) = %v, %v; want error %s", c.Matter, c.Inputs, d, err, c.Want.Error)
				}
				if e.Code != c.Want.Error || e.Input != c.Want.Input {
					t.Fatalf("Route(%q, %q): error %s (input %q), want %s (input %q): %s", c.Matter, c.Inputs, e.Code, e.Input, c.Want.Error, c.Want.Input, e.Message)
				}
				return
			}
			if err != nil {
				t.Fatalf("Route(%q, %q): %v", c.Matter, c.Inputs, err)
			}
			if d.Decider != c.Want.Decider || d.Action != c.Want.Action || d.Clause.Path() != c.Want.Clause {
				t.Fatalf("Route(%q, %q) = %s %s (%s), want %s %s (%s)", c.Matter, c.Inputs,
					d.Decider, d.Action, d.Clause.Path(), c.Want.Decider, c.Want.Action, c.Want.Clause)
			}
			if len(d.Values) != len(c.Inputs) {
				t.Fatalf("Route: %d values for %d inputs", len(d.Values), len(c.Inputs))
			}
			for _, v := range d.Values {
				if !v.In.Contains(v.Amount) {
					t.Errorf("value %s %s万元 is not in the interval reported, %s", v.Input, FormatAmount(v.Amount), v.In.Text)
				}
			}
		})
	}
}

// TestCasesCoverEveryThreshold requires, for every boundary between two
// bands of every table, a case just below it, one at it and one just
// above it (within 0.01万元, i.e. 100元).
func TestCasesCoverEveryThreshold(t *testing.T) {
	cases := loadCases(t)
	near := decimal.New(1, -2)
	amountOf := func(c routeCase, input string) (decimal.Decimal, bool) {
		if c.Want.Error != "" {
			return decimal.Decimal{}, false
		}
		v, err := ParseAmount(c.Inputs[input])
		return v, err == nil
	}
	// series checks one table: ivs over input, for the cases selected.
	series := func(where, input string, ivs []Interval, sel func(routeCase) bool) {
		for i := 0; i+1 < len(ivs); i++ {
			a := ivs[i].Upper.Amount
			var below, at, above bool
			for _, c := range cases {
				if !sel(c) {
					continue
				}
				v, ok := amountOf(c, input)
				if !ok {
					continue
				}
				switch d := v.Sub(a); {
				case d.IsZero():
					at = true
				case d.IsNegative() && d.Neg().LessThan(near):
					below = true
				case d.IsPositive() && d.LessThan(near):
					above = true
				}
			}
			if !below || !at || !above {
				t.Errorf("%s %s: threshold %s万元 lacks cases (below %v, at %v, above %v)", where, input, FormatAmount(a), below, at, above)
			}
		}
	}
	for _, m := range Matters() {
		m := m
		of := func(c routeCase) bool { return c.Matter == m.ID }
		if len(m.Tables) == 0 {
			series(m.ID, m.Inputs[0].Name, intervals(m.Bands), of)
			continue
		}
		var tivs []Interval
		for _, tb := range m.Tables {
			tivs = append(tivs, tb.Interval)
		}
		series(m.ID, m.Inputs[0].Name, tivs, of)
		for _, tb := range m.Tables {
			tb := tb
			series(tb.Clause.Path(), m.Inputs[1].Name, intervals(tb.Bands), func(c routeCase) bool {
				v, ok := amountOf(c, m.Inputs[0].Name)
				return of(c) && ok && tb.Contains(v)
			})
		}
	}
}

func intervals(bands []*Band) []Interval {
	ivs := make([]Interval, len(bands))
	for i, b := range bands {
		ivs[i] = b.Interval
	}
	return ivs
}
