"""Widgets of the offer form."""

from django import forms
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _


class LanguagesWidget(forms.CheckboxSelectMultiple):
    """The languages spoken: tick boxes in two groups (the common ones first, then all others
    by name), with a search box that hides the languages that do not match what the editor
    types. Without JavaScript every language is shown and the search box is not."""

    template_name = "aanbod/widgets/languages.html"
    search_label = _("Zoek een taal")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["search_label"] = self.search_label
        context["widget"]["chosen"] = [
            label
            for _group, options, _index in context["widget"]["optgroups"]
            for option in options
            if option["selected"]
            for label in [option["label"]]
        ]
        return context

    def _render(self, template_name, context, renderer=None):
        # With the project's templates (templates/aanbod/widgets/), where the texts are
        # found for translation, not only the form renderer's. The result is a SafeString.
        return render_to_string(template_name, context)

    class Media:
        js = ["aanbod/talen.js"]
        css = {"all": ["aanbod/talen.css"]}
