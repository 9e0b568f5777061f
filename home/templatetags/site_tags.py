"""Template tags for the site's frame: the menus in the header and footer, telephone
links, and form widgets in the house style.

    {% load site_tags %}
    {% main_menu as items %}      {# [MenuItem(title, url), ...] #}
    {% footer_menu as items %}
    <a href="{{ contact.phone|phone_href }}">...</a>
    {% field_widget field %}      {# used by includes/field.html #}
"""

from typing import NamedTuple

from django import forms, template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.html import format_html
from wagtail.models import Page, PageViewRestriction

from home import frame
from utrecht.phone import tel_href

register = template.Library()


class MenuItem(NamedTuple):
    title: str
    url: str


def _site_root(context):
    """The root page of the site that serves this request, or None."""
    request = context.get("request")
    if request is None:
        return None, None
    site = frame.site_for(request)
    if site is None:
        return request, None
    # find_for_request selects root_page along with the site: no extra query
    return request, site.root_page


def _public(queryset):
    """Leaves out pages in a private section: pages with a view restriction on
    themselves or on one of their ancestors. Done inside the same query (a correlated
    subquery); Wagtail's own .public() first reads all restrictions in a query of its own."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restricted))


def _items(pages, request):
    return tuple(MenuItem(page.title, page.get_url(request=request)) for page in pages)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The live, public children of the site root that are marked "show in menus", in
    tree order. One database query, then kept per process and language (home.frame)."""
    request, root = _site_root(context)
    if root is None:
        return []

    def build():
        pages = Page.objects.child_of(root).live().in_menu().order_by("path")
        return _items(_public(pages.only("title", "url_path", "path", "depth")), request)

    return frame.cached(request, ("main_menu", root.pk), build)


@register.simple_tag(takes_context=True)
def footer_menu(context):
    """Live, public standard pages under the site root with "show in footer" on."""
    request, root = _site_root(context)
    if root is None:
        return []
    try:
        StandardPage = apps.get_model("home", "StandardPage")
        StandardPage._meta.get_field("show_in_footer")
    except (LookupError, FieldDoesNotExist):
        return []

    def build():
        pages = StandardPage.objects.descendant_of(root).live().filter(show_in_footer=True)
        pages = pages.order_by("path").only("title", "url_path", "path", "depth")
        return _items(_public(pages), request)

    return frame.cached(request, ("footer_menu", root.pk), build)


@register.simple_tag(takes_context=True)
def contact_settings(context):
    """The contact details (home.ContactSettings), kept per process (home.frame): a copy
    that no form changes."""
    request = context.get("request")
    ContactSettings = apps.get_model("home", "ContactSettings")

    return frame.cached(request, ("contact_settings",), ContactSettings._get_or_create)


@register.filter
def ltr(value):
    """A phone number, postcode or web address inside a sentence, kept left to right: on an
    Arabic page "14 030" would otherwise read "030 14"."""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.filter
def phone_href(number):
    """A tel: link for a Dutch phone number as people write it (see utrecht.phone)."""
    return tel_href(number)


_TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
_WIDGET_CLASSES = {
    "textarea": "bw-textarea",
    "select": "bw-select",
    "selectmultiple": "bw-select",
    "nullbooleanselect": "bw-select",
    "checkbox": "bw-checkbox",
    "radioselect": "",
    "checkboxselectmultiple": "",
    "clearablefile": "",
    "file": "",
    "hidden": "",
    "multiplehidden": "",
}


@register.filter
def widget_kind(field) -> str:
    """Django's widget_type, with every single checkbox (also a CheckboxInput subclass such
    as search's FlagInput) as "checkbox", so it is drawn and labelled as one."""
    if isinstance(field.field.widget, forms.CheckboxInput):
        return "checkbox"
    return field.widget_type


@register.simple_tag
def field_widget(field):
    """Renders a bound field's widget with the house-style class added to its own (a
    postcode field, autocomplete="postal-code", gets the width of a Dutch postcode).
    Django (5.0+) itself adds required, aria-invalid and aria-describedby
    (ids "<id>_helptext" and "<id>_error", which includes/field.html uses)."""
    widget_attrs = field.field.widget.attrs
    css = _WIDGET_CLASSES.get(widget_kind(field), _TEXTBOX)
    if css == _TEXTBOX:
        if widget_attrs.get("autocomplete") == "postal-code":
            css += " utrecht-textbox--postal-code-nl-size"
        if field.errors:
            css += " utrecht-textbox--invalid"
    own = widget_attrs.get("class", "")
    classes = " ".join(c for c in f"{own} {css}".split() if c)
    return field.as_widget(attrs={"class": classes} if classes else None)
