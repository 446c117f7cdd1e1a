#!/usr/bin/env bash
# End-to-end test (issue 7): starts CertFlow in the demo profile on port 18080 with a private in-memory database,
# then drives Camunda Tasklist in headless chromium through a whole initial certification (see initial-certification.mjs).
# Screenshots go to target/e2e/. Exit code is non-zero on failure. The app is always stopped at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
port="${E2E_PORT:-18080}"
jar="$root/target/certflow-0.1.0-SNAPSHOT.jar"
out="$root/target/e2e"
deadline_seconds="${E2E_STARTUP_SECONDS:-180}"

cd "$root"
if [ ! -f "$jar" ]; then
  echo "e2e: building $jar"
  ./mvnw -q -DskipTests package
fi
mkdir -p "$out"
rm -f "$out"/*.png "$out"/failure.*

if curl -s -o /dev/null "http://localhost:$port/"; then
  echo "e2e: port $port is already in use; set E2E_PORT to a free port"; exit 1
fi
java -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --spring.datasource.url=jdbc:h2:mem:e2e --certflow.demo.client-applications=false >"$out/app.log" 2>&1 &
app_pid=$!
stop_app() {
  if kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
}
trap stop_app EXIT

echo "e2e: waiting for the app on port $port (pid $app_pid, log $out/app.log)"
start=$(date +%s)
until curl -fs -o /dev/null "http://localhost:$port/verify.html" \
    && curl -fs -o /dev/null -u reviewer:reviewer "http://localhost:$port/engine-rest/process-definition/key/initial-certification"; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "e2e: the app exited during start-up; last log lines:"; tail -n 40 "$out/app.log"; exit 1
  fi
  if [ $(( $(date +%s) - start )) -ge "$deadline_seconds" ]; then
    echo "e2e: the app did not come up within ${deadline_seconds}s"; tail -n 40 "$out/app.log"; exit 1
  fi
  sleep 1
done
echo "e2e: app up after $(( $(date +%s) - start ))s"

cd "$here"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi
# The whole certification through Tasklist first, then every other scenario (scenario-*.mjs, in name order) against
# the same running app: each makes its own data.
for scenario in initial-certification.mjs scenario-*.mjs; do
  [ -f "$scenario" ] || continue
  echo "e2e: $scenario"
  E2E_BASE="http://localhost:$port" E2E_OUT="$out" node "$scenario"
done
