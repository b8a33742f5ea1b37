// hostile.js sends rules.route the requests a careless or hostile caller
// can make — getters and Proxy traps that throw, revoked Proxies,
// BigInts, symbols, functions, cyclic objects, huge strings — and prints,
// as one JSON object for TestWasmHostileRequests, what each answered (or
// threw) and how much WebAssembly memory a long run of throwing requests
// left behind.
//
// Usage: node hostile.js wasm_exec.js rules.wasm [loops]
"use strict";

const fs = require("fs");
const path = require("path");

const [wasmExec, wasmFile, loopsArg] = process.argv.slice(2);
const loops = Number(loopsArg || 50000);
require(path.resolve(wasmExec)); // defines globalThis.Go

// A string far longer than any matter, input name, amount or option.
const huge = "8".repeat(50 * 1000 * 1000);

function thrower(value) {
	return () => {
		throw value;
	};
}

function revoked(target) {
	const { proxy, revoke } = Proxy.revocable(target, {});
	revoke();
	return proxy;
}

function cyclic() {
	const r = { matter: "22.1.1" };
	r.inputs = r;
	return r;
}

// cases: name, the arguments of rules.route (made afresh for each call),
// and the answer wanted: an error code and the input it names (null for
// none), or ok for a request that is good however it is written.
const cases = [
	// Not a request at all.
	["no argument", () => [], { code: "request.invalid" }],
	["undefined", () => [undefined], { code: "request.invalid" }],
	["null", () => [null], { code: "request.invalid" }],
	["array", () => [[]], { code: "request.invalid" }],
	["symbol", () => [Symbol("r")], { code: "request.invalid" }],
	["function", () => [function () {}], { code: "request.invalid" }],
	["BigInt", () => [1n], { code: "request.invalid" }],
	["String object", () => [new String("22.1.1")], { code: "matter.empty" }],
	["matter is a symbol", () => [{ matter: Symbol("22.1.1"), inputs: { amount: "800" } }], { code: "request.invalid" }],
	["matter is a BigInt", () => [{ matter: 22n, inputs: { amount: "800" } }], { code: "request.invalid" }],
	["matter is a function", () => [{ matter: () => "22.1.1", inputs: { amount: "800" } }], { code: "request.invalid" }],
	["inputs is a symbol", () => [{ matter: "22.1.1", inputs: Symbol() }], { code: "request.invalid" }],
	["inputs is a BigInt", () => [{ matter: "22.1.1", inputs: 800n }], { code: "request.invalid" }],
	["inputs is a function", () => [{ matter: "22.1.1", inputs: () => ({ amount: "800" }) }], { code: "request.invalid" }],
	["inputs is an array", () => [{ matter: "22.1.1", inputs: ["800"] }], { code: "request.invalid" }],

	// Inputs that are not strings.
	["amount is a BigInt", () => [{ matter: "22.1.1", inputs: { amount: 800n } }], { code: "input.type", input: "amount" }],
	["amount is a symbol", () => [{ matter: "22.1.1", inputs: { amount: Symbol("800") } }], { code: "input.type", input: "amount" }],
	["amount is a function", () => [{ matter: "22.1.1", inputs: { amount: () => "800" } }], { code: "input.type", input: "amount" }],
	["amount is undefined", () => [{ matter: "22.1.1", inputs: { amount: undefined } }], { code: "input.type", input: "amount" }],
	["amount is an object", () => [{ matter: "22.1.1", inputs: { amount: { toString: () => "800" } } }], { code: "input.type", input: "amount" }],
	["choice is a BigInt", () => [{ matter: "43", inputs: { issuer: 1n } }], { code: "input.type", input: "issuer" }],
	["the first of two bad types, in input order", () => [{ matter: "22.5", inputs: { change: 1n, contract: 2n } }], { code: "input.type", input: "contract" }],
	["a bad type after a good input", () => [{ matter: "22.5", inputs: { contract: "500", change: 60n } }], { code: "input.type", input: "change" }],

	// input.unknown comes before input.type, and before any value is read.
	["unknown name beside a BigInt", () => [{ matter: "22.1.1", inputs: { amount: 800n, extra: "1" } }], { code: "input.unknown", input: "extra" }],
	["unknown name that is a BigInt", () => [{ matter: "22.1.1", inputs: { amount: "800", zz: 5n } }], { code: "input.unknown", input: "zz" }],
	["unknown name beside a number", () => [{ matter: "22.1.1", inputs: { amount: 800, a: "x" } }], { code: "input.unknown", input: "a" }],
	["unknown name beside a throwing getter", () => [{ matter: "22.1.1", inputs: { get amount() { throw new Error("boom"); }, b: "1" } }], { code: "input.unknown", input: "b" }],
	["unknown name whose getter throws", () => [{ matter: "22.1.1", inputs: { amount: "800", get zz() { throw new Error("boom"); } } }], { code: "input.unknown", input: "zz" }],
	["unknown procedure input beside a BigInt", () => [{ matter: "43", inputs: { issuer: 1n, color: "red" } }], { code: "input.unknown", input: "color" }],
	// The matter comes before its inputs.
	["unknown matter with bad inputs", () => [{ matter: "99", inputs: { amount: 800n } }], { code: "matter.unknown" }],
	["no matter with bad inputs", () => [{ inputs: { amount: Symbol() } }], { code: "matter.empty" }],

	// Reading throws.
	["request getter throws", () => [{ get matter() { throw new Error("boom"); }, inputs: { amount: "800" } }], { code: "request.unreadable" }],
	["inputs getter throws", () => [{ matter: "22.1.1", get inputs() { throw new Error("boom"); } }], { code: "request.unreadable" }],
	["amount getter throws", () => [{ matter: "22.1.1", inputs: { get amount() { throw new Error("boom"); } } }], { code: "request.unreadable", input: "amount" }],
	["choice getter throws", () => [{ matter: "43", inputs: { get issuer() { throw new Error("boom"); } } }], { code: "request.unreadable", input: "issuer" }],
	["getter throws a number", () => [{ matter: "22.1.1", inputs: { get amount() { throw 42; } } }], { code: "request.unreadable", input: "amount" }],
	["getter throws undefined", () => [{ get matter() { throw undefined; } }], { code: "request.unreadable" }],
	["Proxy request whose get throws", () => [new Proxy({ matter: "22.1.1" }, { get: thrower(new Error("get")) })], { code: "request.unreadable" }],
	["Proxy inputs whose get throws", () => [{ matter: "22.1.1", inputs: new Proxy({ amount: "800" }, { get: thrower(new Error("get")) }) }], { code: "request.unreadable", input: "amount" }],
	["Proxy inputs whose ownKeys throws", () => [{ matter: "22.1.1", inputs: new Proxy({ amount: "800" }, { ownKeys: thrower(new Error("ownKeys")) }) }], { code: "request.unreadable" }],
	["Proxy inputs whose getOwnPropertyDescriptor throws", () => [{ matter: "22.1.1", inputs: new Proxy({ amount: "800" }, { getOwnPropertyDescriptor: thrower(new Error("gopd")) }) }], { code: "request.unreadable" }],
	["Proxy inputs whose ownKeys answers badly", () => [{ matter: "22.1.1", inputs: new Proxy({}, { ownKeys: () => [1] }) }], { code: "request.unreadable" }],
	["revoked Proxy request", () => [revoked({ matter: "22.1.1", inputs: { amount: "800" } })], { code: "request.unreadable" }],
	["revoked Proxy inputs", () => [{ matter: "22.1.1", inputs: revoked({ amount: "800" }) }], { code: "request.unreadable" }],
	["Proxy request whose getPrototypeOf throws", () => [new Proxy({ matter: "22.1.1", inputs: { amount: "800" } }, { getPrototypeOf: thrower(new Error("proto")) })], { ok: true }],
	["Proxy request without traps", () => [new Proxy({ matter: "22.1.1", inputs: new Proxy({ amount: "800" }, {}) }, {})], { ok: true }],

	// Cyclic objects: only matter, inputs and the inputs a matter takes are read.
	["inputs is the request itself", () => [cyclic()], { code: "input.unknown", input: "inputs" }],
	["amount is the inputs themselves", () => {
		const inputs = {};
		inputs.amount = inputs;
		return [{ matter: "22.1.1", inputs }];
	}, { code: "input.type", input: "amount" }],
	["cyclic field beside a good request", () => {
		const r = { matter: "22.1.1", inputs: { amount: "800" } };
		r.self = r;
		return [r];
	}, { ok: true }],

	// Huge strings are read only as far as needed to know they are wrong.
	["huge amount", () => [{ matter: "22.1.1", inputs: { amount: huge } }], { code: "amount.long", input: "amount" }],
	["huge amount ending in a unit", () => [{ matter: "22.1.1", inputs: { amount: "800" + " ".repeat(100000) + "亿元" } }], { code: "amount.long", input: "amount" }],
	["huge matter", () => [{ matter: huge, inputs: { amount: "800" } }], { code: "matter.unknown" }],
	["huge choice", () => [{ matter: "43", inputs: { issuer: huge } }], { code: "choice.unknown", input: "issuer" }],
	["huge input name", () => [{ matter: "22.1.1", inputs: { amount: "800", [huge]: "1" } }], { code: "input.unknown", input: "88888888888888888888…" }],

	// Getters that behave are read once, and may even call rules.route.
	["getters that return strings", () => {
		let reads = 0;
		const r = {
			get matter() { reads++; return "22.1.1"; },
			get inputs() { reads++; return { get amount() { reads++; return reads === 3 ? "800" : "x"; } }; },
		};
		return [r];
	}, { ok: true }],
	["a getter that calls rules.route", () => [{ matter: "22.1.1", inputs: { get amount() { globalThis.rules.route({ get matter() { throw new Error("inner"); } }); return "800"; } } }], { ok: true }],
];

// loopCases are the requests of the memory loop: every way of failing
// that used to leave a call of the Go program unfinished, and the huge
// string.
const loopCases = cases.filter(([name]) =>
	["request getter throws", "amount getter throws", "Proxy inputs whose ownKeys throws", "revoked Proxy request", "amount is a BigInt", "huge amount"].includes(name),
);

const go = new Go();
WebAssembly.instantiate(fs.readFileSync(wasmFile), go.importObject).then(({ instance }) => {
	go.run(instance);
	const rules = globalThis.rules;
	const call = (args) => {
		try {
			return { answer: rules.route(...args()) };
		} catch (err) {
			return { threw: String(err && err.stack || err) };
		}
	};
	const out = { cases: [], loop: {} };
	for (const [name, args, want] of cases) {
		const got = call(args);
		out.cases.push({ name, want, answer: got.answer, threw: got.threw, plain: got.answer !== undefined && isPlain(got.answer) });
	}

	// Memory: warm up, then require that many more throwing requests leave
	// the memory about where it was.
	const mem = () => instance.exports.mem.buffer.byteLength;
	const run = (n) => {
		let threw = 0, bad = 0;
		for (let i = 0; i < n; i++) {
			const got = call(loopCases[i % loopCases.length][1]);
			if (got.threw !== undefined) threw++;
			else if (!got.answer || got.answer.ok !== false) bad++;
		}
		return { threw, bad };
	};
	const warm = run(Math.min(loops, 10000));
	const before = mem();
	const r = run(loops);
	out.loop = { calls: loops, before, after: mem(), threw: r.threw + warm.threw, bad: r.bad + warm.bad };
	out.exited = go.exited;
	process.stdout.write(JSON.stringify(out), () => process.exit(0));
}).catch((err) => {
	console.error(err);
	process.exit(1);
});

// isPlain reports whether v is made of plain objects, arrays, strings,
// numbers, booleans and null only.
function isPlain(v) {
	if (v === null || ["string", "number", "boolean"].includes(typeof v)) return true;
	if (typeof v !== "object") return false;
	const proto = Object.getPrototypeOf(v);
	if (Array.isArray(v)) return proto === Array.prototype && v.every(isPlain);
	return proto === Object.prototype && Object.values(v).every(isPlain);
}
