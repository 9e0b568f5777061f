"""Open Referral HSDS 3.0: import and export of offers as "compiled" service objects.

See README.md in this folder for the format and the mapping to AanbodPage.
"""

from .dump import dump_service, dump_services, service_id, with_related
from .load import LoadResult, import_file, load_services, read_json
from .parse import HsdsError, HsdsErrors, Service, Vocabulary, parse_service, parse_services

__all__ = [
    "HsdsError",
    "HsdsErrors",
    "LoadResult",
    "Service",
    "Vocabulary",
    "dump_service",
    "dump_services",
    "import_file",
    "load_services",
    "parse_service",
    "parse_services",
    "read_json",
    "service_id",
    "with_related",
]
