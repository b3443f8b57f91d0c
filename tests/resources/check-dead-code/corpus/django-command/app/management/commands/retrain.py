from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "再学習する"

    def handle(self, *args, **options):
        self.stdout.write("ok")
