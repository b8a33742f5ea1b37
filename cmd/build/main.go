// Command build renders the rules site into a folder of static files.
//
//	go run ./cmd/build [-out public] [-content content] [-serve localhost:8080]
//
// See the README for what it writes.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"

	"rulesite/internal/builder"
)

// memoryLimit is the heap the build aims to stay under unless GOMEMLIMIT
// says otherwise: the collector works harder as the heap nears it
// instead of letting garbage grow to the size of the live heap again
// (GOGC), which kept the build of a large library from staying within
// 1 GB. It is soft, and the build raises it for a library whose live
// data would outgrow it (see builder.Build), so that the collector never
// runs without end.
const memoryLimit = 768 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := builder.Run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
}
