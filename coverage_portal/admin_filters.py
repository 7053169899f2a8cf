"""List filters the caseworker's admin pages share (requests, certificates, organisations)."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class UsedCountryFilter(admin.SimpleListFilter):
    """Only the states that occur in the list, by name: Django's filter for a country field offers
    all 250 states of the world, most of which would show an empty list. Subclasses set `title`,
    `parameter_name` (the field) and may narrow `rows`."""

    def rows(self, model_admin):
        return model_admin.model.objects.all()

    def lookups(self, request, model_admin):
        field = self.parameter_name
        codes = (
            self.rows(model_admin).exclude(**{field: ""}).order_by().values_list(field, flat=True).distinct()
        )
        return sorted(((code, countries.name(code) or code) for code in codes), key=lambda c: str(c[1]))

    def queryset(self, request, queryset):
        return queryset.filter(**{self.parameter_name: self.value()}) if self.value() else queryset


class LanguageFilter(admin.SimpleListFilter):
    """A certificate's language by name ("Nederlands"), not its code ("nl")."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return list(settings.LANGUAGES)

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset
