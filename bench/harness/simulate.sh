#!/usr/bin/env bash
# A year of a certification body (issue 22): builds bench/harness (root pom, profile bench-harness) and runs
# cn.certflow.bench.YearOfACertificationBody on this machine's PostgreSQL (127.0.0.1:5432, user postgres, trust; a
# scratch database created and dropped per run). Options: --certificates=2000 --days=365 --build-up-years=3
# --seed=7 --staff-threads=1 --out=target/results-year.md (quick look: --certificates=60 --days=120 --build-up-years=1).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
if command -v mvn >/dev/null 2>&1; then MVN=mvn; else MVN="$ROOT/mvnw"; fi
(cd "$ROOT" && "$MVN" -q -B -Dstyle.color=never -Pbench-harness process-classes)
java -Xmx2g -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai ${HARNESS_JAVA_OPTS:-} \
  -Dlogging.level.root=WARN -Dlogging.level.org.camunda=ERROR \
  -cp "target/classes:$(cat target/classpath.txt)" cn.certflow.bench.YearOfACertificationBody "$@"
