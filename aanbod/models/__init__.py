from .feedback import Melding
from .organisatie import Organisatie
from .pages import ACCESSIBILITY_FEATURES, AanbodPage, ThemaPage
from .place import Plek
from .schedule import Tijdstip, Weekday
from .taxonomy import Doelgroep, Hulpvraag

__all__ = [
    "ACCESSIBILITY_FEATURES",
    "AanbodPage",
    "Doelgroep",
    "Hulpvraag",
    "Melding",
    "Organisatie",
    "Plek",
    "ThemaPage",
    "Tijdstip",
    "Weekday",
]
