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
