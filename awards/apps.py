from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        from awards.catalogue import individual_titles
        from registrations.titles import register_title_provider

        register_title_provider(individual_titles)
