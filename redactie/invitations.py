"""Adding a person to a buurt, a wijk or an organisation in one step: the administrator fills
in a name and e-mail address, the person gets an e-mail with a link to set a password."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from aanbod.models import Organisatie
from aanbod.public import public_url
from buurten.models import BuurtPage, WijkPage

from .mail import reply_address, sender
from .roles import INITIATIVE_EDITORS, buurt_group, wijk_group


class BuurtChoiceIterator(forms.models.ModelChoiceIterator):
    """The buurten in a group per wijk (an <optgroup>), the wijken in their order."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        buurten = list(self.queryset)
        wijken = dict(
            WijkPage.objects.filter(
                path__in={b.path[: -BuurtPage.steplen] for b in buurten}
            ).values_list("path", "title")
        )
        groups = {}
        for buurt in buurten:
            groups.setdefault(wijken.get(buurt.path[: -BuurtPage.steplen], ""), []).append(
                self.choice(buurt)
            )
        for wijk in sorted(groups):
            yield (wijk, groups[wijk])


class BuurtChoiceField(forms.ModelChoiceField):
    iterator = BuurtChoiceIterator


class InvitationForm(forms.Form):
    ROLE_CHOICES = [
        ("buurt", gettext_lazy("Redacteur van een buurt")),
        ("wijk", gettext_lazy("Coördinator van een wijk")),
        ("organisatie", gettext_lazy("Redacteur van een organisatie")),
    ]

    first_name = forms.CharField(label=gettext_lazy("Voornaam"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("E-mailadres"))
    role = forms.ChoiceField(
        label=gettext_lazy("Rol"), choices=ROLE_CHOICES, widget=forms.RadioSelect
    )
    buurt = BuurtChoiceField(
        label=gettext_lazy("Buurt"), queryset=BuurtPage.objects.order_by("title"), required=False
    )
    wijk = forms.ModelChoiceField(
        label=gettext_lazy("Wijk"), queryset=WijkPage.objects.order_by("title"), required=False
    )
    organisatie = forms.ModelChoiceField(
        label=gettext_lazy("Organisatie"), queryset=Organisatie.objects.all(), required=False
    )

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role and not cleaned.get(role):
            self.add_error(
                role,
                _("Kies bij welke %(role)s deze persoon hoort.")
                % {"role": str(self.fields[role].label).lower()},
            )
        return cleaned


@transaction.atomic
def invite(request, data: dict):
    """Creates (or finds) the person, adds the role, and sends the e-mail to set a password."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=data["email"]).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            username=data["email"].lower(), email=data["email"], first_name=data["first_name"]
        )
        user.set_unusable_password()
        user.save()
    role = data["role"]
    if role == "buurt":
        user.groups.add(buurt_group(data["buurt"]))
        place = data["buurt"].title
    elif role == "wijk":
        user.groups.add(wijk_group(data["wijk"]))
        place = data["wijk"].title
    else:
        user.groups.add(Group.objects.get(name=INITIATIVE_EDITORS))
        data["organisatie"].editors.add(user)
        place = data["organisatie"].name
    link = public_url(
        reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    reply_to = reply_address(request.user)
    context = {
        "user": user,
        "place": place,
        "link": link,
        "created": created,
        "invited_by": request.user,
        "login_url": public_url(reverse("wagtailadmin_login")),
        "reply_to": reply_to,
    }
    EmailMessage(
        subject=_("Welkom bij Buurtwijzer Utrecht"),
        body=render_to_string("redactie/invitations/email.txt", context),
        from_email=sender(),
        to=[user.email],
        reply_to=[reply_to] if reply_to else None,
    ).send()
    return user, place


def invitation_view(request):
    if not request.user.has_perm("auth.add_user"):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, place = invite(request, form.cleaned_data)
        messages.success(
            request,
            _("%(name)s is uitgenodigd voor %(place)s. Er is een e-mail gestuurd naar %(email)s.")
            % {"name": user.first_name or user.email, "place": place, "email": user.email},
        )
        return redirect("redactie_invitation")
    return TemplateResponse(request, "redactie/invitations/form.html", {"form": form})
