import pytest
from django.core.cache import cache
from django.test import override_settings


@pytest.fixture
def page_cache_on():
    """The page cache on (it is off in the test settings), empty before and after."""
    cache.clear()
    with override_settings(BUURTWIJZER_PAGE_CACHE=True):
        yield
    cache.clear()
