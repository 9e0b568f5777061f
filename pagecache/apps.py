from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Paginacache"

    def ready(self):
        from . import invalidation

        invalidation.connect()
