package doc

import (
	"os"
	"testing"
)

func TestProbe(t *testing.T) {
	f := os.Getenv("PROBE")
	src, err := os.ReadFile(f)
	if err != nil {
		t.Skip()
	}
	d, err := Parse("x.md", src)
	t.Log(err)
	t.Log(outline([]*Document{d}))
}
