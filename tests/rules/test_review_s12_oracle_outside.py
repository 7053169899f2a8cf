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

from .builders import decide


def _posted(ref, sending, host, start, end, **more):
    """Posting from ``sending`` to ``host``: person living and employer seated in ``sending``."""
    posting = {
        "sending_state": sending,
        "host_state": host,
        "start": start,
        "end": end,
        "replaces_posted_worker": False,
        "insured_in_sending_state_months_before": 12,
        "direct_relationship_maintained": True,
        "previous_posting_same_employer_host_end": None,
        "art16_agreement": None,
        "placed_at_disposal_of_third_undertaking": False,
    }
    posting.update(more)
    return {
        "reference_date": ref,
        "situation_start": start,
        "residence": sending,
        "employment_type": "employed",
        "work": [{"country": host, "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
        "employers": [{"seat": sending, "substantial_activity_in_seat": True}],
        "flag_state": None,
        "home_base": None,
        "posting": posting,
        "art87_8_request_date": None,
    }


def _lexloci(ref, start, residence, state_of_work):
    """Lives in ``residence``, works only in ``state_of_work`` for an employer seated there."""
    return {
        "reference_date": ref,
        "situation_start": start,
        "residence": residence,
        "employment_type": "employed",
        "work": [
            {"country": state_of_work, "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}
        ],
        "employers": [{"seat": state_of_work, "substantial_activity_in_seat": True}],
        "flag_state": None,
        "home_base": None,
        "posting": None,
        "art87_8_request_date": None,
    }


BOUNDARY_CASES = [
    pytest.param(
        _posted("2021-06-01", "GB", "NL", "2020-12-31", "2022-06-30"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "certificate": "PD A1",
            "a1_status_code": "01",
            "period": {"start": "2020-12-31", "end": "2022-06-30"},
            "provision": {"instrument": "883/2004", "article": "12(1)"},
        },
        id="wa_posting_started_2020_12_31",
    ),
    pytest.param(
        _posted("2021-06-01", "GB", "NL", "2021-01-01", "2022-06-30"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2021-01-01", "end": "2022-06-30"},
            "provision": {"instrument": "TCA", "article": "SSC.11(1)"},
        },
        id="tca_posting_started_2021_01_01",
    ),
    pytest.param(
        _posted("2020-12-31", "GB", "NL", "2020-12-30", "2022-06-29"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "certificate": "PD A1",
            "a1_status_code": "01",
            "period": {"start": "2020-12-30", "end": "2022-06-29"},
            "provision": {"instrument": "883/2004", "article": "12(1)"},
        },
        id="uk_member_posting_ref_2020_12_31",
    ),
    pytest.param(
        _posted("2021-06-01", "GB", "NL", "2020-06-01", "2022-06-01"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "PD A1",
            "a1_status_code": "12",
            "provision": {"instrument": "883/2004", "article": "11(3)(a)"},
        },
        id="wa_posting_over_24_months",
    ),
    pytest.param(
        _posted("2021-06-01", "GB", "NL", "2020-06-01", "2022-05-31"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "certificate": "PD A1",
            "a1_status_code": "01",
            "period": {"start": "2020-06-01", "end": "2022-05-31"},
            "provision": {"instrument": "883/2004", "article": "12(1)"},
        },
        id="wa_posting_exactly_24_months",
    ),
    pytest.param(
        _posted("2021-06-01", "GB", "NL", "2021-03-01", "2023-02-28"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2021-03-01", "end": "2023-02-28"},
            "provision": {"instrument": "TCA", "article": "SSC.11(1)"},
        },
        id="tca_exactly_24_months",
    ),
    pytest.param(
        _posted("2021-06-01", "GB", "NL", "2021-03-01", "2023-02-27"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2021-03-01", "end": "2023-02-27"},
            "provision": {"instrument": "TCA", "article": "SSC.11(1)"},
        },
        id="tca_24_months_minus_1_day",
    ),
    pytest.param(
        _posted("2021-06-01", "GB", "NL", "2021-03-01", "2023-03-01"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "TCA", "article": "SSC.10(3)(a)"},
        },
        id="tca_24_months_plus_1_day",
    ),
    pytest.param(
        _posted("2022-06-01", "GB", "DE", "2022-03-01", "2023-02-28", replaces_posted_worker=True),
        {
            "legislation": "DE",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "TCA", "article": "SSC.10(3)(a)"},
        },
        id="tca_replaces_detached_person",
    ),
    pytest.param(
        _posted("2022-06-01", "NL", "GB", "2022-03-01", "2023-02-28"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2022-03-01", "end": "2023-02-28"},
            "provision": {"instrument": "TCA", "article": "SSC.11(1)"},
        },
        id="tca_eu_to_uk",
    ),
    pytest.param(
        _posted("2022-06-01", "NL", "GB", "2022-03-01", "2024-03-01"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "TCA", "article": "SSC.10(3)(a)"},
        },
        id="tca_eu_to_uk_over_24",
    ),
    pytest.param(
        _posted("2022-06-01", "GB", "IE", "2022-03-01", "2023-02-28"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2022-03-01", "end": "2023-02-28"},
            "provision": {"instrument": "TCA", "article": "SSC.11(1)"},
        },
        id="tca_uk_to_ireland",
    ),
    pytest.param(
        _posted("2022-06-01", "IE", "GB", "2022-03-01", "2024-08-31"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "TCA", "article": "SSC.10(3)(a)"},
        },
        id="tca_ireland_to_uk_30_months",
    ),
    pytest.param(
        _lexloci("2022-06-01", "2021-01-01", "GB", "NL"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "TCA", "article": "SSC.10(3)(a)"},
        },
        id="lexloci_uk_resident_in_nl_from_2021",
    ),
    pytest.param(
        _lexloci("2022-06-01", "2020-12-31", "GB", "NL"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "PD A1",
            "a1_status_code": "12",
            "provision": {"instrument": "883/2004", "article": "11(3)(a)"},
        },
        id="lexloci_uk_resident_in_nl_since_2020_12_31",
    ),
    pytest.param(
        _lexloci("2023-06-01", "2023-01-01", "NL", "GB"),
        {
            "legislation": "GB",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "TCA", "article": "SSC.10(3)(a)"},
        },
        id="lexloci_nl_resident_in_uk_from_2023",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "US", "2024-01-01", "2028-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:NL-US", "article": "9"},
        },
        id="treaty_us_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "US", "2024-01-01", "2029-01-01"),
        {
            "legislation": "US",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:NL-US", "article": None},
        },
        id="treaty_us_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "AU", "2024-01-01", "2028-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:AU-NL", "article": "8(3)(d)"},
        },
        id="treaty_au_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "AU", "2024-01-01", "2029-01-01"),
        {
            "legislation": "AU",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:AU-NL", "article": None},
        },
        id="treaty_au_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "JP", "2024-01-01", "2028-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:JP-NL", "article": "7"},
        },
        id="treaty_jp_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "JP", "2024-01-01", "2029-01-01"),
        {
            "legislation": "JP",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:JP-NL", "article": None},
        },
        id="treaty_jp_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "KR", "2024-01-01", "2028-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:KR-NL", "article": "7"},
        },
        id="treaty_kr_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "KR", "2024-01-01", "2029-01-01"),
        {
            "legislation": "KR",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:KR-NL", "article": None},
        },
        id="treaty_kr_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "CA", "2024-01-01", "2028-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:CA-NL", "article": "VI(2)(a)"},
        },
        id="treaty_ca_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "CA", "2024-01-01", "2029-01-01"),
        {
            "legislation": "CA",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:CA-NL", "article": None},
        },
        id="treaty_ca_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "IN", "2024-01-01", "2028-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:IN-NL", "article": "7"},
        },
        id="treaty_in_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "IN", "2024-01-01", "2029-01-01"),
        {
            "legislation": "IN",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:IN-NL", "article": None},
        },
        id="treaty_in_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "NZ", "2024-01-01", "2028-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:NL-NZ", "article": "5"},
        },
        id="treaty_nz_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "NZ", "2024-01-01", "2029-01-01"),
        {
            "legislation": "NZ",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:NL-NZ", "article": None},
        },
        id="treaty_nz_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "CN", "2024-01-01", "2028-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:CN-NL", "article": None},
        },
        id="treaty_cn_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "CN", "2024-01-01", "2029-01-01"),
        {
            "legislation": "CN",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:CN-NL", "article": None},
        },
        id="treaty_cn_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "CL", "2024-01-01", "2025-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2025-12-31"},
            "provision": {"instrument": "treaty:CL-NL", "article": "8"},
        },
        id="treaty_cl_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "CL", "2024-01-01", "2026-01-01"),
        {
            "legislation": "CL",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:CL-NL", "article": None},
        },
        id="treaty_cl_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "EG", "2024-01-01", "2025-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2025-12-31"},
            "provision": {"instrument": "treaty:EG-NL", "article": "9"},
        },
        id="treaty_eg_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "EG", "2024-01-01", "2026-01-01"),
        {
            "legislation": "EG",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:EG-NL", "article": None},
        },
        id="treaty_eg_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "IL", "2024-01-01", "2025-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2025-12-31"},
            "provision": {"instrument": "treaty:IL-NL", "article": "6b"},
        },
        id="treaty_il_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "IL", "2024-01-01", "2026-01-01"),
        {
            "legislation": "IL",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:IL-NL", "article": None},
        },
        id="treaty_il_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "MK", "2024-01-01", "2025-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2025-12-31"},
            "provision": {"instrument": "treaty:MK-NL", "article": "10"},
        },
        id="treaty_mk_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "MK", "2024-01-01", "2026-01-01"),
        {
            "legislation": "MK",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:MK-NL", "article": None},
        },
        id="treaty_mk_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "UY", "2024-01-01", "2025-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2025-12-31"},
            "provision": {"instrument": "treaty:NL-UY", "article": "7"},
        },
        id="treaty_uy_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "UY", "2024-01-01", "2026-01-01"),
        {
            "legislation": "UY",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:NL-UY", "article": None},
        },
        id="treaty_uy_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "CV", "2024-01-01", "2024-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2024-12-31"},
            "provision": {"instrument": "treaty:CV-NL", "article": "7"},
        },
        id="treaty_cv_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "CV", "2024-01-01", "2025-01-01"),
        {
            "legislation": "CV",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:CV-NL", "article": None},
        },
        id="treaty_cv_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "MA", "2024-01-01", "2024-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2024-12-31"},
            "provision": {"instrument": "treaty:MA-NL", "article": "7"},
        },
        id="treaty_ma_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "MA", "2024-01-01", "2025-01-01"),
        {
            "legislation": "MA",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:MA-NL", "article": None},
        },
        id="treaty_ma_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "TN", "2024-01-01", "2024-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2024-12-31"},
            "provision": {"instrument": "treaty:NL-TN", "article": "3"},
        },
        id="treaty_tn_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "TN", "2024-01-01", "2025-01-01"),
        {
            "legislation": "TN",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:NL-TN", "article": None},
        },
        id="treaty_tn_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "JE", "2024-01-01", "2026-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2026-12-31"},
            "provision": {"instrument": "treaty:GB-NL", "article": "8"},
        },
        id="treaty_je_at_maximum",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "JE", "2024-01-01", "2027-01-01"),
        {
            "legislation": "JE",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:GB-NL", "article": None},
        },
        id="treaty_je_one_day_over",
    ),
    pytest.param(
        _posted("2024-06-01", "IM", "NL", "2024-01-01", "2026-12-31"),
        {
            "legislation": "IM",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2026-12-31"},
            "provision": {"instrument": "treaty:GB-NL", "article": "8"},
        },
        id="treaty_im_inbound_36_months",
    ),
    pytest.param(
        _posted("2024-06-01", "US", "NL", "2024-01-01", "2028-12-31"),
        {
            "legislation": "US",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2028-12-31"},
            "provision": {"instrument": "treaty:NL-US", "article": "9"},
        },
        id="treaty_us_inbound_60_months",
    ),
    pytest.param(
        _posted(
            "2024-06-01", "NL", "US", "2024-01-01", "2025-12-31", insured_in_sending_state_months_before=0
        ),
        {
            "legislation": "US",
            "transitional": None,
            "provisional": False,
            "a1_status_code": None,
            "provision": {"instrument": "treaty:NL-US", "article": None},
        },
        id="treaty_us_no_prior_insurance",
    ),
    pytest.param(
        _posted(
            "2024-06-01", "NL", "US", "2024-01-01", "2025-12-31", insured_in_sending_state_months_before=1
        ),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2025-12-31"},
            "provision": {"instrument": "treaty:NL-US", "article": "9"},
        },
        id="treaty_us_one_month_prior_insurance",
    ),
    pytest.param(
        _posted("2015-06-01", "NL", "JE", "2015-01-01", "2017-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": "treaty certificate",
            "a1_status_code": None,
            "period": {"start": "2015-01-01", "end": "2017-12-31"},
            "provision": {"instrument": "treaty:GB-NL", "article": "8"},
        },
        id="treaty_jersey_before_brexit",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "SG", "2024-01-01", "2025-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": None,
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2025-12-31"},
            "provision": {"instrument": "national:NL", "article": ""},
        },
        id="national_nl_posting_to_singapore",
    ),
    pytest.param(
        _posted("2024-06-01", "NL", "BR", "2024-01-01", "2029-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": None,
            "a1_status_code": None,
            "period": {"start": "2024-01-01", "end": "2029-12-31"},
            "provision": {"instrument": "national:NL", "article": ""},
        },
        id="national_nl_posting_to_brazil_6_years",
    ),
    pytest.param(
        _posted("2024-06-01", "BE", "SG", "2024-01-01", "2024-12-31"),
        {
            "legislation": None,
            "transitional": None,
            "provisional": False,
            "certificate": None,
            "a1_status_code": None,
            "provision": {"instrument": "none", "article": None},
        },
        id="none_belgian_posting_to_singapore",
    ),
    pytest.param(
        _posted("2024-06-01", "BE", "US", "2024-01-01", "2024-12-31"),
        {
            "legislation": None,
            "transitional": None,
            "provisional": False,
            "certificate": None,
            "a1_status_code": None,
            "provision": {"instrument": "none", "article": None},
        },
        id="none_belgian_posting_to_treaty_country_of_nl",
    ),
    pytest.param(
        _posted("2012-06-01", "NL", "HR", "2012-01-01", "2012-12-31"),
        {
            "legislation": "NL",
            "transitional": None,
            "provisional": False,
            "certificate": None,
            "a1_status_code": None,
            "provision": {"instrument": "national:NL", "article": None},
        },
        id="national_nl_posting_to_croatia_before_accession",
    ),
]


@pytest.mark.parametrize(("situation", "expected"), BOUNDARY_CASES)
def test_outside_boundary_case(situation, expected):
    result = decide(situation)
    mismatches = []
    for key, want in expected.items():
        got = result[key]
        if key == "provision" and want["article"] is None:
            want, got = want["instrument"], got["instrument"]
        if got != want:
            mismatches.append(f"{key}: expected {want!r}, got {got!r}")
    assert not mismatches, mismatches
