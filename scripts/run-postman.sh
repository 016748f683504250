#!/usr/bin/env bash
# Runs the Postman collection against a running stack (API, worker, fake partners).
#
#   BASE_URL=http://localhost:3000 scripts/run-postman.sh [extra newman options, e.g. --folder "2. Catalog"]
#
# The stack needs DEMO_MODE=true and a seeded database (npm run db:seed). Exits non-zero on
# the first failed assertion (--bail) or on any request or script error.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_URL="${BASE_URL:-http://localhost:3000}"

if ! curl -fsS -o /dev/null --max-time 5 "$BASE_URL/api/health/ready"; then
  echo "run-postman: no ready API at $BASE_URL (GET /api/health/ready failed); start the stack first" >&2
  exit 1
fi

echo "run-postman: running the collection against $BASE_URL"
# newman itself trips a Node deprecation warning (fs.F_OK) that says nothing about the API.
export NODE_OPTIONS="--no-deprecation${NODE_OPTIONS:+ $NODE_OPTIONS}"
npx newman run postman/telehealth-pharmacy.postman_collection.json -e postman/local.postman_environment.json --env-var "baseUrl=$BASE_URL" --bail \
  --reporters cli \
  --timeout-request 15000 \
  "$@"
