from django import template

from redactie.verification.admin import header_buttons

register = template.Library()


@register.simple_tag(takes_context=True)
def klopt_nog_buttons(context, page):
    """The "Klopt nog" button for the page edit header, visible next to the breadcrumbs (the
    hook ``register_page_header_buttons`` puts buttons in the "..." menu)."""
    request = context.get("request")
    if request is None or page is None:
        return []
    return list(header_buttons(page, request.user, "edit"))
