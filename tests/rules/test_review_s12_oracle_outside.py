"""Review s12, topic C: situations outside the EU regulations or at their edge (legislation.md 1.2,
1.5, 1.6, 2.2 step 0, 4.8): the United Kingdom before and after 2021-01-01 (Withdrawal Agreement,
TCA Protocol Art. SSC.10/SSC.11), the Dutch bilateral treaties at their maximum posting periods,
and the outcomes ``national:XX`` and ``none``.

The expected fields come from an independent oracle written from legislation.md and
determination.md alone (kept outside the repository); the engine agreed with it on every
situation below, so these cases keep that comparison alive without the oracle. Only the fields
the oracle claims are asserted: an ``article`` of None means legislation.md names none (only the
instrument is compared), and a missing key means legislation.md does not decide that field.

Lines the cases rest on (legislation.md):
* 1.5: "The EU rules (883/987) keep applying to a person who was in a cross-border situation
  involving the UK and an EU state on 31-12-2020, for as long as that situation continues without
  interruption."
* 1.5: "An employee or self-employed person sent temporarily from the UK to an EU state, or the
  other way round, stays under the sending state's law if the detachment is expected to last no
  more than 24 months and the person is not sent to replace another detached person."; "A
  detachment expected to exceed 24 months falls under the host state's law"; "The general rules
  in Art. SSC.10 follow 883: single legislation, lex loci laboris in SSC.10(3)(a)."
* 2.3 P4: "A period ending the day before the 24-month anniversary is exactly 24 months and is
  allowed."
* 1.6: the maximum posting period per treaty country; "For treaty postings the SVB also requires
  at least 1 month of Dutch insurance immediately before"; "For non-treaty, non-regulation
  countries no coordination applies. ... The Dutch starting point is that the worker stays insured
  in NL ... There is no A1 or CoC."
* 1.2: Croatia before 2013-07-01 is "not a regulation country: national law or a bilateral treaty".
"""

import pytest

from .builders import compare, decide, fields, posted, seats, sit, work


def _lexloci(ref, start, residence, state_of_work):
    """Lives in ``residence``, works only in ``state_of_work`` for an employer seated there."""
    return sit(ref, start, residence, "employed", work((state_of_work, 100)), seats(state_of_work))


BOUNDARY_CASES = [
    pytest.param(
        posted("2021-06-01", "GB", "NL", "2020-12-31", "2022-06-30"),
        fields(
            "GB",
            "883/2004",
            "12(1)",
            transitional=None,
            provisional=False,
            certificate="PD A1",
            code="01",
            period=("2020-12-31", "2022-06-30"),
        ),
        id="wa_posting_started_2020_12_31",
    ),
    pytest.param(
        posted("2021-06-01", "GB", "NL", "2021-01-01", "2022-06-30"),
        fields(
            "GB",
            "TCA",
            "SSC.11(1)",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2021-01-01", "2022-06-30"),
        ),
        id="tca_posting_started_2021_01_01",
    ),
    pytest.param(
        posted("2020-12-31", "GB", "NL", "2020-12-30", "2022-06-29"),
        fields(
            "GB",
            "883/2004",
            "12(1)",
            transitional=None,
            provisional=False,
            certificate="PD A1",
            code="01",
            period=("2020-12-30", "2022-06-29"),
        ),
        id="uk_member_posting_ref_2020_12_31",
    ),
    pytest.param(
        posted("2021-06-01", "GB", "NL", "2020-06-01", "2022-06-01"),
        fields(
            "NL", "883/2004", "11(3)(a)", transitional=None, provisional=False, certificate="PD A1", code="12"
        ),
        id="wa_posting_over_24_months",
    ),
    pytest.param(
        posted("2021-06-01", "GB", "NL", "2020-06-01", "2022-05-31"),
        fields(
            "GB",
            "883/2004",
            "12(1)",
            transitional=None,
            provisional=False,
            certificate="PD A1",
            code="01",
            period=("2020-06-01", "2022-05-31"),
        ),
        id="wa_posting_exactly_24_months",
    ),
    pytest.param(
        posted("2021-06-01", "GB", "NL", "2021-03-01", "2023-02-28"),
        fields(
            "GB",
            "TCA",
            "SSC.11(1)",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2021-03-01", "2023-02-28"),
        ),
        id="tca_exactly_24_months",
    ),
    pytest.param(
        posted("2021-06-01", "GB", "NL", "2021-03-01", "2023-02-27"),
        fields(
            "GB",
            "TCA",
            "SSC.11(1)",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2021-03-01", "2023-02-27"),
        ),
        id="tca_24_months_minus_1_day",
    ),
    pytest.param(
        posted("2021-06-01", "GB", "NL", "2021-03-01", "2023-03-01"),
        fields("NL", "TCA", "SSC.10(3)(a)", transitional=None, provisional=False, code=None),
        id="tca_24_months_plus_1_day",
    ),
    pytest.param(
        posted("2022-06-01", "GB", "DE", "2022-03-01", "2023-02-28", replaces_posted_worker=True),
        fields("DE", "TCA", "SSC.10(3)(a)", transitional=None, provisional=False, code=None),
        id="tca_replaces_detached_person",
    ),
    pytest.param(
        posted("2022-06-01", "NL", "GB", "2022-03-01", "2023-02-28"),
        fields(
            "NL",
            "TCA",
            "SSC.11(1)",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2022-03-01", "2023-02-28"),
        ),
        id="tca_eu_to_uk",
    ),
    pytest.param(
        posted("2022-06-01", "NL", "GB", "2022-03-01", "2024-03-01"),
        fields("GB", "TCA", "SSC.10(3)(a)", transitional=None, provisional=False, code=None),
        id="tca_eu_to_uk_over_24",
    ),
    pytest.param(
        posted("2022-06-01", "GB", "IE", "2022-03-01", "2023-02-28"),
        fields(
            "GB",
            "TCA",
            "SSC.11(1)",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2022-03-01", "2023-02-28"),
        ),
        id="tca_uk_to_ireland",
    ),
    pytest.param(
        posted("2022-06-01", "IE", "GB", "2022-03-01", "2024-08-31"),
        fields("GB", "TCA", "SSC.10(3)(a)", transitional=None, provisional=False, code=None),
        id="tca_ireland_to_uk_30_months",
    ),
    pytest.param(
        _lexloci("2022-06-01", "2021-01-01", "GB", "NL"),
        fields("NL", "TCA", "SSC.10(3)(a)", transitional=None, provisional=False, code=None),
        id="lexloci_uk_resident_in_nl_from_2021",
    ),
    pytest.param(
        _lexloci("2022-06-01", "2020-12-31", "GB", "NL"),
        fields(
            "NL", "883/2004", "11(3)(a)", transitional=None, provisional=False, certificate="PD A1", code="12"
        ),
        id="lexloci_uk_resident_in_nl_since_2020_12_31",
    ),
    pytest.param(
        _lexloci("2023-06-01", "2023-01-01", "NL", "GB"),
        fields("GB", "TCA", "SSC.10(3)(a)", transitional=None, provisional=False, code=None),
        id="lexloci_nl_resident_in_uk_from_2023",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "US", "2024-01-01", "2028-12-31"),
        fields(
            "NL",
            "treaty:NL-US",
            "9",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_us_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "US", "2024-01-01", "2029-01-01"),
        fields("US", "treaty:NL-US", None, transitional=None, provisional=False, code=None),
        id="treaty_us_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "AU", "2024-01-01", "2028-12-31"),
        fields(
            "NL",
            "treaty:AU-NL",
            "8(3)(d)",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_au_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "AU", "2024-01-01", "2029-01-01"),
        fields("AU", "treaty:AU-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_au_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "JP", "2024-01-01", "2028-12-31"),
        fields(
            "NL",
            "treaty:JP-NL",
            "7",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_jp_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "JP", "2024-01-01", "2029-01-01"),
        fields("JP", "treaty:JP-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_jp_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "KR", "2024-01-01", "2028-12-31"),
        fields(
            "NL",
            "treaty:KR-NL",
            "7",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_kr_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "KR", "2024-01-01", "2029-01-01"),
        fields("KR", "treaty:KR-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_kr_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "CA", "2024-01-01", "2028-12-31"),
        fields(
            "NL",
            "treaty:CA-NL",
            "VI(2)(a)",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_ca_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "CA", "2024-01-01", "2029-01-01"),
        fields("CA", "treaty:CA-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_ca_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "IN", "2024-01-01", "2028-12-31"),
        fields(
            "NL",
            "treaty:IN-NL",
            "7",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_in_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "IN", "2024-01-01", "2029-01-01"),
        fields("IN", "treaty:IN-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_in_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "NZ", "2024-01-01", "2028-12-31"),
        fields(
            "NL",
            "treaty:NL-NZ",
            "5",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_nz_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "NZ", "2024-01-01", "2029-01-01"),
        fields("NZ", "treaty:NL-NZ", None, transitional=None, provisional=False, code=None),
        id="treaty_nz_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "CN", "2024-01-01", "2028-12-31"),
        fields(
            "NL",
            "treaty:CN-NL",
            None,
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_cn_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "CN", "2024-01-01", "2029-01-01"),
        fields("CN", "treaty:CN-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_cn_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "CL", "2024-01-01", "2025-12-31"),
        fields(
            "NL",
            "treaty:CL-NL",
            "8",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2025-12-31"),
        ),
        id="treaty_cl_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "CL", "2024-01-01", "2026-01-01"),
        fields("CL", "treaty:CL-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_cl_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "EG", "2024-01-01", "2025-12-31"),
        fields(
            "NL",
            "treaty:EG-NL",
            "9",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2025-12-31"),
        ),
        id="treaty_eg_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "EG", "2024-01-01", "2026-01-01"),
        fields("EG", "treaty:EG-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_eg_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "IL", "2024-01-01", "2025-12-31"),
        fields(
            "NL",
            "treaty:IL-NL",
            "6b",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2025-12-31"),
        ),
        id="treaty_il_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "IL", "2024-01-01", "2026-01-01"),
        fields("IL", "treaty:IL-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_il_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "MK", "2024-01-01", "2025-12-31"),
        fields(
            "NL",
            "treaty:MK-NL",
            "10",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2025-12-31"),
        ),
        id="treaty_mk_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "MK", "2024-01-01", "2026-01-01"),
        fields("MK", "treaty:MK-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_mk_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "UY", "2024-01-01", "2025-12-31"),
        fields(
            "NL",
            "treaty:NL-UY",
            "7",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2025-12-31"),
        ),
        id="treaty_uy_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "UY", "2024-01-01", "2026-01-01"),
        fields("UY", "treaty:NL-UY", None, transitional=None, provisional=False, code=None),
        id="treaty_uy_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "CV", "2024-01-01", "2024-12-31"),
        fields(
            "NL",
            "treaty:CV-NL",
            "7",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2024-12-31"),
        ),
        id="treaty_cv_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "CV", "2024-01-01", "2025-01-01"),
        fields("CV", "treaty:CV-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_cv_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "MA", "2024-01-01", "2024-12-31"),
        fields(
            "NL",
            "treaty:MA-NL",
            "7",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2024-12-31"),
        ),
        id="treaty_ma_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "MA", "2024-01-01", "2025-01-01"),
        fields("MA", "treaty:MA-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_ma_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "TN", "2024-01-01", "2024-12-31"),
        fields(
            "NL",
            "treaty:NL-TN",
            "3",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2024-12-31"),
        ),
        id="treaty_tn_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "TN", "2024-01-01", "2025-01-01"),
        fields("TN", "treaty:NL-TN", None, transitional=None, provisional=False, code=None),
        id="treaty_tn_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "JE", "2024-01-01", "2026-12-31"),
        fields(
            "NL",
            "treaty:GB-NL",
            "8",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2026-12-31"),
        ),
        id="treaty_je_at_maximum",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "JE", "2024-01-01", "2027-01-01"),
        fields("JE", "treaty:GB-NL", None, transitional=None, provisional=False, code=None),
        id="treaty_je_one_day_over",
    ),
    pytest.param(
        posted("2024-06-01", "IM", "NL", "2024-01-01", "2026-12-31"),
        fields(
            "IM",
            "treaty:GB-NL",
            "8",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2026-12-31"),
        ),
        id="treaty_im_inbound_36_months",
    ),
    pytest.param(
        posted("2024-06-01", "US", "NL", "2024-01-01", "2028-12-31"),
        fields(
            "US",
            "treaty:NL-US",
            "9",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2028-12-31"),
        ),
        id="treaty_us_inbound_60_months",
    ),
    pytest.param(
        posted(
            "2024-06-01", "NL", "US", "2024-01-01", "2025-12-31", insured_in_sending_state_months_before=0
        ),
        fields("US", "treaty:NL-US", None, transitional=None, provisional=False, code=None),
        id="treaty_us_no_prior_insurance",
    ),
    pytest.param(
        posted(
            "2024-06-01", "NL", "US", "2024-01-01", "2025-12-31", insured_in_sending_state_months_before=1
        ),
        fields(
            "NL",
            "treaty:NL-US",
            "9",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2024-01-01", "2025-12-31"),
        ),
        id="treaty_us_one_month_prior_insurance",
    ),
    pytest.param(
        posted("2015-06-01", "NL", "JE", "2015-01-01", "2017-12-31"),
        fields(
            "NL",
            "treaty:GB-NL",
            "8",
            transitional=None,
            provisional=False,
            certificate="treaty certificate",
            code=None,
            period=("2015-01-01", "2017-12-31"),
        ),
        id="treaty_jersey_before_brexit",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "SG", "2024-01-01", "2025-12-31"),
        fields(
            "NL",
            "national:NL",
            "",
            transitional=None,
            provisional=False,
            certificate=None,
            code=None,
            period=("2024-01-01", "2025-12-31"),
        ),
        id="national_nl_posting_to_singapore",
    ),
    pytest.param(
        posted("2024-06-01", "NL", "BR", "2024-01-01", "2029-12-31"),
        fields(
            "NL",
            "national:NL",
            "",
            transitional=None,
            provisional=False,
            certificate=None,
            code=None,
            period=("2024-01-01", "2029-12-31"),
        ),
        id="national_nl_posting_to_brazil_6_years",
    ),
    pytest.param(
        posted("2024-06-01", "BE", "SG", "2024-01-01", "2024-12-31"),
        fields(None, "none", None, transitional=None, provisional=False, certificate=None, code=None),
        id="none_belgian_posting_to_singapore",
    ),
    pytest.param(
        posted("2024-06-01", "BE", "US", "2024-01-01", "2024-12-31"),
        fields(None, "none", None, transitional=None, provisional=False, certificate=None, code=None),
        id="none_belgian_posting_to_treaty_country_of_nl",
    ),
    pytest.param(
        posted("2012-06-01", "NL", "HR", "2012-01-01", "2012-12-31"),
        fields("NL", "national:NL", None, transitional=None, provisional=False, certificate=None, code=None),
        id="national_nl_posting_to_croatia_before_accession",
    ),
]


@pytest.mark.parametrize(("situation", "expected"), BOUNDARY_CASES)
def test_outside_boundary_case(situation, expected):
    mismatches = compare({"expected": expected}, decide(situation))
    assert not mismatches, mismatches
