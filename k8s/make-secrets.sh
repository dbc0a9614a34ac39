#!/usr/bin/env bash
# Makes the service's keys (keys/README.md) as files in DIR, never overwriting one that exists: a new pseudonym
# secret would give every member a new account at every forum, a new log key needs a new log.
#   k8s/make-secrets.sh DIR            write the files (the dev overlay reads them from k8s/overlays/dev/secrets)
#   k8s/make-secrets.sh DIR NAMESPACE  also create the Secrets heteronym-keys and heteronym-session in NAMESPACE
#                                      with kubectl (production: then move DIR into the organisation's vault)
set -euo pipefail
dir="${1:?usage: make-secrets.sh DIR [NAMESPACE]}"
namespace="${2:-}"
mkdir -p "$dir"
chmod 700 "$dir"
umask 077

make() {   # make FILE COMMAND...: run COMMAND with its output to FILE unless FILE exists
  local file="$dir/$1"; shift
  if [ -e "$file" ]; then echo "kept     $file"; return; fi
  "$@" > "$file"
  echo "created  $file"
}
make log-signing.pem openssl genpkey -algorithm ed25519
make oidc-signing-1.pem openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256
make member-secret.b64 openssl rand -base64 32
make pseudonym-secret.b64 openssl rand -base64 32
make session-encryption-key openssl rand -base64 32
# a stand-in staff identity provider for clusters that have none (the dev overlay): tokens for operators, legal
# officers and trustees are ES256 JWTs signed with the private half
make staff-idp.private.pem openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256
make staff-idp.public.pem openssl pkey -in "$dir/staff-idp.private.pem" -pubout

if [ -n "$namespace" ]; then
  kubectl -n "$namespace" create secret generic heteronym-keys \
    --from-file="$dir/log-signing.pem" --from-file="$dir/oidc-signing-1.pem" \
    --from-file="$dir/member-secret.b64" --from-file="$dir/pseudonym-secret.b64"
  kubectl -n "$namespace" create secret generic heteronym-session \
    --from-file=encryption-key="$dir/session-encryption-key"
fi
