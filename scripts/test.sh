#!/usr/bin/env bash
# npm test: unit, integration on PGlite and on the Postgres server, then Playwright against the production build.
set -uo pipefail
cd "$(dirname "$0")/.."

export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export E2E_DATABASE_URL="${E2E_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/headroom_e2e}"
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .test-reports
rm -f .test-reports/*.json

fail() { echo "✖ $*" >&2; exit 1; }

npx tsx scripts/lib/check-postgres.ts "$TEST_POSTGRES_URL" \
  || fail "No Postgres server answers at $TEST_POSTGRES_URL; the integration and e2e suites need one (set TEST_POSTGRES_URL)."

status=0
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.test-reports/unit.json || status=1
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=.test-reports/integration.json || status=1

if npx tsx scripts/build.ts; then
  rm -rf .data-e2e .data-e2e-pg
  npx tsx scripts/lib/check-postgres.ts "$TEST_POSTGRES_URL" --recreate "$E2E_DATABASE_URL" || fail "Could not create the e2e database."
  npx playwright test || status=1
else
  echo "✖ The production build failed, so the browser suite could not run." >&2
  status=1
fi

npx tsx scripts/lib/summarize-results.ts .test-reports/unit.json .test-reports/integration.json .test-reports/e2e.json || status=1
exit $status
