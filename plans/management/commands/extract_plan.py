import json

from django.core.management.base import BaseCommand, CommandError

from extraction import ExtractionError, extract_file


class Command(BaseCommand):
    help = "Print the structured draft of a plan document (.docx, .pdf, .txt, .md) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            draft = extract_file(path)
        except ExtractionError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(json.dumps(draft.to_dict(), ensure_ascii=False, indent=2))
