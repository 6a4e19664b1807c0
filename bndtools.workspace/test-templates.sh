#!/usr/bin/env bash
# Proves the templates: makes one bundle of each kind with ./yike new, builds it with what it needs
# from the reactor and runs its tests, then removes it again. About two minutes; not part of ./yike test.
# Maven options may follow, e.g. -o.
set -euo pipefail
cd "$(dirname "$0")/.."

KINDS=(driver director encoder connector)
made=()
cleanup() {
  for bsn in "${made[@]}"; do
    rm -rf "bundles/$bsn"
    sed -i "\#<module>$bsn</module>#d" bundles/pom.xml
  done
}
trap cleanup EXIT

for kind in "${KINDS[@]}"; do
  ./yike new "$kind" "org.yike.$kind.tplcheck"
  made+=("org.yike.$kind.tplcheck")
done
modules=$(printf 'bundles/%s,' "${made[@]}")
# verify, not install: the check leaves nothing in the local repository
mvn -B -q "$@" verify -pl "${modules%,}" -am -Dtest='Tplcheck*' -Dsurefire.failIfNoSpecifiedTests=false
for bsn in "${made[@]}"; do
  grep -h "Tests run" "bundles/$bsn"/target/surefire-reports/*.txt | sed "s/^/$bsn: /"
done
