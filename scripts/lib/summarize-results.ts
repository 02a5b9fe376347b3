import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";

// Reads vitest and Playwright JSON reports and prints the failed tests by name (with the first line of their error),
// then one closing line: "N passed, N failed, N skipped". The names come last so that the tail of a CI log says
// what failed.
let passed = 0;
let failed = 0;
let skipped = 0;
const missing: string[] = [];
const failures: string[] = [];

type PlaywrightTest = { status: string; projectName?: string; results?: { error?: { message?: string } }[] };
type PlaywrightSuite = {
  title?: string;
  file?: string;
  specs?: { title: string; file?: string; tests: PlaywrightTest[] }[];
  suites?: PlaywrightSuite[];
};
type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { name: string; message?: string; assertionResults?: { status: string; fullName: string; failureMessages?: string[] }[] }[];
};
type PlaywrightReport = { suites?: PlaywrightSuite[] };

function firstLine(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- strips the terminal colour codes the reporters keep
  const plain = (text ?? "").replace(/\u001b\[[0-9;]*m/g, "").trim();
  const line = plain.split("\n").find((l) => l.trim()) ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function walk(suite: PlaywrightSuite, report: string, path: string[]) {
  const here = suite.title && suite.title !== suite.file ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests) {
      if (t.status === "expected" || t.status === "flaky") passed++;
      else if (t.status === "skipped") skipped++;
      else {
        failed++;
        const error = t.results?.map((r) => r.error?.message).find(Boolean);
        failures.push(`${report} › ${spec.file ?? suite.file ?? ""} › ${[...here, spec.title].join(" › ")}\n    ${firstLine(error)}`);
      }
    }
  for (const child of suite.suites ?? []) walk(child, report, here);
}

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    missing.push(file);
    continue;
  }
  const name = basename(file, ".json");
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestReport | PlaywrightReport;
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    for (const result of report.testResults ?? []) {
      const where = result.name.replace(`${process.cwd()}/`, "");
      const failedTests = (result.assertionResults ?? []).filter((a) => a.status === "failed");
      for (const a of failedTests) failures.push(`${name} › ${where} › ${a.fullName}\n    ${firstLine(a.failureMessages?.[0])}`);
      // A file that failed to load has no tests but a message (a syntax error, a hook that threw).
      if (!failedTests.length && result.message) failures.push(`${name} › ${where}\n    ${firstLine(result.message)}`);
    }
  } else {
    for (const suite of report.suites ?? []) walk(suite, name, []);
  }
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✖ ${f}`).join("\n")}`);
if (missing.length) console.error(`✖ No results from: ${missing.join(", ")} (that suite did not run).`);
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(missing.length || failed || passed === 0 ? 1 : 0);
