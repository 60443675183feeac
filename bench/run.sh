#!/usr/bin/env bash
# Runs the directory benchmark: seeds 100,000 services across 500 regions and measures. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f directory-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f bench/target/classpath.txt ]; then
  ./mvnw -B -q install -DskipTests
fi
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.mitra.bench.DirectoryBench
