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

	"rulesite/internal/builder"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := builder.Run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
}
