// run.js loads rules.wasm in Node.js as a page would, answers the shared
// case table through globalThis.rules (cases.js) and prints the answers
// as one JSON object for TestWasmInNode to compare with the native ones.
//
// Usage: node run.js wasm_exec.js rules.wasm cases.json procedures.json
"use strict";

const fs = require("fs");
const path = require("path");
const runCases = require("./cases.js");

const [wasmExec, wasmFile, casesFile, proceduresFile] = process.argv.slice(2);
require(path.resolve(wasmExec)); // defines globalThis.Go

const go = new Go();
WebAssembly.instantiate(fs.readFileSync(wasmFile), go.importObject).then(({ instance }) => {
	// main defines globalThis.rules before it blocks, so rules is ready
	// as soon as run returns its (never settled) promise.
	go.run(instance);
	if (typeof globalThis.rules !== "object" || globalThis.rules === null) {
		throw new Error("globalThis.rules is not defined after go.run");
	}
	const table = JSON.parse(fs.readFileSync(casesFile, "utf8"));
	const procedures = JSON.parse(fs.readFileSync(proceduresFile, "utf8"));
	const out = runCases(globalThis.rules, table, go, procedures);
	process.stdout.write(JSON.stringify(out), () => process.exit(0));
}).catch((err) => {
	console.error(err);
	process.exit(1);
});
