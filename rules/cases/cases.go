// Package cases reads the case tables of package rules — testdata/cases.json
// (matters decided by amount) and testdata/procedures.json (procedures
// answered by choices) — for every test that runs them: the native tests
// of rules, the WebAssembly runs in Node.js and Chromium (cmd/ruleswasm)
// and the browser tests of the calculator (internal/e2e). One schema, one
// loader. The expected answers are typed from the text, not produced by
// the code; see each table's comment.
//
// The JavaScript side (cmd/ruleswasm/testdata/cases.js) reads the same
// files, which Dir locates.
package cases

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// Amounts is testdata/cases.json.
type Amounts struct {
	Cases []Amount `json:"cases"`
	// Requests are raw argument lists of the JavaScript rules.route,
	// for the WebAssembly runs only.
	Requests []Request `json:"requests"`
}

// Amount is a request for a matter of article 二十二 and its answer.
type Amount struct {
	Name   string            `json:"name"`
	Matter string            `json:"matter"`
	Inputs map[string]string `json:"inputs"`
	Want   AmountWant        `json:"want"`
}

// AmountWant is the expected answer: a decider, action and clause, or an
// error code and the input at fault.
type AmountWant struct {
	Decider string `json:"decider"`
	Action  string `json:"action"`
	Clause  string `json:"clause"`
	Error   string `json:"error"`
	Input   string `json:"input"`
}

// Request is a raw call of the JavaScript rules.route and the answer
// expected (Decider, Action and Clause, or Error and Input).
type Request struct {
	Name string            `json:"name"`
	Args []json.RawMessage `json:"args"`
	Want AmountWant        `json:"want"`
}

// Procedures is testdata/procedures.json.
type Procedures struct {
	Cases    []Procedure `json:"cases"`
	Requests []Request   `json:"requests"`
}

// Procedure is a request for a procedure and its answer.
type Procedure struct {
	Name   string            `json:"name"`
	Matter string            `json:"matter"`
	Inputs map[string]string `json:"inputs"`
	Want   ProcedureWant     `json:"want"`
}

// ProcedureWant is the expected answer of a procedure, or an error.
type ProcedureWant struct {
	Branch string `json:"branch"`
	// Readings are the outcomes, each as its decider and action
	// separated by a space ("区长 签发"; for an alternative the text
	// states, "区长或负责区政府常务工作的副区长 签发"; " 不发" where the
	// text's answer is that nothing is issued).
	Readings []string `json:"readings"`
	Clause   string   `json:"clause"`
	Before   []string `json:"before"` // actions of the steps before
	Duties   []string `json:"duties"` // actions of the duties after
	See      []string `json:"see"`
	// Notes are the clause paths of the notes, in order; nil leaves them
	// unchecked.
	Notes []string `json:"notes"`
	Error string   `json:"error"`
	Input string   `json:"input"`
}

// Dir returns the directory that holds the tables: rules/testdata.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata")
}

// LoadAmounts reads testdata/cases.json.
func LoadAmounts() (*Amounts, error) {
	var f Amounts
	if err := load("cases.json", &f); err != nil {
		return nil, err
	}
	if len(f.Cases) == 0 {
		return nil, fmt.Errorf("rules/testdata/cases.json: no cases")
	}
	return &f, nil
}

// LoadProcedures reads testdata/procedures.json.
func LoadProcedures() (*Procedures, error) {
	var f Procedures
	if err := load("procedures.json", &f); err != nil {
		return nil, err
	}
	if len(f.Cases) == 0 {
		return nil, fmt.Errorf("rules/testdata/procedures.json: no cases")
	}
	return &f, nil
}

func load(name string, v any) error {
	data, err := os.ReadFile(filepath.Join(Dir(), name))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("rules/testdata/%s: %v", name, err)
	}
	return nil
}
