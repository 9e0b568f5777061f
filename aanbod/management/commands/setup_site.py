from django.core.management.base import BaseCommand

from aanbod.roles import ensure_roles
from aanbod.setup import ensure_taxonomy, ensure_theme_pages
from buurten.setup import ensure_areas, ensure_stedelijk
from checks.setup import ensure_review_tasks, ensure_word_list
from home.setup import ensure_home_page, ensure_standard_pages


class Command(BaseCommand):
    help = (
        "Maakt de voorpagina, Heel Utrecht, de wijken en buurten, de hulpvragen en de "
        "themapagina's, en de groepen redacteuren en coördinatoren met hun rechten. "
        "Twee keer draaien verandert niets."
    )

    def handle(self, *args, **options):
        home = ensure_home_page()
        ensure_stedelijk(home)
        ensure_areas(home)
        ensure_taxonomy()
        ensure_theme_pages(home)
        ensure_standard_pages(home)
        ensure_roles(home)
        ensure_word_list()
        ensure_review_tasks()
        self.stdout.write(self.style.SUCCESS("De site staat klaar."))
