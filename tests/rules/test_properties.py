"""Properties with hypothesis: deterministic, total on valid input, clean errors on invalid input."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rules
from rules import data

COUNTRIES = sorted(data.EU27 | data.EEA_EFTA | {"CH", "GB", "US", "JP", "SG", "JE", "TR", "IN", "HR"})
dates = st.dates(
    min_value=__import__("datetime").date(2000, 1, 1), max_value=__import__("datetime").date(2035, 12, 31)
)
iso = dates.map(lambda d: d.isoformat())


@st.composite
def valid_situations(draw):
    etype = draw(
        st.sampled_from(
            [
                "employed",
                "self_employed",
                "civil_servant",
                "civil_servant_and_employed",
                "employed_and_self_employed",
                "seafarer",
                "flight_crew",
                "inactive",
            ]
        )
    )
    residence = draw(st.sampled_from(COUNTRIES))
    s = {"reference_date": draw(iso), "residence": residence, "employment_type": etype}
    if draw(st.booleans()):
        s["situation_start"] = draw(iso)
    if draw(st.booleans()):
        s["nationalities"] = draw(st.lists(st.sampled_from(COUNTRIES), max_size=2))
    if etype == "inactive":
        s["work"], s["employers"] = [], []
        return s
    n = (
        2
        if etype in ("civil_servant_and_employed", "employed_and_self_employed")
        else draw(st.integers(1, 4))
    )
    n = max(n, draw(st.integers(n, 4)))
    states = draw(st.lists(st.sampled_from(COUNTRIES), min_size=n, max_size=n, unique=True))
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=n - 1, max_size=n - 1)))
    times = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    pay_cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=n - 1, max_size=n - 1)))
    pays = [b - a for a, b in zip([0, *pay_cuts], [*pay_cuts, 100], strict=True)]
    acts = {
        "self_employed": ["self_employed"] * n,
        "civil_servant_and_employed": ["civil_servant"] + ["employed"] * (n - 1),
        "employed_and_self_employed": ["employed"] + ["self_employed"] * (n - 1),
    }.get(etype, ["employed"] * n)
    s["work"] = [
        {"country": c, "time_pct": t, "remuneration_pct": p, "activity": a}
        for c, t, p, a in zip(states, times, pays, acts, strict=True)
    ]
    if etype == "self_employed" and draw(st.booleans()):
        s["employers"] = []
    else:
        s["employers"] = [
            {"seat": draw(st.sampled_from(COUNTRIES)), "substantial_activity_in_seat": draw(st.booleans())}
            for _ in range(draw(st.integers(1, 3)))
        ]
    if etype == "seafarer":
        s["flag_state"] = draw(st.sampled_from(COUNTRIES))
    if etype == "flight_crew":
        s["home_base"] = draw(st.sampled_from(COUNTRIES))
    if draw(st.booleans()):
        start, end = sorted([draw(dates), draw(dates)])
        host = states[0]
        sending = draw(st.sampled_from([c for c in COUNTRIES if c != host]))
        s["posting"] = {
            "sending_state": sending,
            "host_state": host,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "replaces_posted_worker": draw(st.booleans()),
            "insured_in_sending_state_months_before": draw(st.integers(0, 60)),
            "direct_relationship_maintained": draw(st.booleans()),
            "placed_at_disposal_of_third_undertaking": draw(st.booleans()),
            "previous_posting_same_employer_host_end": None,
            "art16_agreement": draw(
                st.none()
                | st.builds(
                    lambda st_, a, b: {"state": st_, "start": min(a, b), "end": max(a, b)},
                    st.sampled_from(COUNTRIES),
                    iso,
                    iso,
                )
            ),
        }
    if draw(st.booleans()):
        s["art87_8_request_date"] = draw(iso)
    return s


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_situations())
def test_valid_input_gives_one_legislation(s):
    first = rules.determine(s)
    assert first == rules.determine(json.loads(json.dumps(s))), "same input, same output"
    instrument = first["provision"]["instrument"]
    if instrument == "none":
        assert first["legislation"] is None
        assert first["warnings"]
    else:
        assert isinstance(first["legislation"], str) and len(first["legislation"]) == 2
    assert first["reasons"]
    json.dumps(first)  # the result is plain JSON


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def broken_situations(draw):
    s = draw(valid_situations())
    key = draw(st.sampled_from(sorted(s) + ["unknown_key"]))
    s[key] = draw(json_values)
    return s


@settings(max_examples=400, deadline=None)
@given(st.one_of(json_values, broken_situations()))
def test_any_input_gives_determination_or_invalid_situation(value):
    try:
        result = rules.determine(value)
    except rules.InvalidSituation as exc:
        assert exc.errors
        for error in exc.errors:
            assert isinstance(error["field"], str) and isinstance(error["message"], str)
    else:
        assert "legislation" in result
