from django.core.management.base import BaseCommand
from django.utils import translation

from inrichting import translations as translation_data
from inrichting.areas import ensure_areas, ensure_stedelijk
from inrichting.needs import ensure_taxonomy, ensure_theme_pages
from inrichting.pages import ensure_home_page, ensure_standard_pages
from inrichting.review import ensure_review_tasks, ensure_word_list
from redactie.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Maakt de voorpagina, Heel Utrecht, de wijken en buurten, de hulpvragen en de "
        "themapagina's, en de groepen redacteuren en coördinatoren met hun rechten. "
        "Twee keer draaien verandert niets."
    )

    def handle(self, *args, **options):
        # Dutch is the source: everything made here goes into the Dutch columns.
        with translation.override("nl"):
            self.setup()
        self.stdout.write(self.style.SUCCESS("De site staat klaar."))

    def setup(self):
        home = ensure_home_page()
        ensure_stedelijk(home)
        ensure_areas(home)
        ensure_taxonomy()
        ensure_theme_pages(home)
        ensure_standard_pages(home)
        translation_data.apply_taxonomy()
        translation_data.apply_pages()
        ensure_roles(home)
        ensure_word_list()
        ensure_review_tasks()
