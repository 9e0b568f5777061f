"""Compiles locale/*/LC_MESSAGES/*.po to .mo with polib.

Django's own compilemessages needs GNU gettext's msgfmt; this runs on a machine without
gettext, so `make install` (and with it `make run` and `make test`) can always compile.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def po_files():
    for locale_path in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Zet de vertalingen (locale/*/LC_MESSAGES/*.po) om naar .mo-bestanden."

    def handle(self, *args, **options):
        count = 0
        for po_path in po_files():
            # Like msgfmt: fuzzy and untranslated entries are left out.
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            count += 1
        self.stdout.write(f"{count} vertaalbestanden omgezet.")
