"""Scope in time and space, Reg. 1408/71 and Art. 87(8), the UK, treaties and national law."""

from .builders import codes, decide, posting, seats, situation, summary, work

# ---- start dates per state group --------------------------------------------------------


def nl_posting_to(host, start, end, ref=None, **kw):
    s = posting(host_state=host, start=start, end=end, **kw)
    s["work"] = work((host, 100))
    s["reference_date"] = ref or start
    return s


def test_first_day_of_883_for_eu():
    assert decide(nl_posting_to("BE", "2010-04-30", "2010-12-31"))["provision"]["instrument"] == "1408/71"
    assert decide(nl_posting_to("BE", "2010-05-01", "2010-12-31"))["provision"]["instrument"] == "883/2004"


def test_switzerland_from_2012_04_01():
    before = decide(nl_posting_to("CH", "2012-03-01", "2012-12-31"))
    assert summary(before)[:3] == ("NL", "1408/71", "14(1)(a)")
    assert before["certificate"] == "E101"
    assert before["a1_status_code"] is None
    after = decide(nl_posting_to("CH", "2012-04-01", "2012-12-31"))
    assert summary(after) == ("NL", "883/2004", "12(1)", "01")


def test_eea_from_2012_06_01():
    assert decide(nl_posting_to("NO", "2012-05-31", "2012-12-31"))["provision"]["instrument"] == "1408/71"
    assert decide(nl_posting_to("NO", "2012-06-01", "2012-12-31"))["provision"]["instrument"] == "883/2004"


def test_croatia_not_coordinated_before_accession():
    before = decide(nl_posting_to("HR", "2013-06-30", "2013-12-31"))
    assert summary(before) == ("NL", "national:NL", "", None)
    assert codes(before)["SCOPE_1408_STATES"] is False
    after = decide(nl_posting_to("HR", "2013-07-01", "2013-12-31"))
    assert summary(after) == ("NL", "883/2004", "12(1)", "01")


def test_1408_posting_limit_12_months():
    ok = decide(nl_posting_to("BE", "2009-01-01", "2009-12-31"))
    assert summary(ok)[:3] == ("NL", "1408/71", "14(1)(a)")
    over = decide(nl_posting_to("BE", "2009-01-01", "2010-01-01"))
    assert summary(over)[:3] == ("BE", "1408/71", "13(2)(a)")
    assert codes(over)["ART14_1_A_1408_MAX_12_MONTHS"] is False


def test_1408_extension_e102():
    s = nl_posting_to(
        "BE",
        "2008-01-01",
        "2009-06-30",
        ref="2009-03-01",
        art16_agreement={"state": "NL", "start": "2009-01-01", "end": "2009-06-30"},
    )
    result = decide(s)
    assert summary(result)[:3] == ("NL", "1408/71", "14(1)(b)")
    assert result["certificate"] == "E102"


def test_1408_multi_state_partly_in_residence_without_threshold():
    s = situation(
        reference_date="2009-06-01",
        situation_start="2009-01-01",
        residence="BE",
        work=work(("BE", 2), ("NL", 98)),
        employers=seats("NL"),
    )
    assert summary(decide(s))[:3] == ("BE", "1408/71", "14(2)(b)(i)")


# ---- Art. 87(8) --------------------------------------------------------------------------


def c51(ref, **kw):
    return situation(
        reference_date=ref,
        situation_start="2008-01-01",
        residence="BE",
        work=work(("BE", 10), ("NL", 90)),
        employers=seats("NL"),
        **kw,
    )


def test_art87_8_last_day_and_day_after_cap():
    last = decide(c51("2020-04-30"))
    assert last["transitional"] == {"instrument": "883/2004", "article": "87(8)"}
    assert last["legislation"] == "BE"
    assert last["certificate"] == "PD A1"
    assert any("2020-04-30" in w for w in last["warnings"])
    after = decide(c51("2020-05-01"))
    assert after["transitional"] is None
    assert summary(after) == ("NL", "883/2004", "13(1)(b)(i)", "02")


def test_art87_8_request_within_three_months_takes_effect_from_start():
    result = decide(c51("2010-06-01", art87_8_request_date="2010-07-31"))
    assert result["transitional"] is None
    assert result["legislation"] == "NL"


def test_art87_8_late_request_first_day_of_next_month():
    assert decide(c51("2014-03-31", art87_8_request_date="2014-03-10"))["legislation"] == "BE"
    assert decide(c51("2014-04-01", art87_8_request_date="2014-03-10"))["legislation"] == "NL"


def test_change_of_situation_ends_transition():
    s = c51("2015-01-01")
    s["situation_start"] = "2013-01-01"  # moved or changed pattern after 883 applied
    assert decide(s)["transitional"] is None


def test_same_designation_means_883_applies():
    s = situation(
        reference_date="2012-01-01",
        situation_start="2008-01-01",
        residence="NL",
        work=work(("NL", 60), ("BE", 40)),
        employers=seats("NL"),
    )
    result = decide(s)
    assert result["transitional"] is None
    assert summary(result) == ("NL", "883/2004", "13(1)(a)", "02")
    assert codes(result)["ART87_8_TRANSITION"] is False


# ---- third-country nationals ---------------------------------------------------------------


def test_third_country_national_covered_between_eu_states():
    result = decide(situation(posting={}, nationalities=["IN"]))
    assert summary(result) == ("NL", "883/2004", "12(1)", "01")
    assert codes(result)["SCOPE_TCN_1231_2010"] is True


def test_third_country_national_not_covered_with_denmark():
    s = posting(host_state="DK")
    s["work"] = work(("DK", 100))
    s["nationalities"] = ["IN"]
    result = decide(s)
    assert codes(result)["SCOPE_TCN_1231_2010"] is False
    assert summary(result) == ("NL", "national:NL", "", None)


def test_third_country_national_with_norway_not_covered():
    s = situation(posting={"host_state": "NO"}, nationalities=["US"])
    s["work"] = work(("NO", 100))
    assert decide(s)["provision"]["instrument"] == "national:NL"


def test_eu_national_unaffected_by_second_nationality():
    assert decide(situation(posting={}, nationalities=["US", "NL"]))["provision"]["article"] == "12(1)"


# ---- United Kingdom -------------------------------------------------------------------------


def uk_posting(start, end, ref, **kw):
    s = posting(sending_state="GB", host_state="NL", start=start, end=end, **kw)
    s.update(residence="GB", work=work(("NL", 100)), employers=seats("GB"), reference_date=ref)
    return s


def test_uk_member_until_2020():
    assert summary(decide(uk_posting("2020-01-01", "2020-12-31", "2020-06-01"))) == (
        "GB",
        "883/2004",
        "12(1)",
        "01",
    )


def test_withdrawal_agreement_keeps_883():
    result = decide(uk_posting("2020-06-01", "2022-05-31", "2021-06-01"))
    assert summary(result) == ("GB", "883/2004", "12(1)", "01")
    assert codes(result)["UK_WA_CONTINUED"] is True


def test_tca_detachment_and_over_24_months():
    ok = decide(uk_posting("2022-03-01", "2024-02-29", "2022-06-01"))
    assert summary(ok) == ("GB", "TCA", "SSC.11(1)", None)
    over = decide(uk_posting("2022-03-01", "2024-03-01", "2022-06-01"))
    assert summary(over) == ("NL", "TCA", "SSC.10(3)(a)", None)


def test_tca_multi_state():
    s = situation(
        reference_date="2023-01-01", residence="GB", work=work(("GB", 30), ("NL", 70)), employers=seats("NL")
    )
    result = decide(s)
    assert summary(result) == ("GB", "TCA", "SSC.12(1)(a)", None)
    assert result["provisional"] is True


def test_uk_with_norway_not_covered_by_tca():
    s = situation(
        reference_date="2023-01-01", residence="GB", work=work(("GB", 30), ("NO", 70)), employers=seats("NO")
    )
    result = decide(s)
    assert codes(result)["UK_TCA_STATES"] is False
    assert result["provision"]["instrument"] == "none"
    assert result["legislation"] is None


# ---- treaties and national law ------------------------------------------------------------


def test_treaty_posting_within_maximum():
    result = decide(nl_posting_to("US", "2024-01-01", "2028-12-31", ref="2024-06-01"))
    assert summary(result) == ("NL", "treaty:NL-US", "9", None)
    assert result["certificate"] == "treaty certificate"


def test_treaty_posting_over_maximum_goes_to_host_with_warning():
    result = decide(nl_posting_to("US", "2024-01-01", "2029-01-01", ref="2024-06-01"))
    assert result["legislation"] == "US"
    assert result["provision"]["instrument"] == "treaty:NL-US"
    assert codes(result)["TREATY_POSTING_MAX"] is False
    assert any("maximum" in w for w in result["warnings"])


def test_treaty_ids_are_alphabetical():
    assert (
        decide(nl_posting_to("JP", "2024-01-01", "2025-12-31"))["provision"]["instrument"] == "treaty:JP-NL"
    )
    jersey = decide(nl_posting_to("JE", "2024-01-01", "2026-12-31"))
    assert summary(jersey) == ("NL", "treaty:GB-NL", "8", None)


def test_non_treaty_country_national_nl():
    result = decide(nl_posting_to("SG", "2024-01-01", "2025-12-31"))
    assert summary(result) == ("NL", "national:NL", "", None)
    assert result["certificate"] is None
    assert any("double" in w.lower() or "at the same time" in w for w in result["warnings"])


def test_non_treaty_without_dutch_link_is_none():
    s = situation(residence="BR", work=work(("SG", 100)), employers=seats("BR"))
    result = decide(s)
    assert result["legislation"] is None
    assert result["provision"] == {"instrument": "none", "article": ""}
    assert result["warnings"]


def test_issuing_state_parameter():
    result = decide(nl_posting_to("SG", "2024-01-01", "2025-12-31"), issuing_state="BE")
    assert result["provision"]["instrument"] == "none"
    s = posting(sending_state="BE", host_state="US", start="2024-01-01", end="2025-12-31")
    s.update(residence="BE", work=work(("US", 100)), employers=seats("BE"))
    assert decide(s, issuing_state="BE")["provision"]["instrument"] == "none"


# ---- parts of a member state with an ISO code of their own ------------------------------------


def test_a_posting_to_reunion_is_a_posting_to_france():
    """Réunion is an outermost region of France, where the Treaties and Reg. 883/2004 apply (TFEU
    Art. 349, 355(1)); ISO 3166-1 codes it RE, which the engine read as a third country (no
    coordination, no PD A1). The portal mapped it before calling the engine; the engine's own door
    (the determinations API, `manage.py determine`) did not."""
    result = decide(nl_posting_to("RE", "2025-03-01", "2026-02-28"))
    assert summary(result) == ("NL", "883/2004", "12(1)", "01")
    assert result["certificate"] == "PD A1"


def test_living_and_working_in_aland_is_finland():
    """Åland is part of Finland (legislation.md 1.1 lists member states by their code, FI)."""
    s = situation(reference_date="2025-06-01", residence="AX", work=work(("AX", 100)), employers=seats("AX"))
    finland = situation(
        reference_date="2025-06-01", residence="FI", work=work(("FI", 100)), employers=seats("FI")
    )
    assert summary(decide(s)) == summary(decide(finland)) == ("FI", "883/2004", "11(3)(a)", "12")
