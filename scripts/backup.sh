#!/usr/bin/env bash
# Backup of Buurtwijzer: the PostgreSQL database (pg_dump custom format) and the media folder
# (uploaded images and documents) as a tarball, side by side in one folder.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/srv/buurtwijzer/media scripts/backup.sh /backups
#
# Writes DEST/buurtwijzer-YYYYmmdd-HHMMSS.dump and DEST/buurtwijzer-YYYYmmdd-HHMMSS-media.tar.gz
# and prints both paths. Safe while the site runs (pg_dump reads one consistent snapshot).
set -euo pipefail

dest=${1:?"Geef de map voor de back-up: scripts/backup.sh /pad/naar/map"}
: "${DATABASE_URL:?DATABASE_URL moet naar de PostgreSQL-database wijzen}"
media=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}

case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "DATABASE_URL is geen PostgreSQL-adres; deze back-up is voor PostgreSQL." >&2; exit 2 ;;
esac

mkdir -p "$dest"
stamp=$(date -u +%Y%m%d-%H%M%S)
dump="$dest/buurtwijzer-$stamp.dump"
tarball="$dest/buurtwijzer-$stamp-media.tar.gz"

umask 077  # the dump holds e-mail addresses and password hashes
pg_dump --format=custom --no-owner --no-privileges --file="$dump.tmp" --dbname="$DATABASE_URL"
mv "$dump.tmp" "$dump"

if [ -d "$media" ]; then
  tar -czf "$tarball.tmp" -C "$media" .
else
  tar -czf "$tarball.tmp" --files-from /dev/null
fi
mv "$tarball.tmp" "$tarball"

echo "$dump"
echo "$tarball"
