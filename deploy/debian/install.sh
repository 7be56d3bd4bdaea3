#!/usr/bin/env bash
# Installs (or upgrades) WardDesk on one Debian 12 server: MariaDB with a least-privilege user, the service as an
# unprivileged systemd unit, nginx with TLS in front, nightly backups. Idempotent: running it again changes only what
# differs, keeps the generated secrets and the environment file, and restarts the service on the new release.
#
#   sudo deploy/debian/install.sh --server-name ward.example.vn [--bundle DIR] [--tls-cert FILE --tls-key FILE]
#
# --bundle   a release folder made by deploy/debian/make-bundle.sh (warddesk.jar, libs/, config/, deploy/ and,
#            when Debian has no Java 21, runtime/ — a jlink'ed JRE). Default: the bundle this script sits in.
# --tls-*    the certificate chain and key for the server name. Without them a self-signed certificate is made so
#            nginx can start; replace it (certbot: see deploy/README.md) before citizens use the service.
set -euo pipefail

die() { echo "install.sh: $*" >&2; exit 1; }
say() { echo "install.sh: $*"; }

SERVER_NAME=""
BUNDLE="$(cd "$(dirname "$0")/../.." && pwd)"
TLS_CERT=""
TLS_KEY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --server-name) SERVER_NAME=${2:-}; shift 2 ;;
    --bundle) BUNDLE=${2:-}; shift 2 ;;
    --tls-cert) TLS_CERT=${2:-}; shift 2 ;;
    --tls-key) TLS_KEY=${2:-}; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[ "$(id -u)" = 0 ] || die "run as root (sudo)"
[ -n "$SERVER_NAME" ] || die "--server-name is required (the public DNS name of this server)"
[[ "$SERVER_NAME" =~ ^[A-Za-z0-9.-]+$ ]] || die "--server-name must be a DNS name"
if [ ! -f "$BUNDLE/warddesk.jar" ] || [ ! -d "$BUNDLE/libs" ] || [ ! -d "$BUNDLE/config" ]; then
  die "$BUNDLE is not a release bundle (warddesk.jar, libs/, config/): build one with deploy/debian/make-bundle.sh"
fi
if [ -n "$TLS_CERT$TLS_KEY" ] && { [ ! -f "$TLS_CERT" ] || [ ! -f "$TLS_KEY" ]; }; then
  die "--tls-cert and --tls-key must both name existing files"
fi

APP=/opt/warddesk
ETC=/etc/warddesk
ENV_FILE=$ETC/warddesk.env
BACKUPS=/var/backups/warddesk
HERE="$BUNDLE/deploy/debian"

# ---- packages
say "installing Debian packages (mariadb-server, mariadb-backup, nginx, openssl)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  mariadb-server mariadb-backup nginx openssl ca-certificates curl >/dev/null

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
JAVA_HOME_FOUND=""
for candidate in "$BUNDLE/runtime" /usr/lib/jvm/*; do
  if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java" || echo 0)" -ge 21 ]; then
    JAVA_HOME_FOUND=$candidate; break
  fi
done
[ -n "$JAVA_HOME_FOUND" ] || die "no Java 21+ found: Debian 12 ships 17. Build the bundle with a runtime/ (make-bundle.sh
  does it with jlink) or install temurin-21-jre from the Adoptium apt repository, then run this again."

# ---- user and files
if ! id warddesk >/dev/null 2>&1; then
  say "creating the system user warddesk"
  adduser --system --group --home /var/lib/warddesk --no-create-home --shell /usr/sbin/nologin warddesk >/dev/null
fi
install -d -o root -g root -m 0755 "$APP"
# A release replaces the code, never the environment file or the data.
say "installing the release from $BUNDLE to $APP"
install -o root -g root -m 0644 "$BUNDLE/warddesk.jar" "$APP/warddesk.jar"
rm -rf "$APP/libs.new" && cp -a "$BUNDLE/libs" "$APP/libs.new" && rm -rf "$APP/libs" && mv "$APP/libs.new" "$APP/libs"
rm -rf "$APP/config.new" && cp -a "$BUNDLE/config" "$APP/config.new" && rm -rf "$APP/config" && mv "$APP/config.new" "$APP/config"
rm -rf "$APP/deploy" && cp -a "$BUNDLE/deploy" "$APP/deploy"
if [ "$JAVA_HOME_FOUND" = "$BUNDLE/runtime" ]; then
  rm -rf "$APP/runtime.new" && cp -a "$BUNDLE/runtime" "$APP/runtime.new" && rm -rf "$APP/runtime" && mv "$APP/runtime.new" "$APP/runtime"
  JAVA_HOME_FOUND=$APP/runtime
fi
ln -sfn "$JAVA_HOME_FOUND" "$APP/java"
chown -R root:root "$APP"
chmod -R go-w "$APP"

# ---- secrets and environment file (root-only; created once, never overwritten)
install -d -o root -g root -m 0700 "$ETC"
if [ ! -f "$ENV_FILE" ]; then
  say "creating $ENV_FILE with generated secrets"
  DB_PASSWORD=$(openssl rand -hex 24)
  HASH_KEY=$(openssl rand -hex 32)
  umask 077
  sed -e "s/@@DB_PASSWORD@@/$DB_PASSWORD/" -e "s/@@HASH_KEY@@/$HASH_KEY/" -e "s/@@SERVER_NAME@@/$SERVER_NAME/" \
    "$HERE/warddesk.env.example" >"$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
fi
chown root:root "$ENV_FILE"
chmod 0600 "$ENV_FILE"
DB_PASSWORD=$(sed -n 's/^WARDDESK_DB_PASSWORD=//p' "$ENV_FILE")
[[ "$DB_PASSWORD" =~ ^[A-Za-z0-9]+$ ]] || die "WARDDESK_DB_PASSWORD in $ENV_FILE must be letters and digits only"

# ---- MariaDB: utf8mb4, loopback only, the database and its user
systemctl enable --now mariadb >/dev/null
if ! cmp -s "$HERE/mariadb-warddesk.cnf" /etc/mysql/mariadb.conf.d/60-warddesk.cnf; then
  install -o root -g root -m 0644 "$HERE/mariadb-warddesk.cnf" /etc/mysql/mariadb.conf.d/60-warddesk.cnf
  systemctl restart mariadb   # only when its settings changed: a re-run must not interrupt the database
fi
say "creating the warddesk database and user (least privilege)"
sed "s/@@PASSWORD@@/$DB_PASSWORD/g" "$HERE/database.sql" | mariadb --user=root

# ---- TLS and nginx
install -d -o root -g root -m 0755 "$ETC/tls"
if [ -n "$TLS_CERT" ]; then
  install -o root -g root -m 0644 "$TLS_CERT" "$ETC/tls/fullchain.pem"
  install -o root -g root -m 0600 "$TLS_KEY" "$ETC/tls/privkey.pem"
elif [ ! -f "$ETC/tls/fullchain.pem" ]; then
  say "no certificate given: making a self-signed one for $SERVER_NAME (replace it, see deploy/README.md)"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$SERVER_NAME" \
    -keyout "$ETC/tls/privkey.pem" -out "$ETC/tls/fullchain.pem" 2>/dev/null
  chmod 0600 "$ETC/tls/privkey.pem"
fi
sed -e "s/@@SERVER_NAME@@/$SERVER_NAME/g" -e "s#@@TLS_CERT@@#$ETC/tls/fullchain.pem#" \
  -e "s#@@TLS_KEY@@#$ETC/tls/privkey.pem#" "$HERE/nginx-warddesk.conf" >/etc/nginx/sites-available/warddesk
ln -sfn /etc/nginx/sites-available/warddesk /etc/nginx/sites-enabled/warddesk
rm -f /etc/nginx/sites-enabled/default
nginx -t -q
systemctl enable nginx >/dev/null
systemctl reload-or-restart nginx

# ---- the service
install -o root -g root -m 0644 "$HERE/warddesk.service" /etc/systemd/system/warddesk.service
systemctl daemon-reload
systemctl enable warddesk >/dev/null
say "starting WardDesk (Flyway migrates the schema on start)"
systemctl restart warddesk
for _ in $(seq 1 90); do
  if curl -fsS http://127.0.0.1:8080/observe/health >/dev/null 2>&1; then break; fi
  sleep 2
done
curl -fsS http://127.0.0.1:8080/observe/health >/dev/null || die "WardDesk did not become healthy: journalctl -u warddesk -n 50"

# ---- backups: nightly mariadb-backup, 14 days kept
install -d -o root -g root -m 0700 "$BACKUPS"
install -o root -g root -m 0644 "$HERE/warddesk-backup.service" /etc/systemd/system/warddesk-backup.service
install -o root -g root -m 0644 "$HERE/warddesk-backup.timer" /etc/systemd/system/warddesk-backup.timer
systemctl daemon-reload
systemctl enable --now warddesk-backup.timer >/dev/null

say "done: https://$SERVER_NAME/kiosk/ (kiosk), https://$SERVER_NAME/staff/ (staff console)."
install -o root -g root -m 0755 "$HERE/warddesk-admin" /usr/local/sbin/warddesk-admin
say "next: create the first admin: sudo warddesk-admin create-admin --ward <ward-id> --username <name>"
