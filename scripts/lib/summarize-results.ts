import { existsSync, readFileSync } from "node:fs";

// Reads vitest and Playwright JSON reports and prints one closing line: "N passed, N failed, N skipped".
let passed = 0;
let failed = 0;
let skipped = 0;
const missing: string[] = [];

type PlaywrightSuite = { specs?: { tests: { status: string }[] }[]; suites?: PlaywrightSuite[] };
type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
type PlaywrightReport = { suites?: PlaywrightSuite[] };

function walk(suite: PlaywrightSuite) {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests) {
      if (t.status === "expected" || t.status === "flaky") passed++;
      else if (t.status === "skipped") skipped++;
      else failed++;
    }
  for (const child of suite.suites ?? []) walk(child);
}

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    missing.push(file);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestReport | PlaywrightReport;
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  } else {
    for (const suite of report.suites ?? []) walk(suite);
  }
}

if (missing.length) console.error(`✖ No results from: ${missing.join(", ")} (that suite did not run).`);
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(missing.length || failed || passed === 0 ? 1 : 0);
