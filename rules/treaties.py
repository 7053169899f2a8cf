"""Bilateral treaties of the issuing state, and national law where nothing coordinates.

legislation.md 1.6: the Dutch treaty countries with their maximum posting periods. For
non-treaty, non-regulation countries no coordination applies: each state's national law
decides, so double cover or no cover is possible; the Dutch starting point is that a worker
sent from the Netherlands stays insured there, and there is no PD A1 or certificate of
coverage (S001 §18.1.3, §18.2.1).
"""

from __future__ import annotations

from . import data
from .dates import ONE_DAY, Duration, add_months, anniversary, describe_duration, exceeds_months
from .i18n import N_, Term
from .outcome import Outcome
from .reasons import Trace
from .reg883.art12 import _months
from .situation import Situation

CERTIFICATE = "treaty certificate"


def _limit_text(months: int) -> Duration:
    # A Duration, so the pages say the span in the reader's language ("60 maanden").
    if months % 12 == 0 and months >= 36:
        return Duration.worded(f"{months // 12} years ({months} months)", months, 0)
    return Duration.worded(f"{months} months", months, 0)


def decide(sit: Situation, states: frozenset[str], tr: Trace, issuer: str) -> Outcome:
    """Entry point for situations no EU instrument coordinates."""
    treaties = data.TREATIES_BY_ISSUER.get(issuer, {})
    others = states - {issuer}
    if issuer in states and len(others) == 1:
        other = next(iter(others))
        treaty = treaties.get(other)
        if treaty is not None:
            tr.check("TREATY_APPLIES", True, treaty_name=treaty.name, issuer=issuer, other=other)
            out = _treaty(sit, treaty, other, tr, issuer)
            if out is not None:
                return out
            return national(sit, states, tr, issuer, uncoded=treaty)
    else:
        routed = _routed_posting(sit, treaties, tr, issuer)
        if routed is not None:
            return routed
    return national(sit, states, tr, issuer)


def _routed_posting(
    sit: Situation, treaties: dict[str, data.Treaty], tr: Trace, issuer: str
) -> Outcome | None:
    """legislation.md 1.6, India: the agreement "also covers postings routed via a third country".
    A posting between the issuing state and India, work only in the host state and the employers
    seated in the two, where the worker lives in a third state (on the way from one to the other),
    is a posting under the agreement; it was answered by national law ("no coordination instrument
    applies")."""
    p = sit.posting
    if p is None or issuer not in (p.sending_state, p.host_state):
        return None
    other = p.host_state if p.sending_state == issuer else p.sending_state
    treaty = treaties.get(other)
    parties = {issuer, other}
    if (
        treaty is None
        or not treaty.covers_routed_postings
        or {w.country for w in sit.work} != {p.host_state}
        or not {e.seat for e in sit.employers} <= parties
        or sit.residence in parties
    ):
        return None
    tr.check("TREATY_APPLIES", True, treaty_name=treaty.name, issuer=issuer, other=other)
    tr.warn(
        N_(
            "The worker lives in {state}, outside {issuer} and {other}; the {treaty_name} also covers "
            "postings routed via a third country."
        ),
        state=sit.residence,
        issuer=issuer,
        other=other,
        treaty_name=treaty.name,
    )
    return _treaty(sit, treaty, other, tr, issuer)


def _treaty(sit: Situation, t: data.Treaty, other: str, tr: Trace, issuer: str) -> Outcome | None:
    etype = sit.employment_type
    p = sit.posting
    if etype == "inactive":
        return None  # treaties designate for workers; national law decides for others
    agreed = _agreement(sit, t, tr, {issuer, other})
    if agreed is not None:
        return agreed
    if etype in ("seafarer", "flight_crew"):
        rule = t.seafarer_rule if etype == "seafarer" else t.aircrew_rule
        if rule is not None:
            state = sit.residence if rule == "residence" else sit.employers[0].seat
            crew = Term(N_("seafarers")) if etype == "seafarer" else Term(N_("aircrew"))
            tr.check(
                "TREATY_CREW_RULE",
                True,
                source=f"{t.source.split(' Art.')[0]} Art. {t.special_article}",
                crew=crew,
                state=state,
            )
            return _out(state, t, t.special_article, p)
    if etype == "civil_servant":
        state = sit.employers[0].seat
        tr.warn(
            N_(
                "Civil servants normally stay under the legislation of the employing administration "
                "({state}); the article of the {treaty_name} is not recorded, check it with the institution."
            ),
            state=state,
            treaty_name=t.name,
        )
        return _out(state, t, "", p)
    if p is not None and {p.sending_state, p.host_state} == {issuer, other}:
        return _posting(sit, t, tr)
    work_states = sorted({w.country for w in sit.work})
    single = len(work_states) == 1
    tr.check(
        "TREATY_STATE_OF_WORK",
        single,
        treaty_name=t.name,
        state=work_states[0],
        states=", ".join(work_states),
    )
    if not single:
        tr.warn(
            N_(
                "The {treaty_name} has its own rules for work in both states; the engine does not encode them."
            ),
            treaty_name=t.name,
        )
        return None
    tr.warn(
        N_(
            "The {treaty_name} applies its general rule (the state of work); the article number is not recorded here."
        ),
        treaty_name=t.name,
    )
    return _out(work_states[0], t, "", None)


def _agreement(sit: Situation, t: data.Treaty, tr: Trace, parties: set[str]) -> Outcome | None:
    """legislation.md 1.6: most treaties allow a longer posting, or another exception, by agreement
    between the competent authorities (India, Japan "longer by agreement"; Cape Verde, Morocco
    "12 more months with the host state's consent"). An agreement for one of the two parties in
    force on the reference date decides, as Art. 16(1) does under the regulation; the treaty's
    article for it is not recorded."""
    p = sit.posting
    agr = p.art16_agreement if p is not None else None
    if agr is None or agr.state not in parties:
        return None
    ref = sit.reference_date
    covers = agr.start <= ref <= agr.end
    figures = {
        "state": agr.state,
        "start": agr.start.isoformat(),
        "end": agr.end.isoformat(),
        "date": ref.isoformat(),
    }
    # legislation.md 1.6: for Cape Verde and Morocco the posting article itself gives "12 months + 12
    # with host consent" (Art. 7), for Tunisia "12 months, extendable with consent" (Art. 3): the
    # host state's consent to keep the sending state's legislation, within that bound, is that
    # article, not an exception whose article is unknown.
    consented = (
        t.consent_in_posting_article
        and p.sending_state == agr.state
        and {p.sending_state, p.host_state} == parties
        and (t.consent_max_months is None or not exceeds_months(p.start, p.end, t.consent_max_months))
    )
    tr.check(
        "ART16_1_AGREEMENT",
        covers,
        provision=t.source if consented else f"{t.name}: exception by agreement [article not recorded]",
        **figures,
    )
    if not covers:
        tr.warn(
            N_(
                "An exception agreement with {state} exists for {start} to {end}, which does not include "
                "{date}; the ordinary rules decide."
            ),
            **figures,
        )
        return None
    article = t.posting_article if consented else ""
    return Outcome(agr.state, t.treaty_id, article, certificate=CERTIFICATE, period=(agr.start, agr.end))


def _posting(sit: Situation, t: data.Treaty, tr: Trace) -> Outcome:
    """Treaty posting rule: the sending state's legislation continues for a posting up to the
    treaty's maximum; the SVB also requires at least 1 month of insurance just before and the
    continued employment relationship with the sending employer (S001 §18.2.1; SVB)."""
    p = sit.posting
    results = []
    if t.posting_max_months is None:
        tr.warn(
            N_(
                "The maximum posting period of the {treaty_name} is not recorded; check it with the SVB before relying on this answer."
            ),
            treaty_name=t.name,
        )
    else:
        within = tr.check(
            "TREATY_POSTING_MAX",
            not exceeds_months(p.start, p.end, t.posting_max_months),
            source=t.source,
            duration=describe_duration(p.start, p.end),
            limit=_limit_text(t.posting_max_months),
        )
        results.append(within or _consent_extends(p, t, tr))
    months = p.insured_in_sending_state_months_before
    results.append(
        tr.check(
            "TREATY_PRIOR_INSURANCE",
            months is not None and months >= data.PRIOR_INSURANCE_MONTHS,
            sending=p.sending_state,
            months=_months(months),
            minimum=data.PRIOR_INSURANCE_MONTHS,
        )
    )
    previous = p.previous_posting_same_employer_host_end
    if t.fresh_posting_gap_months is not None and previous is not None:
        earliest = add_months(previous, t.fresh_posting_gap_months)
        results.append(
            tr.check(
                "TREATY_FRESH_POSTING_GAP",
                p.start >= earliest,
                source=t.source,
                previous=previous.isoformat(),
                start=p.start.isoformat(),
                earliest=earliest.isoformat(),
                gap=t.fresh_posting_gap_months,
            )
        )
    joined = (
        t.successive_postings_months is not None
        and previous is not None
        and p.start < add_months(previous, t.successive_postings_months)
    )
    if (
        joined
        and t.posting_max_months is not None
        and not exceeds_months(p.start, p.end, t.posting_max_months)
        and exceeds_months(p.start - ONE_DAY, p.end, t.posting_max_months)
    ):
        # legislation.md 1.6 (South Korea): postings less than 12 months apart count as one. The
        # previous posting's start is not in the input, but it lasted at least its last day; when
        # this posting alone already takes the whole maximum, the two together exceed it.
        results.append(
            tr.check(
                "TREATY_SUCCESSIVE_POSTINGS",
                False,
                source=t.source,
                previous=previous.isoformat(),
                months=t.successive_postings_months,
                duration=describe_duration(p.start, p.end),
                limit=_limit_text(t.posting_max_months),
            )
        )
    elif t.successive_postings_months is not None and previous is not None and not joined:
        results.append(
            tr.check(
                "TREATY_SUCCESSIVE_POSTINGS",
                True,
                source=t.source,
                previous=previous.isoformat(),
                months=t.successive_postings_months,
            )
        )
    elif joined:
        tr.warn(
            N_(
                "Under the {treaty_name} postings less than {months} months apart count as one: add the previous "
                "posting that ended on {previous} to this one before relying on the maximum."
            ),
            treaty_name=t.name,
            months=t.successive_postings_months,
            previous=previous.isoformat(),
        )
    if t.excludes_host_employer and sit.employment_type != "self_employed":
        host_seats = [e.seat for e in sit.employers if e.seat == p.host_state]
        results.append(
            tr.check("TREATY_NO_HOST_EMPLOYER", not host_seats, source=t.source, host=p.host_state)
        )
    if sit.employment_type != "self_employed":
        results.append(tr.check("TREATY_DIRECT_RELATIONSHIP", p.direct_relationship_maintained))
    else:
        tr.warn(
            N_(
                "The treaty figures recorded here are for employees; check the self-employed rule of the treaty."
            )
        )
    if all(results):
        if t.statement_due_months is not None:
            # legislation.md 1.6 (Egypt, North Macedonia, New Zealand): the detachment statement is
            # due within the first 3 months; it does not change the answer, but the employer must
            # know it (determination.md, warnings).
            tr.warn(
                N_(
                    "Under the {treaty_name} the detachment statement must be asked for within the first "
                    "{months} months of the posting, that is by {date}."
                ),
                treaty_name=t.name,
                months=t.statement_due_months,
                date=(add_months(p.start, t.statement_due_months) - ONE_DAY).isoformat(),
            )
        return _out(p.sending_state, t, t.posting_article, p)
    if t.posting_max_months is not None and exceeds_months(p.start, p.end, t.posting_max_months):
        if t.extension_note:
            tr.warn(
                N_(
                    "The posting exceeds the maximum of the {treaty_name} ({note}); ask the SVB for an extension. "
                    "Without one the treaty's general rule makes {host} legislation apply."
                ),
                treaty_name=t.name,
                note=t.extension_note,
                host=p.host_state,
            )
        else:
            tr.warn(
                N_(
                    "The posting exceeds the maximum of the {treaty_name}; ask the SVB for an extension. "
                    "Without one the treaty's general rule makes {host} legislation apply."
                ),
                treaty_name=t.name,
                host=p.host_state,
            )
    return _out(p.host_state, t, "", p)


def _consent_extends(p, t: data.Treaty, tr: Trace) -> bool:
    """legislation.md 1.6: for Cape Verde and Morocco the maximum is "12 months + 12 with host
    consent", for Tunisia "12 months, extendable with consent": the host state's consent is part of
    the posting article, so a posting that the consent takes to its end is a posting under that
    article from its first day. An agreement covering only the months beyond the 12 (the usual
    extension) decided those months, but the first 12 were refused and answered with the host
    state: a 24-month posting to Cape Verde with consent for the second year gave CV legislation in
    the first year and NL in the second. The consent must run on from the end of the 12 months to
    the posting's end, within the most the article allows (``consent_max_months``)."""
    agr = p.art16_agreement
    if not t.consent_in_posting_article or agr is None or agr.state != p.sending_state:
        return False
    ok = (
        agr.start <= anniversary(p.start, t.posting_max_months)
        and agr.end >= p.end
        and (t.consent_max_months is None or not exceeds_months(p.start, p.end, t.consent_max_months))
    )
    return tr.check(
        "TREATY_HOST_CONSENT",
        ok,
        source=t.source,
        base=_limit_text(t.posting_max_months),
        sending=p.sending_state,
        start=agr.start.isoformat(),
        end=agr.end.isoformat(),
        posting_end=p.end.isoformat(),
    )


def _out(state: str, t: data.Treaty, article: str, p) -> Outcome:
    return Outcome(
        state,
        t.treaty_id,
        article,
        certificate=CERTIFICATE,
        period=(p.start, p.end) if p is not None else None,
    )


def national(
    sit: Situation, states: frozenset[str], tr: Trace, issuer: str, uncoded: data.Treaty | None = None
) -> Outcome:
    """Where nothing coordinates: ``national:XX`` when the issuing state XX is the sending state,
    the state of residence or the employer's seat and its national rule is known; else ``none``.
    ``uncoded``: a treaty covers the states but none of its rules that the engine encodes decides
    (legislation.md 1.6 gives no rule for work in both states at once); the answer is the same,
    but the reason and warnings say so instead of "no coordination instrument applies"."""
    p = sit.posting
    linked = (
        (p is not None and p.sending_state == issuer)
        or sit.residence == issuer
        or any(e.seat == issuer for e in sit.employers)
    )
    reference = data.NATIONAL_RULES.get(issuer)
    code = "NATIONAL_RULE" if uncoded is None else "NATIONAL_RULE_TREATY_NOT_ENCODED"
    treaty_figures = {"treaty_name": uncoded.name} if uncoded is not None else {}
    if linked and reference is not None:
        tr.check(code, True, reference=reference, state=issuer, issuer=issuer, **treaty_figures)
        if uncoded is None:
            tr.warn(
                N_(
                    "No coordination instrument applies: each state's own law decides, so the person may be "
                    "insured in {issuer} and in another state at the same time, or in neither."
                ),
                issuer=issuer,
            )
        else:
            tr.warn(
                N_(
                    "Until the institutions apply the {treaty_name}, each state's own law decides: the person "
                    "may be insured in {issuer} and in another state at the same time, or in neither."
                ),
                issuer=issuer,
                **treaty_figures,
            )
        tr.warn(
            N_(
                "No PD A1 or certificate of coverage exists for this situation; the {issuer} institution can "
                "only issue a national statement."
            ),
            issuer=issuer,
        )
        return Outcome(issuer, f"national:{issuer}", "", period=(p.start, p.end) if p is not None else None)
    tr.check(
        code, False, reference=reference or "national law", state=issuer, issuer=issuer, **treaty_figures
    )
    named = ", ".join(sorted(states))
    tr.warn(
        N_(
            "Nothing coordinates this situation and the engine knows no national rule for it: ask the social "
            "security institutions of {states} whether their law insures the person."
        ),
        states=named,
    )
    return Outcome(None, "none", "")
