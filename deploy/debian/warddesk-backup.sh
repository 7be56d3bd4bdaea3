#!/usr/bin/env bash
# Physical backup of the WardDesk database with mariadb-backup, prepared at once (restore = copy back), kept for
# WARDDESK_BACKUP_KEEP_DAYS days. Run nightly by warddesk-backup.timer; safe to run by hand at any time (no lock on
# the tables: InnoDB is copied hot).
#
#   warddesk-backup.sh [DEST_ROOT]          (default /var/backups/warddesk)
#
# Environment: MARIADB_BACKUP_CONNECT  extra connection options for mariadb-backup (default: root over the socket)
#              WARDDESK_BACKUP_KEEP_DAYS days to keep (default 14)
#              MARIADB_BACKUP_EXTRA    further options, e.g. --galera-info on a Galera node
# Prints the folder of the new backup on its last line.
set -euo pipefail

DEST_ROOT=${1:-/var/backups/warddesk}
KEEP_DAYS=${WARDDESK_BACKUP_KEEP_DAYS:-14}
read -r -a CONNECT <<<"${MARIADB_BACKUP_CONNECT:---user=root}"
read -r -a EXTRA <<<"${MARIADB_BACKUP_EXTRA:-}"

umask 077
mkdir -p "$DEST_ROOT"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
work="$DEST_ROOT/.$stamp.partial"
rm -rf "$work"
log="$DEST_ROOT/.$stamp.log"
# Only the warddesk schema plus what the server needs to start from the copy (mysql system tables: users, grants).
if ! mariadb-backup --backup "${CONNECT[@]}" "${EXTRA[@]}" --target-dir="$work" \
     --databases="mysql warddesk" >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "warddesk-backup: mariadb-backup --backup failed (log: $log)" >&2
  exit 1
fi
if ! mariadb-backup --prepare --target-dir="$work" >>"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "warddesk-backup: mariadb-backup --prepare failed (log: $log)" >&2
  exit 1
fi
mv "$work" "$DEST_ROOT/$stamp"
mv "$log" "$DEST_ROOT/$stamp/backup.log"
# Backups hold personal data: they expire like the data does (retention in docs), oldest first.
find "$DEST_ROOT" -mindepth 1 -maxdepth 1 -type d -name '20*Z' -mtime +"$KEEP_DAYS" -exec rm -rf {} +
echo "warddesk-backup: $(du -sh "$DEST_ROOT/$stamp" | cut -f1) in"
echo "$DEST_ROOT/$stamp"
