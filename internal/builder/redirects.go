package builder

import (
	"strings"

	"rulesite/internal/diag"
	"rulesite/internal/site"
)

// ParseRedirects parses the lines of a redirects file (see LoadRedirects).
// It returns the redirects of the well-formed lines and the problems of
// the others, so that they can be reported with any the site finds.
func ParseRedirects(data []byte, display string) ([]site.Redirect, diag.List) {
	var (
		out  []site.Redirect
		seen = map[string]bool{}
		list diag.List
	)
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pos := diag.Pos{Filename: display, Line: i + 1, Column: 1}
		f := strings.Fields(line)
		switch {
		case len(f) != 2:
			list.Add(pos, "want two page paths: the old one and the new one")
		case !validPath(f[0]) || !validPath(f[1]) || !strings.HasSuffix(f[0], ".html") || !strings.HasSuffix(f[1], ".html"):
			list.Add(pos, "page paths must be relative .html files inside the site, e.g. kzfz-2021-7/22.html")
		case seen[f[0]]:
			list.Addf(pos, "%s is redirected twice", f[0])
		default:
			seen[f[0]] = true
			out = append(out, site.Redirect{From: f[0], To: f[1], Pos: pos})
		}
	}
	return out, list
}
