package doc

import (
	"bytes"
	"strconv"
	"strings"
)

// frontMatterKeys lists the keys a front matter may use (see the package
// comment) and whether each takes a list.
var frontMatterKeys = map[string]bool{
	"id":               false,
	"title":            false,
	"subtitle":         false,
	"kind":             false,
	"number":           false,
	"issuer":           false,
	"adopted":          false,
	"written":          false,
	"issued":           false,
	"issued-by":        false,
	"imprint":          false,
	"publication":      false,
	"date":             false,
	"notice-title":     false,
	"notice-addressee": false,
	"notice-body":      true,
	"notice-signer":    false,
	"notice-date":      false,
	"cc":               true,
	"confirmed":        true,
	"document":         false,
	"effective":        false,
	"repealed":         false,
	"repealed-by":      false,
}

// fmField is one key of a front matter.
type fmField struct {
	key    string
	value  string   // scalar keys
	list   []string // list keys
	offset int      // byte offset of the key in the file
}

// fmProblem is a front matter problem at a byte offset of the file.
type fmProblem struct {
	offset int
	msg    string
}

// splitLines calls fn for each line of src, its terminator removed, with
// the byte offsets of the line and of the next one.
func splitLines(src []byte, fn func(line []byte, offset, next int) bool) {
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if end >= 0 {
			next = off + end + 1
			end += off
		} else {
			end = len(src)
		}
		line := bytes.TrimSuffix(src[off:end], []byte("\r"))
		if !fn(line, off, next) {
			return
		}
		off = next
	}
}

// parseFrontMatter reads the front matter at the start of src, if any. It
// returns the fields in order, the offset where the Markdown body starts
// (-1 if the front matter is not closed, so that there is no body), and
// the problems found.
func parseFrontMatter(src []byte) (fields []fmField, body int, problems []fmProblem) {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, 0, nil
	}
	body = -1
	seen := map[string]bool{}
	last := -1 // index in fields of the list key that "- " lines extend
	lineNo := 0
	splitLines(src, func(raw []byte, off, next int) bool {
		lineNo++
		if lineNo == 1 {
			return true
		}
		line := strings.TrimRight(string(raw), " \t")
		trimmed := strings.TrimLeft(line, " \t")
		switch {
		case line == "---":
			body = next
			return false
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			return true
		case trimmed == "-" || strings.HasPrefix(trimmed, "- "):
			if last < 0 {
				problems = append(problems, fmProblem{off, "list item outside a list: put it under a key such as cc:"})
				return true
			}
			v, err := fmValue(strings.TrimPrefix(trimmed, "-"))
			if err != "" {
				problems = append(problems, fmProblem{off, err})
				return true
			}
			fields[last].list = append(fields[last].list, v)
			return true
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok || key == "" || key != strings.TrimSpace(key) {
			problems = append(problems, fmProblem{off, "malformed front matter line: want key: value"})
			last = -1
			return true
		}
		isList, known := frontMatterKeys[key]
		switch {
		case !known:
			problems = append(problems, fmProblem{off, "unknown front matter key " + strconv.Quote(key)})
			last = -1
			return true
		case seen[key]:
			problems = append(problems, fmProblem{off, "front matter key " + key + " is given twice"})
			last = -1
			return true
		}
		seen[key] = true
		v, err := fmValue(value)
		if err != "" {
			problems = append(problems, fmProblem{off, err})
			last = -1
			return true
		}
		fields = append(fields, fmField{key: key, offset: off})
		f := &fields[len(fields)-1]
		last = -1
		switch {
		case isList && v != "":
			problems = append(problems, fmProblem{off, "front matter key " + key + " takes a list: write each value on a line \"- value\" below it"})
		case isList:
			last = len(fields) - 1
		case v == "":
			problems = append(problems, fmProblem{off, "front matter key " + key + " has no value"})
		default:
			f.value = v
		}
		return true
	})
	if body < 0 {
		return nil, -1, []fmProblem{{0, "front matter is not closed: end it with a line ---"}}
	}
	return fields, body, problems
}

// fmValue trims a value and unquotes it if it is quoted.
func fmValue(s string) (string, string) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `"`) {
		v, err := strconv.Unquote(s)
		if err != nil {
			return "", "malformed quoted value: want a Go string literal such as \"text\""
		}
		return v, ""
	}
	return s, ""
}
