#!/usr/bin/env bash
# Starts the whole Mitra platform on this machine, building first what is missing. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

launcher=deploy/local/target
needs_build=false
for jar in {directory-service,referral-service,awareness-service,gateway}/target/quarkus-app/quarkus-run.jar \
           "$launcher/classes/org/mitra/local/LocalPlatform.class" "$launcher/classpath.txt"; do
  [ -f "$jar" ] || needs_build=true
done
if $needs_build && [ "${MITRA_SKIP_BUILD:-false}" != true ]; then
  echo "Building what is missing (./mvnw -B -q install -DskipTests -Dquarkus.container-image.build=false)..."
  ./mvnw -B -q install -DskipTests -Dquarkus.container-image.build=false || echo "The build failed; starting what is built."
fi

# The launcher only starts children, polls their health and waits: one GC thread, no optimizing compiler, and a
# heap that gives back what the first start's unpacking of PostgreSQL and Keycloak took (64 MB was too little for
# that), so it holds little while the platform runs (bench/ measures it).
exec java -XX:+UseSerialGC -Xms16m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 -Xss512k \
  -cp "$launcher/classes:$(cat "$launcher/classpath.txt")" org.mitra.local.LocalPlatform
