"""Two-step login (TOTP, with an authenticator app) for the Wagtail admin, built on django-otp.

Optional for editors; required for superusers and the "Beheerders" group: until they have set
it up, every admin page sends them to the set-up page. Anyone who has set it up is asked for a
code after the password, once per session."""
