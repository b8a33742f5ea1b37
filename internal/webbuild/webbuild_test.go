package webbuild

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestBundle(t *testing.T) {
	web := fstest.MapFS{
		"app.ts":       {Data: []byte(`import { greet } from "./lib/greet"; const n: number = 1; document.title = greet("世界") + n;`)},
		"lib/greet.ts": {Data: []byte(`export function greet(who: string): string { return "你好，" + who; }`)},
		"sw.ts":        {Data: []byte(`self.addEventListener("fetch", () => {});`)},
		"site.css":     {Data: []byte(`body { color: red; }`)},
		"types.d.ts":   {Data: []byte(`declare const x: number;`)},
		"README.md":    {Data: []byte(`not an entry`)},
	}
	files, err := Bundle(web, "web")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for p := range files {
		got = append(got, p)
	}
	want := map[string]bool{"assets/app.js": true, "sw.js": true, "assets/site.css": true}
	if len(files) != len(want) {
		t.Fatalf("outputs = %v, want %v", got, want)
	}
	for p := range want {
		if _, ok := files[p]; !ok {
			t.Errorf("missing output %s (got %v)", p, got)
		}
	}
	app := string(files["assets/app.js"])
	if !strings.HasPrefix(app, "(()=>{") {
		t.Errorf("app.js is not an IIFE: %.60s", app)
	}
	if !strings.Contains(app, "你好，") {
		t.Errorf("app.js lost its UTF-8 text: %s", app)
	}
	if strings.Contains(app, ": number") || strings.Contains(app, "import") {
		t.Errorf("app.js still has TypeScript or imports: %s", app)
	}
	again, err := Bundle(web, "web")
	if err != nil {
		t.Fatal(err)
	}
	for p := range files {
		if string(files[p]) != string(again[p]) {
			t.Errorf("%s differs between two bundles of the same input", p)
		}
	}
}

func TestBundleErrors(t *testing.T) {
	web := fstest.MapFS{
		"a.ts":       {Data: []byte("import { x } from \"./lib/missing\";\nconsole.log(x);\n")},
		"b.ts":       {Data: []byte("let y = ;\n")},
		"c.ts":       {Data: []byte("import \"left-pad\";\n")},
		"lib/ok.ts":  {Data: []byte("export const ok = 1;\n")},
		"style.css":  {Data: []byte("body { color: red; }\n")},
		"script.txt": {Data: []byte("ignored")},
	}
	_, err := Bundle(web, "web")
	if err == nil {
		t.Fatal("Bundle succeeded on broken sources")
	}
	msg := err.Error()
	for _, want := range []string{
		"web/a.ts:1:19: ",
		`cannot find module "lib/missing"`,
		"web/b.ts:1:9: ",
		"web/c.ts:1:8: ",
		"only relative imports",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

// TestBundleParsesInES2017 bundles syntax newer than ES2017 and checks the
// output has none of it, so that scripts parse in older engines too: an
// optional catch binding, optional chaining, nullish coalescing, object
// spread.
func TestBundleParsesInES2017(t *testing.T) {
	web := fstest.MapFS{
		"app.ts": {Data: []byte(`
			function f(o: { a?: { b: number } }, d: number | null): number {
				try { JSON.parse("x"); } catch { return -1; }
				const c = { ...o, z: 1 };
				return (o.a?.b ?? 0) + (d ?? 2) + c.z;
			}
			document.title = String(f({}, null));`)},
	}
	files, err := Bundle(web, "web")
	if err != nil {
		t.Fatal(err)
	}
	app := string(files["assets/app.js"])
	for _, newer := range []string{"catch{", "catch {", "?.", "??", "{..."} {
		if strings.Contains(app, newer) {
			t.Errorf("app.js has %q, newer than ES2017: %s", newer, app)
		}
	}
}
