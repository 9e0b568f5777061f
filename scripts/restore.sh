#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into a fresh, empty database and media folder.
#
#   DATABASE_URL=postgres://.../buurtwijzer_nieuw MEDIA_ROOT=/srv/buurtwijzer/media \
#     scripts/restore.sh /backups/buurtwijzer-20261122-030000.dump [/backups/...-media.tar.gz]
#
# All or nothing. Everything is checked before the database is touched: the dump can be read,
# the media tarball is there and can be read (or --zonder-media says on purpose that there is
# none), the database has no tables, and no file of the tarball exists in the media folder
# (nothing is ever overwritten). The media files are unpacked into a folder next to the media
# folder first; the dump is restored in one transaction; only then are the files moved in.
# Create the database first (createdb -O buurtwijzer buurtwijzer_nieuw), then point the
# site's DATABASE_URL to it.
#
# Exit codes: 2 a file is missing or cannot be read, 3 the database is not empty,
# 4 a media file already exists, 5 the database restore failed (nothing was changed).
set -euo pipefail

without_media=0
if [ "${1:-}" = "--zonder-media" ]; then without_media=1; shift; fi
dump=${1:?"Geef het .dump-bestand: scripts/restore.sh [--zonder-media] BESTAND.dump [BESTAND-media.tar.gz]"}
tarball=${2:-${dump%.dump}-media.tar.gz}
: "${DATABASE_URL:?DATABASE_URL moet naar de nieuwe, lege PostgreSQL-database wijzen}"
media=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}

fail() { echo "$2" >&2; echo "Er is niets veranderd." >&2; exit "$1"; }

[ -f "$dump" ] || fail 2 "Bestand niet gevonden: $dump"
pg_restore --list "$dump" >/dev/null 2>&1 || fail 2 "Dit is geen leesbare back-up van de database: $dump"

tables=$(psql "$DATABASE_URL" -qtAc \
  "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") \
  || fail 2 "De database is niet bereikbaar: controleer DATABASE_URL."
[ "$tables" = "0" ] || fail 3 "De database is niet leeg ($tables tabellen). Herstel alleen in een nieuwe, lege database."

if [ "$without_media" = 1 ]; then
  tarball=""
else
  [ -f "$tarball" ] || fail 2 "Media-bestand niet gevonden: $tarball. Zonder de foto's en documenten herstellen? Gebruik dan --zonder-media."
  entries=$(tar -tzf "$tarball" 2>/dev/null) || fail 2 "Het media-bestand is beschadigd of geen .tar.gz: $tarball"
  while IFS= read -r entry; do
    entry=${entry#./}
    [ -n "$entry" ] && [ "${entry%/}" = "$entry" ] || continue  # folders may exist
    if [ -e "$media/$entry" ]; then
      fail 4 "Dit bestand bestaat al in de media-map en wordt niet overschreven: $media/$entry"
    fi
  done <<< "$entries"
fi

staging=""
if [ -n "$tarball" ]; then
  mkdir -p "$media"
  staging=$(mktemp -d "$media/../.herstel-media.XXXXXX")
  trap 'rm -rf "$staging"' EXIT
  tar -xzf "$tarball" -C "$staging" || fail 2 "Het media-bestand kon niet worden uitgepakt: $tarball"
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$dump" || fail 5 "Het herstel van de database is mislukt (zie hierboven)."

if [ -n "$staging" ]; then
  # Same file system: each file is renamed into place; -n never overwrites.
  (cd "$staging" && find . -type d -exec mkdir -p "$media/{}" \; && find . ! -type d -exec mv -n {} "$media/{}" \;)
  echo "Hersteld: $dump en $tarball"
else
  echo "Hersteld: $dump (zonder media, zoals gevraagd)"
fi
