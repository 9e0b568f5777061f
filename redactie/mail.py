"""The editorial e-mails: who they come from, in which language and how they greet. They are
sent from DEFAULT_FROM_EMAIL; an answer goes to a person who reads it, or, when the sender is a
"noreply" address and nobody else is known, the e-mail does not ask for one."""

from email.utils import parseaddr

from django.conf import settings


def sender() -> str:
    return settings.DEFAULT_FROM_EMAIL


def reply_address(person=None) -> str | None:
    """The address an answer goes to: ``person``'s (the administrator who invites), else the
    sender's, unless that is a noreply address."""
    if person is not None and getattr(person, "email", ""):
        return person.email
    address = parseaddr(sender())[1].lower()
    local = address.partition("@")[0].replace("-", "").replace("_", "")
    return None if not address or local in {"noreply", "donotreply"} else sender()


def language_of(user) -> str:
    """The language an e-mail to ``user`` is written in: the one chosen in their account."""
    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE


def greeting_name(user) -> str:
    """How an e-mail addresses ``user``: the first name, else the full name or username."""
    return user.first_name or user.get_full_name() or user.get_username()
