"""Walk a wizard with Django's test client, step by step, like a person without JavaScript."""

from django.urls import reverse

from postings.models import CoverageRequest


def step_url(draft, step):
    return reverse("postings:wizard_step", kwargs={"pk": draft.pk, "step": step})


def post_step(client, draft, step, data, prefix, **extra):
    client.get(step_url(draft, step))  # a person sees the page before sending it
    payload = {f"{prefix}-current_step": step}
    for key, value in data.items():
        payload[key if key.startswith(("places-", "__")) else f"{step}-{key}"] = value
    payload.update(extra)
    return client.post(step_url(draft, step), payload)


def start(client, kind):
    response = client.post(reverse("postings:start", args=[kind]))
    assert response.status_code == 302
    return CoverageRequest.objects.latest("pk")


def places_data(places, share=False):
    data = {
        "places-TOTAL_FORMS": str(len(places)),
        "places-INITIAL_FORMS": "0",
        "places-MIN_NUM_FORMS": "1",
        "places-MAX_NUM_FORMS": "1000",
    }
    for i, place in enumerate(places):
        for key, value in place.items():
            data[f"places-{i}-{key}"] = value
    return data


# A place of work every posting wizard test can use: a Belgian company with its address.
COMPANY = {
    "country": "BE",
    "location_type": "company",
    "name": "Brugbouw NV",
    "identification_number": "0123456789",
    "street": "Rue Haute",
    "house_number": "5",
    "postal_code": "1000",
    "town": "Brussels",
}
CONDITIONS = {
    "start": "2025-03-01",
    "end": "2025-12-31",
    "insured_30_days": "yes",
    "host_contract": "no",
    "host_can_change_pay": "no",
    "host_can_dismiss": "no",
    "host_can_discipline": "no",
    "host_hires_out": "no",
    "employer_substantial_activity": "yes",
    "replaces_posted_worker": "no",
    "mission": "Building a bridge",
    "language": "nl",
}
CONTACT = {
    "family_name": "Vries",
    "given_names": "Eva",
    "company": "Van Dijk Bouw B.V.",
    "phone": "+31 20 123 4567",
}
