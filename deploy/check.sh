#!/usr/bin/env bash
# Validates the deployment files with the tools that run on a machine without Docker engine or Kubernetes cluster:
#   ./warddesk deploy-check        (or bash deploy/check.sh)
# Each check prints "ok", "FAILED" or "skipped (tool missing)"; the exit code is the number of failed checks.
# Tools: bash, shellcheck, systemd-analyze, nginx, openssl (Debian packages), kubectl (kustomize built in),
# promtool (Debian package prometheus), python3 with PyYAML. Nothing is started and nothing listens.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME COMMAND...: runs the command, output shown only on failure
  local name=$1; shift
  if "$@" >"$tmp/out" 2>&1; then
    echo "ok       $name"
  else
    echo "FAILED   $name"; sed 's/^/         /' "$tmp/out" | tail -n 30
    failed=$((failed + 1))
  fi
}
have() { command -v "$1" >/dev/null 2>&1 || { echo "skipped  $2 ($1 missing)"; return 1; }; }

scripts=(warddesk deploy/check.sh deploy/debian/install.sh deploy/debian/warddesk-backup.sh
         deploy/debian/warddesk-restore.sh deploy/debian/warddesk-admin deploy/debian/make-bundle.sh)
for script in "${scripts[@]}"; do
  check "bash -n $script" bash -n "$script"
done
if have shellcheck "shellcheck on the scripts"; then
  check "shellcheck ${#scripts[@]} scripts" shellcheck -S warning "${scripts[@]}"
fi

if have systemd-analyze "systemd-analyze verify"; then
  # The unit runs /opt/warddesk/java/bin/java, which exists only on an installed server: verify a copy that points
  # at this machine's java, everything else unchanged.
  for unit in warddesk.service warddesk-backup.service warddesk-backup.timer; do
    sed -e "s#/opt/warddesk/java/bin/java#$(command -v java || echo /usr/bin/java)#" \
        -e "s#/opt/warddesk/deploy/debian/warddesk-backup.sh#$ROOT/deploy/debian/warddesk-backup.sh#" \
        "deploy/debian/$unit" >"$tmp/$unit"
  done
  check "systemd-analyze verify warddesk.service, warddesk-backup.service/.timer" \
    systemd-analyze verify "$tmp/warddesk.service" "$tmp/warddesk-backup.service" "$tmp/warddesk-backup.timer"
fi

if have nginx "nginx -t on the site" && have openssl "nginx -t on the site"; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=ward.test -keyout "$tmp/key.pem" -out "$tmp/cert.pem" \
    >/dev/null 2>&1
  sed -e "s/@@SERVER_NAME@@/ward.test/g" -e "s#@@TLS_CERT@@#$tmp/cert.pem#" -e "s#@@TLS_KEY@@#$tmp/key.pem#" \
    deploy/debian/nginx-warddesk.conf >"$tmp/site.conf"
  cat >"$tmp/nginx.conf" <<EOF
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $tmp; proxy_temp_path $tmp; fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;
  include $tmp/site.conf;
}
EOF
  check "nginx -t (Debian site, self-signed certificate)" nginx -t -q -c "$tmp/nginx.conf" -p "$tmp"
  mkdir -p "$tmp/compose-tls"
  cp "$tmp/cert.pem" "$tmp/compose-tls/fullchain.pem"; cp "$tmp/key.pem" "$tmp/compose-tls/privkey.pem"
  # The compose nginx.conf names its upstreams by service name: resolvable only inside compose. Check the syntax with
  # the names mapped to loopback.
  sed -e "s#/etc/nginx/tls/#$tmp/compose-tls/#" -e 's/warddesk[12]:8080/127.0.0.1:8080/' \
      -e "s#^events {}#pid $tmp/nginx2.pid; error_log $tmp/error2.log; events {}#" \
      -e "s#^http {#http { access_log off; client_body_temp_path $tmp; proxy_temp_path $tmp; fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;#" \
      -e 's/^        http2 on;/        # http2 on; (nginx >= 1.25)/' \
      deploy/container/nginx.conf >"$tmp/compose-nginx.conf"
  check "nginx -t (compose nginx.conf)" nginx -t -q -c "$tmp/compose-nginx.conf" -p "$tmp"
fi

if have kubectl "kubectl kustomize"; then
  check "kubectl kustomize deploy/k8s/overlays/example" kubectl kustomize deploy/k8s/overlays/example
  kubectl kustomize deploy/k8s/overlays/example >"$tmp/k8s.yaml" 2>/dev/null
  if have python3 "Kubernetes manifest invariants"; then
    check "Kubernetes invariants (replicas, probes, non-root, read-only root, PDB, HPA, NetworkPolicy, Galera)" \
      python3 deploy/check_manifests.py "$tmp/k8s.yaml"
  fi
fi

if have promtool "promtool check rules"; then
  check "promtool check rules deploy/observability/alerts.yaml" promtool check rules deploy/observability/alerts.yaml
  check "promtool test rules deploy/observability/alerts-test.yaml" promtool test rules deploy/observability/alerts-test.yaml
fi
if have python3 "Grafana dashboard JSON"; then
  check "alerts and dashboard query only metrics a real scrape exports" \
    python3 deploy/check_manifests.py --dashboard deploy/observability/grafana-dashboard.json \
      deploy/observability/alerts.yaml deploy/observability/metrics-sample.txt
fi

if docker compose version >/dev/null 2>&1; then
  cp deploy/container/env.example deploy/container/.env.check
  check "docker compose config" docker compose --env-file deploy/container/.env.check -f deploy/container/compose.yaml config -q
  rm -f deploy/container/.env.check
elif have docker-compose "docker compose config"; then
  check "docker-compose config" docker-compose --env-file deploy/container/env.example -f deploy/container/compose.yaml config -q
fi
if have python3 "compose.yaml invariants"; then
  check "compose.yaml invariants (2 WardDesk read-only non-root, 3 Galera, nginx)" \
    python3 deploy/check_manifests.py --compose deploy/container/compose.yaml
fi

echo "$failed check(s) failed"
exit "$failed"
