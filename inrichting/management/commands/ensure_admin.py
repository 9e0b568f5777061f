import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Maakt een beheerder 'admin' als er nog geen beheerder is. Het wachtwoord staat "
        "alleen nu in beeld. Vergeten? Gebruik: python manage.py changepassword admin"
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Er is al een beheerder. Wachtwoord vergeten? "
                "Gebruik: python manage.py changepassword admin"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Beheerder aangemaakt. Log in op /admin/ met gebruiker '{username}' en "
                f"wachtwoord '{password}'. Dit wachtwoord ziet u maar één keer."
            )
        )
