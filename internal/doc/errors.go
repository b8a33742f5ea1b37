package doc

import "rulesite/internal/diag"

// Error is a problem in a content file, at a position people can go to;
// it prints as path:line:col: message.
type Error = diag.Diagnostic

// ErrorList is a list of content problems, reported together like
// go/scanner.ErrorList.
type ErrorList = diag.List
