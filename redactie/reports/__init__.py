"""'Klopt er iets niet?': the short form on every offer page, its spam protection (a
honeypot and a rate limit) and the editors' inbox in the admin (Meldingen).

- ``forms``: the form and how hostile input is cleaned or refused;
- ``views``: the form's POST view (Post/Redirect/Get), with its limits: at most a few reports
  per visitor per hour, and a cap for everyone together (``security.limits``);
- ``admin``: who sees which report, and the inbox (a ``SnippetViewSet``).
"""
