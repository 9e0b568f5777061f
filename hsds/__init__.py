"""Open Referral HSDS 3.0: import and export of offers as "compiled" service objects.

- ``parse``: check service objects and turn them into plain dataclasses;
- ``load``: write parsed services to the database, all or nothing or only the valid ones,
  with a report per service;
- ``extra``: what a partner sent that the site does not model, kept and exported again;
- ``dump``: an offer as a service object; ``shared_offers`` says which offers partners get;
- ``api``: the read-only API; ``management/commands``: ``import_hsds`` and ``export_hsds``.

See README.md in this folder for the format and the mapping to AanbodPage.
"""
