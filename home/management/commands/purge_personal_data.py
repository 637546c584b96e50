from django.core.management.base import BaseCommand

from home import retention


class Command(BaseCommand):
    help = (
        "Apply every retention rule the apps declare (home.personal_data; each period is a "
        "setting, shown on the privacy page) and report what each removed. Counts are kept. "
        "Safe to run daily."
    )

    def handle(self, *args, **options):
        for rule, count in retention.apply():
            self.stdout.write(rule.report % {"count": count, "days": rule.days})
