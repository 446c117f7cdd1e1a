#!/usr/bin/env bash
# Issue 23: the impact report of a candidate grade-pcec version for 10,000 past gradings, timed, as a ratio to the
# standalone DMN engine's evaluation rate measured in the same run (see ImpactBenchmark and bench/README.md).
# Builds target/classes + target/classpath.txt (the application compiled from the root's src/main/java), runs once,
# prints a table and rewrites bench/impact/results.md.
# Usage: bench/impact/run.sh [--gradings=10000] [--warm-up=3] [--rounds=5] [--out=file]
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
ROOT=$(cd ../.. && pwd)
# the root's Maven wrapper (the Maven version the project builds with); MVN_OPTS_EXTRA=-o builds offline
MVN="$ROOT/mvnw"

# like bench/harness, this pom repeats the root's dependency list: they must agree
python3 - "$ROOT/pom.xml" "$HERE/pom.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
def deps(path):
    out = set()
    for d in ET.parse(path).getroot().findall("m:dependencies/m:dependency", ns):
        if d.findtext("m:scope", default="compile", namespaces=ns) != "test":
            out.add(d.findtext("m:groupId", namespaces=ns) + ":" + d.findtext("m:artifactId", namespaces=ns))
    return out
root, bench = deps(sys.argv[1]), deps(sys.argv[2])
if root != bench:
    sys.exit("bench/impact/pom.xml must repeat the root pom's non-test dependencies: missing %s, extra %s"
             % (sorted(root - bench), sorted(bench - root)))
PY

echo "== building bench/impact (application from $ROOT/src/main/java)"
"$MVN" ${MVN_OPTS_EXTRA:-} -q -B -Dstyle.color=never -Dmaven.test.skip=true package
CP="target/classes:$(cat target/classpath.txt)"
echo "== running cn.certflow.governance.ImpactBenchmark $*"
java ${IMPACT_JAVA_OPTS:--Xmx2g} -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai -cp "$CP" \
  -Dlogging.level.root=WARN cn.certflow.governance.ImpactBenchmark "$@"
