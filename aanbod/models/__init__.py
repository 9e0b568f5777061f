from .organisatie import Organisatie
from .pages import ACCESSIBILITY_FEATURES, AanbodPage
from .place import Plek
from .queryset import AanbodQuerySet, parent_path
from .schedule import Tijdstip, Weekday
from .taxonomy import Doelgroep, Hulpvraag

__all__ = [
    "ACCESSIBILITY_FEATURES",
    "AanbodPage",
    "Doelgroep",
    "Hulpvraag",
    "Organisatie",
    "Plek",
    "AanbodQuerySet",
    "Tijdstip",
    "Weekday",
    "parent_path",
]
