"""Creates the home page and the standard pages once; running it again changes nothing."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage, StandardPage

HOME_TITLE = "Buurtwijzer Utrecht"
HOME_INTRO = (
    "Zoek wat er in uw buurt te doen is. En waar u hulp krijgt. "
    "Bijvoorbeeld een plek om mensen te ontmoeten, of hulp bij geldzorgen."
)

STANDARD_PAGES = [
    {
        "slug": "over",
        "title": "Over Buurtwijzer",
        "show_in_footer": True,
        "intro": "Buurtwijzer laat zien wat er in uw buurt is. Bewoners en buurtorganisaties houden het bij.",
        "body": (
            "<p>Op Buurtwijzer vindt u plekken om mensen te ontmoeten. U vindt er ook activiteiten en hulp.</p>"
            "<p>Bewoners en organisaties uit de buurt schrijven de informatie. Zij kijken ook of die nog klopt.</p>"
            "<p>Ziet u iets wat niet klopt? Laat het ons weten. Of bel 14 030.</p>"
        ),
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheid",
        "show_in_footer": True,
        "intro": "Iedereen moet deze website kunnen gebruiken. Ook met een beperking.",
        "body": (
            "<p>We willen dat deze website werkt voor iedereen. Ook zonder muis, met een schermlezer of op een oude telefoon.</p>"
            "<p>We volgen de regels van WCAG 2.1, niveau AA. We testen elke pagina.</p>"
            "<p>Loopt u toch ergens tegenaan? Bel 14 030. Dan helpen we u verder.</p>"
        ),
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "show_in_footer": True,
        "intro": "We bewaren zo weinig mogelijk over u.",
        "body": (
            "<p>U hoeft niet in te loggen om te zoeken. We gebruiken geen cookies om u te volgen.</p>"
            "<p>We laden niets van andere websites, tot u zelf om een kaart vraagt.</p>"
            "<p>We bewaren niet wie u bent of wat u precies zoekt.</p>"
        ),
    },
]


@transaction.atomic
def ensure_home_page() -> HomePage:
    """The site's home page, replacing Wagtail's welcome page on a new database."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        for welcome in root.get_children().filter(content_type__model="page", slug="home"):
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(title=HOME_TITLE, slug="home", intro=HOME_INTRO, seo_title=HOME_TITLE)
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=HOME_TITLE,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def ensure_standard_pages(home: HomePage) -> None:
    existing = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    for data in STANDARD_PAGES:
        if data["slug"] not in existing:
            home.add_child(instance=StandardPage(**data))
