from django import template

from redactie.reports.forms import MeldingForm

register = template.Library()


@register.simple_tag(takes_context=True)
def melding_form(context):
    """The 'Klopt er iets niet?' form: the one with the visitor's input and errors when the
    feedback view shows the page again, else an empty one."""
    return context.get("feedback_form") or MeldingForm()
