#!/usr/bin/env bash
# npm test: format and lint checks, unit tests, integration tests on PGlite and on the Postgres server (while the
# production build runs beside them), the integration suite again on a Citus cluster when TEST_CITUS_URL names its
# coordinator (always in CI), then Playwright against the build on two servers (embedded and Postgres), one browser
# project per process. Every suite writes a JSON report; a suite that did not run fails the total.
set -uo pipefail
cd "$(dirname "$0")/.."

export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export E2E_DATABASE_URL="${E2E_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/headroom_e2e}"
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .test-reports
rm -f .test-reports/*.json .test-reports/*.log .test-reports/*.rc

fail() { echo "✖ $*" >&2; exit 1; }
took() { echo "== $1: $(($(date +%s) - $2)) s"; }

npx tsx scripts/lib/check-postgres.ts "$TEST_POSTGRES_URL" \
  || fail "No Postgres server answers at $TEST_POSTGRES_URL; the integration and e2e suites need one (set TEST_POSTGRES_URL)."
reports=(.test-reports/unit.json .test-reports/integration.json)
if [ -n "${TEST_CITUS_URL:-}" ]; then
  npx tsx scripts/lib/check-postgres.ts "$TEST_CITUS_URL" \
    || fail "No Citus coordinator answers at $TEST_CITUS_URL (start one with ../shared/citus/cluster.sh start, or unset TEST_CITUS_URL)."
  reports+=(.test-reports/integration-citus.json)
elif [ "${CI:-}" = "true" ]; then
  fail "CI runs the integration suite on a Citus cluster: TEST_CITUS_URL is not set (.ci/run starts the cluster)."
fi
reports+=(.test-reports/e2e-embedded.json .test-reports/e2e-postgres.json)

status=0
# Prettier, ESLint, dependency-cruiser and knip run on one core each in turn: the unit tests take the other.
t=$(date +%s)
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.test-reports/unit.json \
  > .test-reports/unit.log 2>&1 &
unit_pid=$!
npm run -s format:check || { echo "✖ Prettier: files above are not formatted (npm run format)." >&2; status=1; }
npm run -s lint || { echo "✖ Lint, layer rules or the dead-code check (knip) failed (see above)." >&2; status=1; }
took "format and lint" "$t"
wait "$unit_pid" || status=1
cat .test-reports/unit.log
took "format, lint and unit" "$t"

# The build shares nothing with the integration suites: run it beside them and show its log when it ends.
t=$(date +%s)
(npx tsx scripts/build.ts > .test-reports/build.log 2>&1; echo $? > .test-reports/build.rc) &
build_pid=$!
TEST_ENGINES=pglite,postgres npx vitest run --project integration --reporter=default --reporter=json \
  --outputFile.json=.test-reports/integration.json || status=1
took "integration" "$t"
wait "$build_pid"
cat .test-reports/build.log
took "integration and build" "$t"

# The third run: every integration suite on a fresh database of the Citus cluster each (README, "Running on a Citus
# cluster"); the suites about the plain server itself (pool, connection loss) ran in the run above and are skipped.
if [ -n "${TEST_CITUS_URL:-}" ]; then
  t=$(date +%s)
  TEST_ENGINES=citus npx vitest run --project integration --reporter=default --reporter=json \
    --outputFile.json=.test-reports/integration-citus.json || status=1
  took "integration on Citus" "$t"
fi

if [ "$(cat .test-reports/build.rc 2>/dev/null)" = "0" ]; then
  t=$(date +%s)
  rm -rf .data-e2e .data-e2e-pg
  npx tsx scripts/lib/check-postgres.ts "$TEST_POSTGRES_URL" --recreate "$E2E_DATABASE_URL" || fail "Could not create the e2e database."
  E2E_PROJECT=embedded npx playwright test --project embedded > .test-reports/e2e-embedded.log 2>&1 &
  embedded_pid=$!
  E2E_PROJECT=postgres npx playwright test --project postgres > .test-reports/e2e-postgres.log 2>&1 &
  postgres_pid=$!
  # Random import files through the HTTP doors of a server of its own (its own port, database and data folder; a
  # smaller budget than npm run fuzz's), started when the first browser project ends and a core is free.
  wait -n -p first_pid "$embedded_pid" "$postgres_pid" || status=1
  took "first browser project" "$t"
  (FUZZ_BUDGET_SECONDS="${FUZZ_BUDGET_SECONDS:-60}" npm run -s fuzz > .test-reports/fuzz.log 2>&1; echo $? > .test-reports/fuzz.rc) &
  fuzz_pid=$!
  if [ "$first_pid" = "$embedded_pid" ]; then wait "$postgres_pid" || status=1; else wait "$embedded_pid" || status=1; fi
  cat .test-reports/e2e-embedded.log .test-reports/e2e-postgres.log
  took "e2e" "$t"
  wait "$fuzz_pid"
  cat .test-reports/fuzz.log
  [ "$(cat .test-reports/fuzz.rc 2>/dev/null)" = "0" ] \
    || { echo "✖ Fuzzing the import doors failed (see above; rerun with npm run fuzz and the same FUZZ_SEED)." >&2; status=1; }
  took "e2e and fuzz" "$t"
else
  echo "✖ The production build failed, so the browser suite could not run." >&2
  status=1
fi

npx tsx scripts/lib/summarize-results.ts "${reports[@]}" || status=1
exit $status
