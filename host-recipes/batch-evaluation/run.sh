#!/bin/sh
# Batch-evaluation host (recipe): every suite over every provider in EVAL_PROVIDERS as recorded
# runs in .worldforge/runs/, then one evidence bundle of those runs. Checkout-safe with the
# default (mock); other providers need their credentials or host runtime (see .env.example).
# Exit code: 0 when every run passed, 1 when any failed (the bundle is written either way).
set -u
PROVIDERS="${EVAL_PROVIDERS:-mock}"
SUITES="${EVAL_SUITES:-physics planning reasoning generation transfer}"
OUT="${EVAL_BUNDLE_DIR:-.worldforge/bundles/batch-$(date -u +%Y%m%dT%H%M%SZ)}"
status=0
ids=""
for provider in $PROVIDERS; do
  for suite in $SUITES; do
    line=$(npx worldforge eval run --suite "$suite" --provider "$provider" --json) || status=1
    id=$(printf '%s' "$line" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(JSON.parse(s).run_id??"")}catch{}})')
    echo "{\"msg\":\"eval\",\"provider\":\"$provider\",\"suite\":\"$suite\",\"run_id\":\"$id\"}"
    ids="$ids $id"
  done
done
# shellcheck disable=SC2086
npx worldforge evidence bundle --runs $ids --out "$OUT" >/dev/null && echo "{\"msg\":\"bundle\",\"out\":\"$OUT\"}"
exit $status
