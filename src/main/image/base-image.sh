#!/usr/bin/env bash
# The image's base, made on this machine without a registry or a container engine
# (docs/adr/0014-container-image.md). Two layers:
#   system  glibc and libgcc_s from this machine's installed Debian packages (their files, their copyright notices,
#           their dpkg status for vulnerability scanners), /etc/passwd and /etc/group with the service's user
#           10001, /etc/nsswitch.conf, and an empty /tmp; no shell, no package manager
#   java    a Java runtime jlinked from the JDK that runs the build, in /opt/java
# written as the tarball `docker save` writes (manifest.json, the configuration, one tar per layer), which Quarkus's
# Jib extension reads as its base image through `tar://`.
#
# Usage: base-image.sh JAVA_HOME OUTPUT_DIRECTORY      (writes OUTPUT_DIRECTORY/base.tar)
set -euo pipefail

java_home=$1
out=$2

# The modules the service's classes use (`jdeps -s` over every class in target/quarkus-app, see the ADR), except
# jdk.compiler, which only Vert.x's code generator uses, at build time; jdk.zipfs, a provider no class names; and
# jdk.jfr, jdk.management.jfr and jdk.jcmd for diagnosing a running pod (`kubectl exec POD -- jcmd 1 Thread.print`).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
modules+=,java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,jdk.management
modules+=,jdk.unsupported,jdk.zipfs,jdk.jfr,jdk.management.jfr,jdk.jcmd
# what the runtime's binaries link against (ldd), and libgcc_s, which glibc loads for thread cancellation
packages=(libc6 libgcc-s1)
uid=10001

rm -rf "$out"
mkdir -p "$out/system" "$out/java/opt"

# --- system -------------------------------------------------------------------------------------------------------
system=$out/system
for package in "${packages[@]}"; do
  # each file the package installed, except documentation, locales and glibc's iconv modules (Java has its own
  # charsets); directories come with their files, so a merged /usr on this machine does not leak into the image
  dpkg-query -L "$package" | grep -v -E '^/usr/share/|/gconv/' | while read -r file; do
    if [ -d "$file" ] || { [ ! -e "$file" ] && [ ! -L "$file" ]; }; then continue; fi
    mkdir -p "$system$(dirname "$file")"
    cp -P "$file" "$system$file"
  done
  doc=/usr/share/doc/$package
  mkdir -p "$system$doc" "$system/var/lib/dpkg/status.d"
  cp "$doc/copyright" "$system$doc/copyright"
  # the form distroless images use, which Trivy and Grype read to list the image's packages
  dpkg-query -s "$package" > "$system/var/lib/dpkg/status.d/$package"
done
mkdir -p "$system/etc" "$system/tmp" "$system/work"
chmod 1777 "$system/tmp"
# home /tmp: the only writable place when the root filesystem is read-only
printf 'root:x:0:0:root:/root:/sbin/nologin\nheteronym:x:%s:%s:Heteronym:/tmp:/sbin/nologin\n' $uid $uid \
  > "$system/etc/passwd"
printf 'root:x:0:\nheteronym:x:%s:\n' $uid > "$system/etc/group"
# without this file glibc asks DNS before /etc/hosts
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$system/etc/nsswitch.conf"

# --- java ---------------------------------------------------------------------------------------------------------
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/java/opt/java" \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive

# --- the tarball ----------------------------------------------------------------------------------------------------
# file times, owners and order fixed, so that the same inputs give the same layers (and digests)
archive=$out/archive
mkdir -p "$archive"
diff_ids=()
for layer in system java; do
  tar --create --file="$archive/$layer.tar" --directory="$out/$layer" --sort=name --format=gnu --mtime=@0 \
    --owner=0 --group=0 --numeric-owner .
  diff_ids+=("\"sha256:$(sha256sum "$archive/$layer.tar" | cut -d' ' -f1)\"")
done
java_version=$("$out/java/opt/java/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.runtime.version = //p')
versions=$(for package in "${packages[@]}"; do
  printf '"org.heteronym.base.%s":"%s",' "$package" "$(dpkg-query -W -f '${Version}' "$package")"; done)
cat > "$archive/config.json" <<JSON
{"architecture":"$(dpkg --print-architecture)","os":"linux",
 "config":{"User":"$uid:$uid","WorkingDir":"/work",
  "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
  "Labels":{${versions}"org.heteronym.base.java":"$java_version"}},
 "rootfs":{"type":"layers","diff_ids":[$(IFS=,; echo "${diff_ids[*]}")]}}
JSON
cat > "$archive/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["heteronym-base:local"],"Layers":["system.tar","java.tar"]}]
JSON
tar --create --file="$out/base.tar" --directory="$archive" --sort=name --format=gnu --mtime=@0 \
  --owner=0 --group=0 --numeric-owner manifest.json config.json system.tar java.tar
rm -r "$archive"
echo "base image: $out/base.tar ($(du -h "$out/base.tar" | cut -f1); java $java_version)"
