#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into a fresh, empty database and media folder.
#
#   DATABASE_URL=postgres://.../buurtwijzer_nieuw MEDIA_ROOT=/srv/buurtwijzer/media \
#     scripts/restore.sh /backups/buurtwijzer-20261122-030000.dump [/backups/...-media.tar.gz]
#
# Refuses a database that already has tables, and never overwrites a file in the media folder,
# so a mistake cannot destroy the data that is there. Create the database first
# (createdb -O buurtwijzer buurtwijzer_nieuw), then point the site's DATABASE_URL to it.
# All or nothing: the dump is restored in one transaction.
set -euo pipefail

dump=${1:?"Geef het .dump-bestand: scripts/restore.sh BESTAND.dump [BESTAND-media.tar.gz]"}
tarball=${2:-${dump%.dump}-media.tar.gz}
: "${DATABASE_URL:?DATABASE_URL moet naar de nieuwe, lege PostgreSQL-database wijzen}"
media=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}

[ -f "$dump" ] || { echo "Bestand niet gevonden: $dump" >&2; exit 2; }

tables=$(psql "$DATABASE_URL" -qtAc \
  "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
if [ "$tables" != "0" ]; then
  echo "De database is niet leeg ($tables tabellen). Herstel alleen in een nieuwe, lege database." >&2
  exit 3
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$dump"

if [ -f "$tarball" ]; then
  mkdir -p "$media"
  tar -xzf "$tarball" -C "$media" --keep-old-files
else
  echo "Geen media-bestand gevonden ($tarball); alleen de database is hersteld." >&2
fi
echo "Hersteld: $dump"
