// Package testenv finds the external programs some tests need — Node.js,
// the TypeScript compiler — and decides what a test does without them: it
// skips with a message saying how to get them, unless an environment
// variable makes them mandatory (as .ci/run does), in which case it fails.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// Environment variables that make missing programs a failure.
const (
	RequireNode    = "RULESITE_REQUIRE_NODE"
	RequireBrowser = "RULESITE_REQUIRE_BROWSER"
)

// Missing skips the test with msg, or fails it when the environment
// variable env is set to 1.
func Missing(t testing.TB, env, msg string) {
	t.Helper()
	if os.Getenv(env) == "1" {
		t.Fatalf("%s; %s=1 makes this test mandatory", msg, env)
	}
	t.Skip("skipping: " + msg)
}

// Node returns the path of node, or skips the test (fails it when Node.js
// is required).
func Node(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		Missing(t, RequireNode, "Node.js (node) not found on PATH; install Node.js 18 or later (Debian's nodejs package)")
	}
	return p
}

// TSC returns the path of the TypeScript compiler — $TSC, or tsc on PATH
// — or skips the test (fails it when Node.js tools are required).
func TSC(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("TSC"); p != "" {
		return p
	}
	p, err := exec.LookPath("tsc")
	if err != nil {
		Missing(t, RequireNode, "no TypeScript compiler: set TSC, or install it with `npm install --prefix /tmp/tsc typescript@5` and set TSC=/tmp/tsc/node_modules/.bin/tsc")
	}
	return p
}
