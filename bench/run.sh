#!/usr/bin/env bash
# The benchmark harness: starts what it needs, runs every scenario (or those named: gateway directory writes events
# footprint) and writes bench/RESULTS.md and the raw HdrHistogram logs under bench/results/hdr. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
    echo "The benchmark needs $tool: sudo apt-get install wrk nginx-light" >&2
    exit 1
  fi
done
if [ ! -f bench/target/classpath.txt ] || [ "${MITRA_SKIP_BUILD:-false}" != true ]; then
  ./mvnw -B -q install -DskipTests -Dquarkus.container-image.build=false
fi
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.mitra.bench.Bench "$@"
