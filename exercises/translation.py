"""The catalogue's translated fields (django-modeltranslation): each gets a column per
language in settings.LANGUAGES beside it on the same row (name_en, name_es, ...), so a
plan item's select_related exercise brings its Spanish with it, without a query."""

from modeltranslation.translator import TranslationOptions, register

from exercises.models import TRANSLATED_FIELDS, Equipment, Exercise


@register(Exercise)
class ExerciseTranslation(TranslationOptions):
    fields = TRANSLATED_FIELDS


@register(Equipment)
class EquipmentTranslation(TranslationOptions):
    fields = ("name",)
