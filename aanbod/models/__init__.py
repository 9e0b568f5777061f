from .organisatie import Organisatie
from .pages import ACCESSIBILITY_FEATURES, AanbodPage
from .place import Plek
from .queryset import AanbodQuerySet, coming_slots, parent_path
from .schedule import Repeat, Tijdstip, Weekday
from .taxonomy import Doelgroep, Hulpvraag

__all__ = [
    "ACCESSIBILITY_FEATURES",
    "AanbodPage",
    "Doelgroep",
    "Hulpvraag",
    "Organisatie",
    "Plek",
    "Repeat",
    "AanbodQuerySet",
    "Tijdstip",
    "Weekday",
    "coming_slots",
    "parent_path",
]
