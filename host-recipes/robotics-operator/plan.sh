#!/bin/sh
# Robotics-operator host (recipe), DRY RUN ONLY: preflight the local state, create a demo cell if
# needed, and plan moving the cube with policy + score. The plan is printed and recorded in the
# world history; nothing is ever sent to a robot (executing it is the host's decision and code).
# ROBOTICS_RUNTIME=fake (default, checkout-safe) or host (LEROBOT_* and JEPA_* set, GPU-bound).
set -eu
STATE="${ROBOTICS_STATE_DIR:-.worldforge/worlds}"
RUNTIME="${ROBOTICS_RUNTIME:-fake}"
npx worldforge world preflight --state-dir "$STATE" || { echo 'preflight failed: run npx worldforge world recover' >&2; exit 1; }
npx worldforge world show cell --state-dir "$STATE" >/dev/null 2>&1 || npx worldforge world create cell --state-dir "$STATE" --object cube:0,0,0:0.1,0.1,0.1
npx worldforge world plan cell --state-dir "$STATE" --mode policy+score --object cube --to 0.5,0,0 --runtime "$RUNTIME" --json
echo '{"msg":"dry-run","note":"plan printed only; no action was sent to any robot"}'
