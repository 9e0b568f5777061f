"""Template tags for the visitor's language.

    {% load language_tags %}
    {% language_links as links %}          {# the same page in every language (switcher) #}
    {% hreflang_alternates %}              {# <link rel="alternate" hreflang=...> in <head> #}
    {% translated page "summary" as summary %}
    <p{% lang_attrs summary %}>{{ summary }}</p>{% fallback_notice summary %}

``lang_attrs`` gives a Dutch fallback its own lang="nl" dir="ltr", so a screen reader reads it
in Dutch and it runs left to right inside an Arabic page; ``fallback_notice`` tells the
resident, in their own language, that this part is only in Dutch.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from vertalingen import i18n

register = template.Library()


def _full_path(context) -> str | None:
    request = context.get("request")
    return request.get_full_path() if request is not None else None


@register.simple_tag(takes_context=True)
def language_links(context):
    full_path = _full_path(context)
    return i18n.language_links(full_path) if full_path else []


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    request = context.get("request")
    if request is None:
        return ""
    links = i18n.language_links(request.get_full_path())
    rows = [(request.build_absolute_uri(link.url), link.code) for link in links]
    dutch = next(url for url, code in rows if code == i18n.SOURCE_LANGUAGE)
    rows.append((dutch, "x-default"))
    return format_html_join("\n", '<link rel="alternate" href="{}" hreflang="{}">', rows)


@register.simple_tag
def translated(obj, field):
    return i18n.translated(obj, field)


@register.simple_tag
def lang_attrs(text):
    if isinstance(text, i18n.TranslatedText) and text.is_fallback:
        return format_html(' lang="{}" dir="{}"', text.language, text.dir)
    return ""


@register.simple_tag
def fallback_notice(text):
    if isinstance(text, i18n.TranslatedText) and text and text.is_fallback:
        return format_html(
            '<p class="bw-fallback-notice">{}</p>',
            _("Deze informatie is alleen in het Nederlands."),
        )
    return ""
