"""State names in the wizard follow the reader's language, whatever language the process started in."""

from django.utils import translation

from postings.forms.steps import AddressForm


def test_state_choices_are_named_and_sorted_in_the_readers_language():
    with translation.override("en"):
        english = str(AddressForm()["temp_country"])
    with translation.override("nl"):
        dutch = str(AddressForm()["temp_country"])
    with translation.override("de"):
        german = str(AddressForm()["temp_country"])
    assert ">Belgium<" in english and ">België<" in dutch and ">Belgien<" in german
    assert "Choose a state" in english and "Choose a state" not in dutch


def test_the_chosen_state_is_marked_in_every_language_and_only_there():
    """The options are written once per language and reused: each page still marks its own choice."""
    for language, belgium in (("en", "Belgium"), ("nl", "België"), ("en", "Belgium")):
        with translation.override(language):
            chosen = str(AddressForm(data={"temp_differs": "yes", "temp_country": "BE"})["temp_country"])
            other = str(AddressForm(data={"temp_differs": "yes", "temp_country": "LU"})["temp_country"])
            empty = str(AddressForm()["temp_country"])
        assert f'<option value="BE" selected>{belgium}</option>' in chosen
        assert chosen.count(" selected") == 1 and '<option value="BE">' in other
        assert '<option value="LU" selected>' in other
        assert empty.count(" selected") == 1 and '<option value="" selected>' in empty


def test_a_required_state_select_is_marked_required_and_an_optional_one_is_not():
    from postings.forms.steps import PlaceForm

    with translation.override("nl"):
        place = str(PlaceForm(prefix="places-0")["country"])
        address = str(AddressForm()["temp_country"])  # asked only when the address differs
    assert "<select" in place and " required" in place.split(">")[0]
    assert " required" not in address.split(">")[0]


def test_the_consult_filter_checks_a_state_in_the_readers_language(db):
    from postings.filters import RequestFilter
    from postings.models import CoverageRequest

    with translation.override("nl"):
        assert RequestFilter(data={"state_of_work": "BE"}, queryset=CoverageRequest.objects.none()).is_valid()
        wrong = RequestFilter(data={"state_of_work": "XX"}, queryset=CoverageRequest.objects.none())
        assert not wrong.is_valid() and "state_of_work" in wrong.errors


def test_a_state_is_checked_against_the_list_in_every_language():
    """StateField checks the code against the set of codes: a listed state passes in any language,
    a code not in the list (or not upper case, as the list writes them) is refused as not listed."""
    import pytest
    from django.core.exceptions import ValidationError

    from postings.forms.steps import country_field

    field = country_field("State")
    for language in ("en", "nl", "fr", "de"):
        with translation.override(language):
            assert field.clean("BE") == "BE" and field.clean("GR") == "GR"
            for wrong in ("ZZ", "be", "Belgium"):
                with pytest.raises(ValidationError) as raised:
                    field.clean(wrong)
                assert raised.value.code == "invalid_choice"


def test_the_summary_names_a_state_in_the_readers_language():
    """The check-answers and request pages show the chosen state by the name the select used."""
    from postings.forms.steps import PlaceForm
    from postings.wizards.summary import display

    field = PlaceForm.base_fields["country"]
    with translation.override("nl"):
        assert display(field, "BE") == "België"
    with translation.override("de"):
        assert display(field, "BE") == "Belgien"
    with translation.override("en"):
        assert display(field, "BE") == "Belgium" and display(field, "XX") == "XX"
