package builder

import (
	"fmt"
	"net/url"
	"strings"
)

// NormalizeBaseURL checks the address a site is published at (-base-url)
// and returns it ending in "/": an absolute http or https address without
// query or fragment, e.g. http://10.1.2.3/guize/. An empty address stays
// empty: the site then names itself by where the browser opened it.
func NormalizeBaseURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("-base-url %q: want the absolute http or https address the site is published at, e.g. http://intranet.example/guize/", s)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("-base-url %q: the address of a folder takes no query, fragment or user name", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}
