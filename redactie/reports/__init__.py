"""'Klopt er iets niet?': the short form on every offer page, its spam protection (a
honeypot and a rate limit) and the editors' inbox in the admin (Meldingen).

- ``forms``: the form and how hostile input is cleaned or refused;
- ``ratelimit``: at most a few reports per visitor per hour, and a cap for everyone together;
- ``views``: the form's POST view (Post/Redirect/Get);
- ``admin``: who sees which report, and the inbox (a ``SnippetViewSet``).
"""
