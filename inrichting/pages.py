"""Creates the home page and the standard pages once; running it again changes nothing."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from aanbod.public import LOCAL_HOSTS
from home.models import HomePage, StandardPage

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
        "intro": "We bewaren zo weinig mogelijk over u. Hier leest u wat we wel en niet doen.",
        "body": (
            "<h2>Zoeken en lezen</h2>"
            "<p>U hoeft niet in te loggen om te zoeken. U krijgt van ons geen cookies. "
            "We volgen niet wat u doet. We tellen bezoekers niet met programma's van andere bedrijven.</p>"
            "<p>Deze website laadt niets van andere websites. Dus geen lettertypes, filmpjes of knoppen van andere bedrijven. "
            "Een kaart komt pas van een andere website als u zelf om de kaart vraagt.</p>"
            "<h2>Wat we niet bewaren</h2>"
            "<p>We bewaren niet wie u bent of wat u zoekt. Uw internetadres (IP-adres) komt niet in onze logboeken.</p>"
            "<p>Om misbruik te stoppen, onthouden we korte tijd (hoogstens een uur) een geheime code die we van uw internetadres maken. "
            "Uit die code kan niemand uw adres terugvinden.</p>"
            "<h2>Als u iets meldt</h2>"
            "<p>Stuurt u een melding met 'Klopt er iets niet?'? Dan bewaren we alleen wat u typt. "
            "Uw e-mailadres hoeft u niet te geven. Geeft u het wel, dan gebruiken we het alleen om u te antwoorden. "
            "We wissen uw e-mailadres 30 dagen nadat we uw melding hebben afgehandeld.</p>"
            "<h2>Vragen</h2>"
            "<p>Hebt u een vraag over uw gegevens? Bel 14 030.</p>"
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
    hostname, port = public_host()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=HOME_TITLE,
        )
    else:
        site.root_page = home
        if site.hostname in LOCAL_HOSTS:  # the shipped default; an administrator's choice stays
            site.hostname, site.port = hostname, port
        site.save()
    return home


def public_host() -> tuple[str, int]:
    """The default Site's hostname and port, from the public address (BUURTWIJZER_PUBLIC_URL)."""
    parts = urlsplit(settings.BUURTWIJZER_PUBLIC_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


# Texts setup_site wrote before; a page that still has one of them was not changed by an
# editor, so setup_site may bring it up to date. A page an editor changed is left alone.
EARLIER_SEED_TEXTS = {
    "privacy": [
        (
            "We bewaren zo weinig mogelijk over u.",
            "<p>U hoeft niet in te loggen om te zoeken. We gebruiken geen cookies om u te volgen.</p>"
            "<p>We laden niets van andere websites, tot u zelf om een kaart vraagt.</p>"
            "<p>We bewaren niet wie u bent of wat u precies zoekt.</p>",
        ),
        (
            "We bewaren zo weinig mogelijk over u. Hier leest u wat we wel en niet doen.",
            "<h2>Zoeken en lezen</h2>"
            "<p>U hoeft niet in te loggen om te zoeken. U krijgt van ons geen cookies. "
            "We volgen niet wat u doet. We tellen bezoekers niet met programma's van andere bedrijven.</p>"
            "<p>Deze website laadt niets van andere websites. Dus geen lettertypes, filmpjes of knoppen van andere bedrijven. "
            "Een kaart komt pas van een andere website als u zelf om de kaart vraagt.</p>"
            "<h2>Wat we niet bewaren</h2>"
            "<p>We bewaren niet wie u bent of wat u zoekt. Uw internetadres (IP-adres) komt niet in onze logboeken.</p>"
            "<p>Om misbruik te stoppen, onthouden we korte tijd (hoogstens een uur) een geheime code die we van uw internetadres maken. "
            "Uit die code kan niemand uw adres terugvinden.</p>"
            "<h2>Als u iets meldt</h2>"
            "<p>Stuurt u een melding met 'Klopt er iets niet?'? Dan bewaren we alleen wat u typt. "
            "Uw e-mailadres hoeft u niet te geven. Geeft u het wel, dan gebruiken we het alleen om u te antwoorden.</p>"
            "<h2>Vragen</h2>"
            "<p>Hebt u een vraag over uw gegevens? Bel 14 030.</p>",
        ),
    ],
}


def ensure_standard_pages(home: HomePage) -> None:
    pages = {page.slug: page for page in StandardPage.objects.child_of(home)}
    for data in STANDARD_PAGES:
        page = pages.get(data["slug"])
        if page is None:
            home.add_child(instance=StandardPage(**data))
        elif not page.has_unpublished_changes and (page.intro, page.body) in EARLIER_SEED_TEXTS.get(
            data["slug"], []
        ):
            page.intro, page.body = data["intro"], data["body"]
            page.save_revision().publish()
