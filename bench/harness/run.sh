#!/usr/bin/env bash
# The benchmark harness of issue 8, in one command: builds bench/harness (the root pom's profile bench-harness: the
# application compiled together with the harness into bench/harness/target) and bench/rules, measures the Drools
# termination rules with JMH (bench/rules, one thread), then runs the harness on this machine's PostgreSQL
# (127.0.0.1:5432, user postgres, trust; a scratch database created and dropped per run): commit ceiling, lifecycle,
# decisions, growth, timers. Prints a table and writes PERFORMANCE.md-ready rows: bench/harness/results.md
# (full run) or bench/harness/target/results-quick.md (--quick).
#
# Usage: bench/harness/run.sh [--quick] [--only=lifecycle,decisions,growth,timers] [--prop=spring.property=value ...]
#        [--timers=10000] [--growth=1000,10000,100000] [--lifecycles=40] [--threads=1,4] [--label=text] ...
#        (every option: bench/harness/src/main/java/cn/certflow/bench/Options.java; JMH_OPTS overrides the Drools JMH
#        settings; SKIP_DROOLS=1 leaves JMH out; HARNESS_JAVA_OPTS adds JVM options to the harness's JVM, e.g. a
#        profile: HARNESS_JAVA_OPTS=-XX:StartFlightRecording=filename=target/harness.jfr)
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
ROOT=$(cd ../.. && pwd)
if command -v mvn >/dev/null 2>&1; then MVN=mvn; else MVN="$ROOT/mvnw"; fi
QUICK=0
for arg in "$@"; do [ "$arg" = "--quick" ] && QUICK=1; done

echo "== building bench/harness (root pom, profile bench-harness) and bench/rules"
(cd "$ROOT" && "$MVN" -q -B -Dstyle.color=never -Pbench-harness process-classes)
mkdir -p target
if [ "${SKIP_DROOLS:-0}" != "1" ]; then
  (cd ../rules && "$MVN" -q -B -Dstyle.color=never package)
  if [ "$QUICK" = 1 ]; then DEFAULT_JMH="-f 1 -wi 2 -w 2s -i 2 -r 2s"; else DEFAULT_JMH="-f 1 -wi 3 -w 3s -i 5 -r 3s"; fi
  JMH_OPTS=${JMH_OPTS:-$DEFAULT_JMH}
  echo "== Drools termination rules, JMH $JMH_OPTS (bench/rules TerminationRulesBenchmark, 1 thread)"
  (cd ../rules && java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main TerminationRulesBenchmark \
      $JMH_OPTS -rf json -rff "$HERE/target/drools.json" | grep -E '^(Benchmark|TerminationRulesBenchmark\.)' || true)
  DROOLS=("--drools-json=target/drools.json")
else
  DROOLS=()
fi

echo "== harness"
java -Xmx1500m -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai ${HARNESS_JAVA_OPTS:-} \
  -cp "target/classes:$(cat target/classpath.txt)" cn.certflow.bench.Harness "${DROOLS[@]}" "$@"
