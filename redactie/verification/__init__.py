"""Keeping offers current: "Klopt nog", the "Te controleren" dashboard panel, the reminder
e-mails with one-click confirm links, and the note to the coordinators.

- ``rules``: when an offer is due (6 months) or stale (12 months), and who answers for it;
- ``confirm``: confirming an offer (a published revision) and the signed confirm links;
- ``reminders``: the e-mails (the command ``send_verification_reminders`` and a task);
- ``views`` and ``admin``: the public confirm page, the admin action, buttons and panel.
"""
