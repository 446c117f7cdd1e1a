#!/usr/bin/env bash
# Issue 23: the impact report of a candidate grade-pcec version for 10,000 past gradings, timed, as a ratio to the
# standalone DMN engine's evaluation rate measured in the same run (see ImpactBenchmark and bench/README.md).
# Builds target/classes + target/classpath.txt with the root pom's profile bench-impact (the application compiled from
# the root's src/main/java with the benchmark, the root's dependency list), runs once,
# prints a table and rewrites bench/impact/results.md.
# Usage: bench/impact/run.sh [--gradings=10000] [--warm-up=3] [--rounds=5] [--out=file]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
# the root's Maven wrapper (the Maven version the project builds with); MVN_OPTS_EXTRA=-o builds offline
MVN="$ROOT/mvnw"

echo "== building bench/impact (root pom, profile bench-impact: the application and the benchmark into bench/impact/target)"
(cd "$ROOT" && "$MVN" ${MVN_OPTS_EXTRA:-} -q -B -Dstyle.color=never -Pbench-impact process-classes)
CP="target/classes:$(cat target/classpath.txt)"
echo "== running cn.certflow.governance.ImpactBenchmark $*"
java ${IMPACT_JAVA_OPTS:--Xmx2g} -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -cp "$CP" \
  -Dlogging.level.root=WARN cn.certflow.governance.ImpactBenchmark "$@"
