"""The three request wizards (formtools NamedUrlWizardView: a URL per step, a working back button),
with the draft request as storage."""

import re
import tempfile
import uuid
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlWizardView, StepsHelper

from accounts.acting import client_name
from coverage_portal.provision import provision_label
from coverage_portal.state_names import state_in_sentence

from ..models import ResidenceStatement
from ..selectors import any_request_get, employees_for
from ..services.drafts import (
    WIZARD_KEY,
    draft_save,
    draft_send,
    extension_errors,
    residence_statement_save,
)
from ..situation import determine_request
from ..status import Status
from ..wizards import conditions
from ..wizards.answers import answers_of
from ..wizards.steps import EMPLOYEE_STEPS, PERIOD_STEP, SHORT_TITLES, STEPS, step_title
from ..wizards.storage import DraftStorage
from ..wizards.summary import imo_warning_message, request_summary
from .common import employer_view
from .drafts import paper_route


def _needs_statement(wizard) -> bool:
    employee = wizard.draft.employee
    return conditions.needs_residence_statement(
        wizard.draft.type, employee.country.code if employee else None, settings.PORTAL_INSTITUTION["state"]
    )


class RequestWizard(NamedUrlWizardView):
    template_name = "postings/wizard.html"
    # Uploads never go through formtools' temporary storage: the statement is saved on the draft at once.
    file_storage = FileSystemStorage(location=tempfile.gettempdir())
    done_step_name = "done"

    # --- wiring the draft in -------------------------------------------------------------------------
    def dispatch(self, request, *args, **kwargs):
        self.draft = kwargs.pop("draft")
        self.employer = kwargs.pop("employer")
        # A consultant reads the client's name where the employer's staff read "your company".
        self.client_name = client_name(request)
        self.answers = {k: v for k, v in (self.draft.answers or {}).items() if k != WIZARD_KEY}
        self._initial_override = None
        self.prefix = self.get_prefix(request, *args, **kwargs)
        self.storage = DraftStorage(self.prefix, request, self.file_storage, draft=self.draft)
        self.steps = StepsHelper(self)
        opened_at = self.storage.current_step
        self.sent = None
        response = View.dispatch(self, request, *args, **kwargs)
        if self.sent is None and (request.method == "POST" or self.storage.current_step != opened_at):
            draft_save(
                actor=request.user,
                draft=self.draft,
                answers={**self.answers, WIZARD_KEY: self.storage.data},
                wizard_step=self.storage.current_step or "",
            )
        self.storage.update_response(response)
        return response

    def get_step_url(self, step):
        return reverse("postings:wizard_step", kwargs={"pk": self.draft.pk, "step": step})

    # --- forms ---------------------------------------------------------------------------------------
    def get_form_kwargs(self, step=None):
        if step == "employee":
            return {"employees": employees_for(self.request.user, self.employer)}
        if step == "relationship":
            # The date of entry cannot come before the chosen employee's 14th birthday.
            employee = self.draft.employee
            return {"birth_date": employee.birth_date if employee else None, "client_name": self.client_name}
        if step == "places":
            return {"kind": self.draft.type, "states": (self.answers.get("states") or {}).get("states") or []}
        if step == "statement":
            return {
                "has_statement": ResidenceStatement.objects.filter(request=self.draft).exists(),
                "in_browser": True,
            }
        if step == PERIOD_STEP[self.draft.type] and self.draft.extends_id:
            return {"extension_check": partial(extension_errors, self.draft)}
        if step == "contact":
            return {"client_name": self.client_name}
        return {}

    def get_form_initial(self, step):
        if self._initial_override is not None and step == self.steps.current:
            return self._initial_override
        reused = (self.storage.extra_data.get("initial") or {}).get(step)
        if step == "places":
            return reused or None
        initial = {}
        employee = self.draft.employee
        if step == "relationship" and employee is not None:
            initial["date_of_entry"] = employee.date_of_entry
        if step == "address" and employee is not None:
            initial.update(directory_temporary_address(employee))
        if step == "contact":
            # The person filling in is the contact: a consultant at the firm that files for its
            # client, so the firm's name and address, not the client's.
            user = self.request.user
            company = self.draft.representative if self.draft.representative_id else self.employer
            initial.update(
                family_name=user.last_name,
                given_names=user.first_name,
                company=company.name,
                street=company.street,
                postal_code=company.postal_code,
                town=company.town,
                country=company.country.code,
                phone=company.phone,
                email=user.email,
            )
        initial.update(reused or {})
        return initial

    def get_form(self, step=None, data=None, files=None):
        if step is None:
            step = self.steps.current
        if step == "check" and self.request.method == "GET" and self.kwargs.get("step") == "check":
            data = None  # a fresh submission key each time the page is shown
        form = super().get_form(step, data, files)
        if step == "check" and not form.is_bound:
            form.initial["submission_key"] = uuid.uuid4().hex
        return form

    def process_step(self, form):
        step = self.steps.current
        self.answers[step] = answers_of(form)
        if step == "employee":
            chosen = form.cleaned_data["employee"]
            if self.draft.employee_id not in (None, chosen.pk):
                # Another employee: their temporary address and date of entry are asked again (prefilled
                # from the personnel directory), not carried over from the one chosen before.
                for later in EMPLOYEE_STEPS[1:]:
                    self.storage.data[self.storage.step_data_key].pop(later, None)
                    self.answers.pop(later, None)
            self.draft.employee = chosen
        for number in imo_warnings(form):
            messages.warning(self.request, imo_warning_message(number))
        if step == "statement":
            residence_statement_save(
                actor=self.request.user,
                draft=self.draft,
                upload=form.cleaned_data.get("file"),
                statement_date=form.cleaned_data["statement_date"],
            )
        return super().process_step(form)

    def process_step_files(self, form):
        return {}

    def get_form_step_data(self, form):
        if hasattr(form, "forms"):  # the places formset
            return kept_places_data(form)
        return super().get_form_step_data(form)

    def post(self, *args, **kwargs):
        post = self.request.POST
        if "save_later" in post:
            return self.save_for_later(post)
        if "search" in post or "add_place" in post:
            management = ManagementForm(post, prefix=self.prefix)
            if management.is_valid():
                self.storage.current_step = management.cleaned_data["current_step"]
            if "search" in post and self.steps.current == "employee":
                self._initial_override = {"query": post.get("employee-query", "")}
                return self.render(self.get_form())
            if "add_place" in post and self.steps.current == "places":
                bound = self.get_form(data=post)
                keep = [f for f in bound.forms if not (f["DELETE"].value())]
                self._initial_override = [
                    {name: f[name].value() for name in f.fields if name != "DELETE"} for f in keep
                ] + [{}]
                return self.render(self.get_form())
        if post.get("wizard_goto_step"):
            # "Previous" is a button of this page's form: what was typed here is kept, as "Save and
            # continue later" keeps it (formtools drops it, and a person who went back to check an
            # earlier answer found this page empty again). A page left untouched stays unanswered,
            # so it does not greet the person with errors when they come back.
            self.keep_page(post, only_if_changed=True)
        return super().post(*args, **kwargs)

    def keep_page(self, post, only_if_changed=False):
        """Store what is on this page: its answers when complete, else as typed (the person sees it,
        with what is missing, when they come back to it)."""
        management = ManagementForm(post, prefix=self.prefix)
        if management.is_valid():
            self.storage.current_step = management.cleaned_data["current_step"]
        step = self.steps.current
        form = self.get_form(data=post, files=self.request.FILES)
        if only_if_changed and not form.has_changed():
            return
        if form.is_valid():
            self.storage.set_step_data(step, self.process_step(form))
        else:
            typed = {key: values for key, values in post.lists() if key.startswith(f"{step}-")}
            self.storage.set_step_data(step, typed)

    def save_for_later(self, post):
        """'Save and continue later': keep what is on this page too, then go to My drafts."""
        self.keep_page(post)
        messages.success(self.request, _("Your answers are saved. You can continue from My drafts."))
        return redirect("postings:drafts")

    # --- pages ---------------------------------------------------------------------------------------
    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        steps = list(self.get_form_list())
        returning = self.returning_to_check() and step != "check"
        prev_url = self.get_step_url(self.steps.prev) if self.steps.prev else None
        context.update(
            draft=self.draft,
            step_title=step_title(step, self.client_name),
            step_number=steps.index(step) + 1,
            step_count=len(steps),
            prev_url=self.get_step_url("check") if returning else prev_url,
            returning_to_check=returning,
            error_list=error_list(form),
            issuing_state=settings.PORTAL_INSTITUTION["state"],
            employee=self.draft.employee,
        )
        if step == "check":
            self.draft.answers = self.answers
            outcome = determine_request(self.draft)
            determination = outcome["determination"]
            context.update(
                summary=request_summary(self.draft, client_name=self.client_name),
                step_titles=SHORT_TITLES,
                outcome=outcome,
                determination=determination,
                legislation_name=state_in_sentence(determination["legislation"], "of")
                if determination and determination.get("legislation")
                else "",
                provision_label=provision_label(determination.get("provision")) if determination else "",
                not_issuing=conditions.not_issuing_state_legislation(
                    determination, settings.PORTAL_INSTITUTION["state"]
                ),
                offers_art16=conditions.offers_art16(
                    self.draft.type, determination, settings.PORTAL_INSTITUTION["state"]
                ),
            )
        return context

    # --- "Change" from check-your-answers comes back there -------------------------------------------
    def returning_to_check(self) -> bool:
        return self.request.GET.get("return") == "check" or bool(self.request.POST.get("return_to_check"))

    def render_next_step(self, form, **kwargs):
        if not self.returning_to_check():
            return super().render_next_step(form, **kwargs)
        # Back to check-your-answers, unless the change makes a later step incomplete (say, other states
        # for simultaneous occupation whose places no longer fit): then that step first.
        target = self.first_incomplete_step_after(self.steps.current) or "check"
        self.storage.current_step = target
        url = self.get_step_url(target)
        return redirect(url if target == "check" else f"{url}?return=check")

    def first_incomplete_step_after(self, step):
        names = [name for name in self.get_form_list() if name != "check"]
        for name in names[names.index(step) + 1 :]:
            data = self.storage.get_step_data(name)
            if data is None:
                return name
            form = self.get_form(name, data=data, files=self.storage.get_step_files(name))
            if not form.is_valid():
                return name
        return None

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        messages.error(self.request, _("Some answers need your attention before the request can be sent."))
        return super().render_revalidation_failure(failed_step, form, **kwargs)

    def done(self, form_list, form_dict=None, **kwargs):
        answers = {}
        for step, form in form_dict.items():
            answers[step] = answers_of(form)
        answers[WIZARD_KEY] = self.storage.data
        self.answers = {k: v for k, v in answers.items() if k != WIZARD_KEY}
        try:
            # The last answers are stored and the request sent in one transaction.
            sent = draft_send(
                actor=self.request.user,
                draft=self.draft,
                submission_key=form_dict["check"].cleaned_data["submission_key"],
                answers=answers,
            )
        except ValidationError as exc:
            draft_save(actor=self.request.user, draft=self.draft, answers=answers, wizard_step="check")
            for message in exc.messages:
                messages.error(self.request, message)
            return redirect(self.get_step_url("check"))
        self.sent = sent
        return redirect("postings:confirmation", pk=sent.pk)


def kept_places_data(formset) -> QueryDict:
    """The places page as posted (a valid formset), without the places marked "Remove this place" or
    added and left empty, renumbered. Stored as posted, a removed place came back, still ticked, when
    the person went back to the page without JavaScript (the script hides it)."""
    data, prefix = formset.data, formset.prefix
    removed = set(map(id, formset.deleted_forms))
    kept = [f for f in formset.forms if f.has_changed() and id(f) not in removed] or formset.forms[:1]
    compact = QueryDict(mutable=True)
    for key, values in data.lists():  # all but the places' own fields: the wizard's, the management form
        if not key.startswith(f"{prefix}-") or not key[len(prefix) + 1 :][:1].isdigit():
            compact.setlist(key, values)
    for n, form in enumerate(kept):
        for key, values in data.lists():
            if key.startswith(f"{form.prefix}-") and key != f"{form.prefix}-DELETE":
                compact.setlist(f"{prefix}-{n}-{key[len(form.prefix) + 1 :]}", values)
    compact[f"{prefix}-TOTAL_FORMS"] = str(len(kept))
    compact[f"{prefix}-INITIAL_FORMS"] = "0"
    return compact


def imo_warnings(form) -> list[str]:
    """The IMO numbers on a ship or places step whose check digit is wrong (a warning, not an error)."""
    forms = form.forms if hasattr(form, "forms") else [form]
    return [f.cleaned_data.get("imo_number") for f in forms if getattr(f, "imo_warning", False)]


def directory_temporary_address(employee) -> dict:
    """The address step's initial answers from the personnel directory's temporary address, if any.

    The directory keeps the street with its number ("Avenue Louise 120"); the step asks them apart.
    """
    if not (employee.temp_street or employee.temp_town):
        return {}
    street, number = (employee.temp_street or "").strip(), ""
    match = re.match(r"^(.*\D)\s+(\d+\S*)$", street)
    if match:
        street, number = match.group(1).strip(), match.group(2)
    return {
        "temp_differs": True,
        "temp_street": street,
        "temp_number": number,
        "temp_postal_code": employee.temp_postal_code or "",
        "temp_town": employee.temp_town or "",
        "temp_country": employee.temp_country.code if employee.temp_country else "",
    }


def field_anchor(field) -> str:
    """The id the error summary links to: the input itself, the first option of a radio group, or
    (for the employee step before a search found anyone) the search box."""
    widget = field.field.widget
    if getattr(widget, "input_type", None) == "radio":
        if field.name == "employee" and not getattr(field.form, "results", True):
            return field.form["query"].id_for_label
        return f"{field.auto_id}_0"
    return field.id_for_label


def error_list(form) -> list[dict]:
    """[{"anchor", "message"}] for the error summary, for a form or a formset. Every anchor is the id
    of an element on the page (tests/postings/test_accessibility.py checks it)."""
    if form is None or not form.is_bound:
        return []
    if hasattr(form, "forms"):  # the places formset
        errors = [{"anchor": "places", "message": e} for e in form.non_form_errors()]
        for n, place in enumerate(form.forms, start=1):
            place_errors = error_list(place)
            if len(form.forms) > 1:
                # "Enter the street." twice in the summary did not say which place lacked it.
                for error in place_errors:
                    error["message"] = _("Place of work %(n)s: %(message)s") % {
                        "n": n,
                        "message": error["message"],
                    }
            errors += place_errors
        return errors
    visible = form.visible_fields()
    first = field_anchor(visible[0]) if visible else ""
    errors = [{"anchor": first, "message": e} for e in form.non_field_errors()]
    for field in form:
        anchor = "" if field.is_hidden else field_anchor(field)
        errors += [{"anchor": anchor, "message": e} for e in field.errors]
    return errors


def _wizard_for(kind):
    form_list = STEPS[kind]
    condition_dict = {"statement": _needs_statement} if kind == "simultaneous" else {}
    return type(f"{kind.title()}Wizard", (RequestWizard,), {}).as_view(
        form_list=form_list,
        url_name="postings:wizard_step",
        done_step_name="done",
        condition_dict=condition_dict,
    )


WIZARDS = {kind: _wizard_for(kind) for kind in STEPS}


@employer_view
def wizard(request, employer, pk, step=None):
    draft = any_request_get(request.user, employer, pk)
    if draft.status != Status.DRAFT:
        # A second click on Send, or an old bookmark: show what the first one did.
        return redirect("postings:confirmation", pk=draft.pk)
    if not employer.established_in_issuing_state:
        return paper_route(request)
    return WIZARDS[draft.type](request, pk=pk, step=step, draft=draft, employer=employer)
