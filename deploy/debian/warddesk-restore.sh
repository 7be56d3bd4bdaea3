#!/usr/bin/env bash
# Restores a backup made by warddesk-backup.sh: stops WardDesk and MariaDB, keeps the current data directory aside
# (DATADIR.before-restore-<time>), copies the backup back, starts MariaDB and WardDesk again.
#
#   warddesk-restore.sh BACKUP_DIR [--datadir DIR] [--owner USER] [--no-services]
#
# --datadir      MariaDB's data directory (default /var/lib/mysql)
# --owner        owner of the restored files (default mysql)
# --no-services  do not stop/start systemd units (the caller stops and starts the server: tests, containers)
# On a Galera cluster: restore on ONE node, bootstrap the cluster from it (galera_new_cluster), then let the other
# nodes join by SST after emptying their data directories (deploy/README.md, "Restore").
set -euo pipefail

die() { echo "warddesk-restore: $*" >&2; exit 1; }
[ $# -ge 1 ] || die "usage: warddesk-restore.sh BACKUP_DIR [--datadir DIR] [--owner USER] [--no-services]"
BACKUP=$1; shift
DATADIR=/var/lib/mysql
OWNER=mysql
SERVICES=1
while [ $# -gt 0 ]; do
  case "$1" in
    --datadir) DATADIR=${2:?}; shift 2 ;;
    --owner) OWNER=${2:?}; shift 2 ;;
    --no-services) SERVICES=0; shift ;;
    *) die "unknown argument '$1'" ;;
  esac
done
[ -f "$BACKUP/xtrabackup_checkpoints" ] || die "$BACKUP is not a mariadb-backup folder (no xtrabackup_checkpoints)"
# A prepared backup says full-prepared (older versions) or log-applied (MariaDB 10.11+).
grep -Eq '^backup_type = (full-prepared|log-applied)' "$BACKUP/xtrabackup_checkpoints" \
  || die "$BACKUP is not prepared: run mariadb-backup --prepare --target-dir=$BACKUP first"

if [ "$SERVICES" = 1 ]; then
  systemctl stop warddesk || true
  systemctl stop mariadb
fi
if [ -d "$DATADIR" ] && [ -n "$(ls -A "$DATADIR" 2>/dev/null)" ]; then
  aside="$DATADIR.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
  mv "$DATADIR" "$aside"
  echo "warddesk-restore: the data directory before the restore is kept in $aside (delete it once all is well)"
fi
mkdir -p "$DATADIR"
# --copy-back keeps the backup intact (it can be restored again).
mariadb-backup --copy-back --target-dir="$BACKUP" --datadir="$DATADIR" >"$DATADIR.restore.log" 2>&1 \
  || { tail -n 20 "$DATADIR.restore.log" >&2; die "mariadb-backup --copy-back failed"; }
chown -R "$OWNER:$OWNER" "$DATADIR"
chmod 0750 "$DATADIR"
if [ "$SERVICES" = 1 ]; then
  systemctl start mariadb
  systemctl start warddesk
fi
echo "warddesk-restore: restored $BACKUP into $DATADIR"
