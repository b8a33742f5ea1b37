// cases.js answers the shared case tables (rules/testdata/cases.json and
// procedures.json) through globalThis.rules. run.js uses it in Node.js and browser.html in
// Chromium, so that both run exactly the same calls.
"use strict";

(function () {
	function runCases(rules, table, go, procedures) {
		const out = {
			apiVersion: rules.apiVersion,
			functions: Object.keys(rules).sort(),
			matters: rules.matters(),
			cases: table.cases.map((c) => rules.route({ matter: c.matter, inputs: c.inputs })),
			requests: table.requests.map((r) => rules.route(...r.args)),
			procedures: procedures.cases.map((c) => rules.route({ matter: c.matter, inputs: c.inputs })),
			procedureRequests: procedures.requests.map((r) => rules.route(...r.args)),
		};
		// Still alive after all these calls: the Go program has not exited.
		out.exited = go.exited;
		return out;
	}
	if (typeof module === "object" && module.exports) {
		module.exports = runCases;
	} else {
		globalThis.runCases = runCases;
	}
})();
