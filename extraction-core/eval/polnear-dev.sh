#!/usr/bin/env bash
# Scores extraction-core on the PolNeAR development set (924 articles of PolNeAR's train and dev
# splits; its test split is held out and never used) and lists the errors by kind.
#
#   extraction-core/eval/polnear-dev.sh MIRROR [OUT]
#
# MIRROR: a git dir of github:networkdynamics/PolNeAR. OUT (default /tmp/polnear-dev) receives the
# texts, gold.json and predictions/; nothing of PolNeAR enters the repository (it states no licence).
# The scorer and the builder are the team's shared ones: QUOTEWIRE_EVAL (default ../shared/eval).
set -euo pipefail
cd "$(dirname "$0")/../.."
MIRROR=${1:?give the git dir of a PolNeAR mirror}
OUT=${2:-/tmp/polnear-dev}
EVAL=${QUOTEWIRE_EVAL:-../shared/eval}
[ -f "$OUT/gold.json" ] || python3 "$EVAL/polnear_dev.py" --mirror "$MIRROR" --out "$OUT"
./mvnw -q -pl extraction-core test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP=extraction-core/target/classes:extraction-core/target/test-classes:$(cat extraction-core/target/cp.txt)
rm -rf "$OUT/predictions"
java -cp "$CP" io.quotewire.extraction.SeedPredictions "$OUT/texts" "$OUT/predictions"
python3 "$EVAL/score.py" --predictions "$OUT/predictions" --gold "$OUT/gold.json" --texts "$OUT/texts"
python3 extraction-core/eval/errors.py --scorer "$EVAL" --gold "$OUT/gold.json" --texts "$OUT/texts" \
    --predictions "$OUT/predictions"
