from .results import PaginaControle
from .words import AmbtelijkWoord
from .workflow import TaalToegankelijkheidTask

__all__ = ["AmbtelijkWoord", "PaginaControle", "TaalToegankelijkheidTask"]
