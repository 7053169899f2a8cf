"""Reason codes: what each tested condition means, in one plain sentence with the figures.

A reason is ``{"code", "provision", "passed", "explanation"}`` (contract, "Determination").
Codes are stable identifiers named after the provision they test. Each entry of
:data:`CATALOGUE` gives the citation and two sentence templates: one for a condition that
holds and one for a condition that fails. The templates take the figures as named fields.
"""

from __future__ import annotations

from .i18n import N_

R883 = "Reg. 883/2004"
R987 = "Reg. 987/2009"
R1408 = "Reg. 1408/71"
TCA = "TCA Protocol on Social Security Coordination"

#: code -> (provision, explanation when passed, explanation when failed)
CATALOGUE: dict[str, tuple[str, str, str]] = {
    # ---- scope -------------------------------------------------------------------------
    "SCOPE_883_STATES": (
        f"{R883} Art. 2, 87, 91",
        N_("Reg. 883/2004 applies to every state involved ({states}) from {start}."),
        N_("Reg. 883/2004 does not apply to {missing} on {date}, so it does not coordinate this situation."),
    ),
    "SCOPE_1408_STATES": (
        f"{R1408} Art. 2, 13",
        N_(
            "On {date} Reg. 1408/71 still applied to this situation: Reg. 883/2004 applies to it "
            "only from {start}."
        ),
        N_("On {date} neither Reg. 883/2004 nor Reg. 1408/71 applied to {missing}."),
    ),
    "SCOPE_TCN_1231_2010": (
        "Reg. (EU) 1231/2010 Art. 1",
        N_(
            "The person is a third-country national ({nationalities}) covered by Reg. 1231/2010: "
            "every state involved applies it on {date}."
        ),
        N_(
            "The person is a third-country national ({nationalities}); Reg. 1231/2010 only covers "
            "situations between EU states other than Denmark from 2011-01-01, and {missing} is outside that."
        ),
    ),
    "SCOPE_TCN_859_2003": (
        "Reg. (EC) 859/2003 Art. 1",
        N_("The person is a third-country national ({nationalities}) covered by Reg. 859/2003 on {date}."),
        N_(
            "The person is a third-country national ({nationalities}); Reg. 859/2003 does not cover "
            "{missing} on {date}."
        ),
    ),
    "UK_WA_CONTINUED": (
        "Withdrawal Agreement Art. 30-32",
        N_(
            "The situation involving the United Kingdom began on {start}, before 2021, and has not "
            "changed since, so the EU rules keep applying under the Withdrawal Agreement."
        ),
        N_(
            "The situation involving the United Kingdom began on {start}, after 2020, so the Withdrawal "
            "Agreement does not keep the EU rules alive."
        ),
    ),
    "UK_TCA_STATES": (
        f"{TCA} Art. SSC.2, SSC.3",
        N_(
            "The situation involves only the United Kingdom and EU member states ({states}), so the "
            "TCA Protocol applies."
        ),
        N_(
            "The situation involves {missing}, which the TCA Protocol does not cover (it links the "
            "United Kingdom with the EU member states only)."
        ),
    ),
    # ---- transitional -----------------------------------------------------------------
    "ART87_8_TRANSITION": (
        f"{R883} Art. 87(8)",
        N_(
            "Reg. 1408/71 designated {old} and Reg. 883/2004 designates {new} from {start}; the "
            "situation is unchanged since {since}, so {old} legislation continues until {end} at the latest."
        ),
        N_("Reg. 1408/71 designated {old} and Reg. 883/2004 designates {new} from {start}; {why}"),
    ),
    "ART87A_TRANSITION": (
        f"{R883} Art. 87a(1)",
        N_(
            "Before Reg. 465/2012 {old} was competent and the new wording designates {new}; the "
            "situation is unchanged since {since}, so {old} legislation continues until {end} at the latest."
        ),
        N_("Before Reg. 465/2012 {old} was competent and the new wording designates {new}; {why}"),
    ),
    # ---- Art. 16 / 17 -----------------------------------------------------------------
    "ART16_1_AGREEMENT": (
        f"{R883} Art. 16(1)",
        N_(
            "An exception agreement makes {state} legislation apply from {start} to {end}, which "
            "includes {date}."
        ),
        N_("The exception agreement for {state} runs from {start} to {end} and does not include {date}."),
    ),
    "ART16_1_AGREED_STATE": (
        f"{R883} Art. 16(1)",
        N_(
            "{state} takes part in this coordination, so an exception agreement can make its legislation apply."
        ),
        N_(
            "{state} does not take part in this coordination, so an exception agreement cannot make its "
            "legislation apply; the ordinary rules decide."
        ),
    ),
    "ART17_1408_AGREEMENT": (
        f"{R1408} Art. 17",
        N_(
            "An Art. 17 agreement makes {state} legislation apply from {start} to {end}, which includes {date}."
        ),
        N_("The Art. 17 agreement for {state} runs from {start} to {end} and does not include {date}."),
    ),
    # ---- Art. 11 ----------------------------------------------------------------------
    "ART11_3_A_STATE_OF_WORK": (
        f"{R883} Art. 11(3)(a)",
        N_("The work is done in {state}, so {state} legislation applies (the person lives in {residence})."),
        N_("The work is not done in one state only."),
    ),
    "ART11_3_B_CIVIL_SERVANT": (
        f"{R883} Art. 11(3)(b)",
        N_("A civil servant is covered by the state of the employing administration, {state}."),
        N_("The person is not a civil servant only."),
    ),
    "ART11_3_E_RESIDENCE": (
        f"{R883} Art. 11(3)(e)",
        N_("Without an activity covered by another rule, the state of residence, {state}, applies."),
        N_("The person has an activity, so the residence rule does not apply."),
    ),
    "ART11_4_PAID_BY_UNDERTAKING_IN_RESIDENCE": (
        f"{R883} Art. 11(4) second sentence",
        N_(
            "The seafarer is paid by an undertaking in {payer}, lives in {payer}, and the vessel flies the "
            "flag of {flag}, so {payer} applies."
        ),
        N_(
            "The paying undertaking ({payer}) is not in another state than the flag state ({flag}) where the "
            "seafarer lives ({residence}), so the flag rule decides."
        ),
    ),
    "ART11_4_FLAG_STATE": (
        f"{R883} Art. 11(4)",
        N_("Work on board a sea-going vessel counts as work in the flag state, {flag}."),
        N_(
            "The vessel flies the flag of {flag}, which is not a member state, so the flag rule cannot apply."
        ),
    ),
    "ART11_5_HOME_BASE": (
        f"{R883} Art. 11(5)",
        N_("Flight and cabin crew work counts as work in the state of the home base, {home_base}."),
        N_("The home-base rule does not apply."),
    ),
    # ---- Art. 12 ----------------------------------------------------------------------
    "ART12_1_MAX_24_MONTHS": (
        f"{R883} Art. 12(1)",
        N_("The planned posting lasts {duration}; the limit is {limit} months."),
        N_("The planned posting lasts {duration}; the limit is {limit} months."),
    ),
    "ART12_1_NOT_REPLACING": (
        f"{R883} Art. 12(1)",
        N_("The worker is not sent to replace another posted person."),
        N_("The worker is sent to replace another posted person, which a posting does not allow."),
    ),
    "ART12_1_EMPLOYER_ACTIVITY": (
        f"{R987} Art. 14(2)",
        N_("The employer normally carries out substantial activities in the sending state, {sending}."),
        N_(
            "No employer carries out substantial activities in the sending state {sending} "
            "(employer seats: {seats})."
        ),
    ),
    "ART12_1_DIRECT_RELATIONSHIP": (
        f"{R883} Art. 12(1); Decision A2",
        N_("The direct relationship with the sending employer continues during the posting."),
        N_("The direct relationship with the sending employer does not continue during the posting."),
    ),
    "ART12_1_PRIOR_INSURANCE": (
        f"{R987} Art. 14(1)",
        N_("Months insured in {sending} just before the posting: {months} (at least {minimum} needed)."),
        N_("Months insured in {sending} just before the posting: {months} (at least {minimum} needed)."),
    ),
    "ART12_1_NOT_HIRED_OUT": (
        f"{R883} Art. 12(1); Decision A2",
        N_("The worker is not placed at the disposal of a third undertaking."),
        N_("The worker is placed at the disposal of a third undertaking, which ends the posting rule."),
    ),
    "ART12_1_TWO_MONTH_GAP": (
        "Practical Guide Part I §13",
        N_(
            "The previous posting to this state ended on {previous}; a new one may start from {earliest} "
            "({gap} months later) and starts on {start}."
        ),
        N_(
            "The previous posting to this state ended on {previous}; a new one may start only from "
            "{earliest} ({gap} months later), not on {start}."
        ),
    ),
    "ART12_2_MAX_24_MONTHS": (
        f"{R883} Art. 12(2)",
        N_("The planned activity abroad lasts {duration}; the limit is {limit} months."),
        N_("The planned activity abroad lasts {duration}; the limit is {limit} months."),
    ),
    "ART12_2_NORMALLY_SELF_EMPLOYED": (
        f"{R987} Art. 14(3)",
        N_(
            "Months self-employed in {sending} with substantial activity there: {months} (at least {minimum} "
            "needed)."
        ),
        N_(
            "Months self-employed in {sending}: {months}, or without substantial activity there; at least "
            "{minimum} months of substantial activity are needed."
        ),
    ),
    "ART12_2_SIMILAR_ACTIVITY": (
        f"{R987} Art. 14(4)",
        N_("The activity in {host} is self-employed work similar to the activity at home."),
        N_("The activity in {host} is not similar self-employed work."),
    ),
    "ART14_7_TEMPORARY_PRESENCE": (
        f"{R987} Art. 14(7)",
        N_(
            "Work in {host} is a temporary posting from {sending}, so the posting rules decide and not Art. 13."
        ),
        N_("The work in {host} is not temporary."),
    ),
    # ---- Art. 13 ----------------------------------------------------------------------
    "ART14_5B_MARGINAL": (
        f"{R987} Art. 14(5b)",
        N_(
            # xgettext:no-python-format
            "The work in {state} ({time} % of time, {pay} % of pay) is under {limit} % and is "
            "left out as marginal."
        ),
        N_("The work in {state} is not marginal."),
    ),
    "ART13_1_A_SUBSTANTIAL_IN_RESIDENCE": (
        f"{R883} Art. 13(1)(a); {R987} Art. 14(8)",
        N_(
            # xgettext:no-python-format
            "In the state of residence, {residence}, the person works {time} % of the time and earns {pay} % "
            "of the pay; at least {limit} % of either is substantial."
        ),
        N_(
            # xgettext:no-python-format
            "In the state of residence, {residence}, the person works {time} % of the time and earns {pay} % "
            "of the pay; that is under {limit} % of both, so not substantial."
        ),
    ),
    "ART14_11_EMPLOYER_OUTSIDE_EU": (
        f"{R987} Art. 14(11)",
        N_(
            "An employer is seated outside the EU/EEA/Switzerland ({seats}), so the state of residence, "
            "{residence}, applies."
        ),
        N_("No employer is seated outside the EU/EEA/Switzerland."),
    ),
    "ART13_1_A_OLD_SEVERAL_EMPLOYERS": (
        f"{R883} Art. 13(1)(a) (wording before 2012-06-28)",
        N_(
            "The employers are seated in different states ({seats}), so the state of residence, "
            "{residence}, applies."
        ),
        N_("The employers are not seated in different states ({seats})."),
    ),
    "ART13_1_B_OLD_EMPLOYER_SEAT": (
        f"{R883} Art. 13(1)(b) (wording before 2012-06-28)",
        N_("The state of the employer's registered office, {seat}, applies."),
        N_("The employer's seat does not decide."),
    ),
    "ART13_1_B_I_ONE_EMPLOYER": (
        f"{R883} Art. 13(1)(b)(i)",
        N_("There is one employer, seated in {seat}, so {seat} applies."),
        N_("There is more than one employer."),
    ),
    "ART13_1_B_II_SEATS_IN_ONE_STATE": (
        f"{R883} Art. 13(1)(b)(ii)",
        N_("All {count} employers are seated in {seat}, so {seat} applies."),
        N_("The employers are not all seated in one state."),
    ),
    "ART13_1_B_III_RESIDENCE_AND_ONE_OTHER": (
        f"{R883} Art. 13(1)(b)(iii)",
        N_(
            "The employers are seated in the state of residence, {residence}, and in {other}, so "
            "{other} applies."
        ),
        N_("The employers are not seated in the state of residence and one other state."),
    ),
    "ART13_1_B_IV_SEATS_OUTSIDE_RESIDENCE": (
        f"{R883} Art. 13(1)(b)(iv)",
        N_(
            "Employers are seated in at least two states other than the state of residence ({seats}), so the "
            "state of residence, {residence}, applies."
        ),
        N_("The employers are not seated in two states other than the state of residence."),
    ),
    "ART13_1_FLIGHT_CREW_HOME_BASE": (
        f"{R883} Art. 13(1); {R987} Art. 14(5a)",
        N_(
            "The crew member flies in {count} states; all crew work counts as done in the "
            "home-base state, {home_base}."
        ),
        N_("The home-base rule does not apply."),
    ),
    "ART13_2_A_SUBSTANTIAL_IN_RESIDENCE": (
        f"{R883} Art. 13(2)(a); {R987} Art. 14(8)",
        N_(
            # xgettext:no-python-format
            "In the state of residence, {residence}, the person spends {time} % of the working time and earns "
            "{pay} % of the income; at least {limit} % of either is substantial."
        ),
        N_(
            # xgettext:no-python-format
            "In the state of residence, {residence}, the person spends {time} % of the working time and earns "
            "{pay} % of the income; that is under {limit} % of both, so not substantial."
        ),
    ),
    "ART13_2_B_CENTRE_OF_INTEREST": (
        f"{R883} Art. 13(2)(b); {R987} Art. 14(9)",
        N_(
            # xgettext:no-python-format
            "The centre of interest is taken to be {state}, the state with the largest share of the activity "
            "({time} % of time, {pay} % of income); the other criteria of Art. 14(9) were not given."
        ),
        N_("The centre of interest could not be found."),
    ),
    "ART13_3_STATE_OF_EMPLOYMENT": (
        f"{R883} Art. 13(3)",
        N_(
            "The person is employed in {state} and self-employed elsewhere, so the state of employment, "
            "{state}, applies."
        ),
        N_("The employment is not in one state."),
    ),
    "ART13_3_EMPLOYMENT_IN_SEVERAL_STATES": (
        f"{R883} Art. 13(3)",
        N_("The employment itself is done in several states ({states}), so Art. 13(1) decides for it."),
        N_("The employment is in one state."),
    ),
    "ART13_4_CIVIL_SERVANT_STATE": (
        f"{R883} Art. 13(4)",
        N_(
            "A civil servant of {state} who also works elsewhere is covered by the state of the administration, "
            "{state}."
        ),
        N_("The person is not a civil servant in one state."),
    ),
    # ---- Reg. 1408/71 -----------------------------------------------------------------
    "ART13_2_F_1408_RESIDENCE": (
        f"{R1408} Art. 13(2)(f)",
        N_("Without an activity, the state of residence, {state}, applies."),
        N_("The person has an activity."),
    ),
    "ART13_2_D_1408_CIVIL_SERVANT": (
        f"{R1408} Art. 13(2)(d)",
        N_("A civil servant is covered by the state of the employing administration, {state}."),
        N_("The person is not a civil servant."),
    ),
    "ART14E_1408_CIVIL_SERVANT_AND_OTHER": (
        f"{R1408} Art. 14e [verify]",
        N_("A civil servant of {state} who also works elsewhere is covered by {state}."),
        N_("The person is not a civil servant in one state."),
    ),
    "ART14B_4_1408_PAID_FROM_RESIDENCE": (
        f"{R1408} Art. 14b(4)",
        N_(
            "The seafarer is paid by an undertaking in {payer} and lives there; the vessel flies the flag of "
            "{flag}, so {payer} applies."
        ),
        N_(
            "The seafarer is not paid from the state of residence ({residence}) by an undertaking outside the "
            "flag state ({flag}); payer: {payer}."
        ),
    ),
    "ART13_2_C_1408_FLAG_STATE": (
        f"{R1408} Art. 13(2)(c)",
        N_("Work on board a vessel is covered by the legislation of the flag state, {flag}."),
        N_("The flag rule does not apply."),
    ),
    "ART14C_A_1408_STATE_OF_EMPLOYMENT": (
        f"{R1408} Art. 14c(a)",
        N_(
            "The person is employed ({state}) and self-employed in different states, so the state of employment "
            "decides."
        ),
        N_("The person is not employed and self-employed in different states."),
    ),
    "ART13_2_A_1408_STATE_OF_WORK": (
        f"{R1408} Art. 13(2)(a)",
        N_("The work is done in {state}, so {state} legislation applies."),
        N_("The work is not done in one state."),
    ),
    "ART13_2_B_1408_STATE_OF_WORK": (
        f"{R1408} Art. 13(2)(b)",
        N_("The self-employed activity is pursued in {state}, so {state} legislation applies."),
        N_("The activity is not in one state."),
    ),
    "ART14_1_B_1408_EXTENSION": (
        f"{R1408} Art. 14(1)(b)",
        N_(
            "The host state consented to extend the posting until {end} (within {limit} months in total) "
            "under {state} legislation."
        ),
        N_("The extension does not qualify."),
    ),
    "ART14_1_A_1408_MAX_12_MONTHS": (
        f"{R1408} Art. 14(1)(a)",
        N_("The planned posting lasts {duration}; the limit under Art. {article} is {limit} months."),
        N_("The planned posting lasts {duration}; the limit under Art. {article} is {limit} months."),
    ),
    "ART14_1_A_1408_NOT_REPLACING": (
        f"{R1408} Art. 14(1)(a)",
        N_("The worker is not sent to replace a person whose posting ended."),
        N_("The worker is sent to replace a person whose posting ended."),
    ),
    "ART14_1_A_1408_NORMALLY_ATTACHED": (
        f"{R1408} Art. 14(1)(a); Decision 181",
        N_("The worker is normally attached to an employer with substantial activity in {sending}."),
        N_("No employer with substantial activity in the sending state {sending} (employer seats: {seats})."),
    ),
    "ART14_1_A_1408_WORK_FOR_EMPLOYER": (
        f"{R1408} Art. 14(1)(a)",
        N_("The work abroad is done for the sending employer."),
        N_("The work abroad is not done for the sending employer."),
    ),
    "ART14_1_A_1408_PRIOR_INSURANCE": (
        "Decision 181, point 1 [from memory]",
        N_("Months insured in {sending} just before the posting: {months} (at least {minimum} needed)."),
        N_("Months insured in {sending} just before the posting: {months} (at least {minimum} needed)."),
    ),
    "ART14_1_A_1408_NOT_HIRED_OUT": (
        "Decision 181 [from memory]",
        N_("The worker is not placed at the disposal of a third undertaking."),
        N_("The worker is placed at the disposal of a third undertaking."),
    ),
    "ART14A_1_1408_MAX_12_MONTHS": (
        f"{R1408} Art. 14a(1)",
        N_("The planned self-employed work abroad lasts {duration}; the limit is {limit} months."),
        N_("The planned self-employed work abroad lasts {duration}; the limit is {limit} months."),
    ),
    "ART14A_2_1408_PART_IN_RESIDENCE": (
        f"{R1408} Art. 14a(2)",
        N_(
            "Part of the self-employed activity is pursued in the state of residence, "
            "{residence}, which applies."
        ),
        N_("No part of the self-employed activity is pursued in the state of residence, {residence}."),
    ),
    "ART14A_2_1408_MAIN_ACTIVITY": (
        f"{R1408} Art. 14a(2)",
        # xgettext:no-python-format
        N_("The main activity ({time} % of time) is pursued in {state}, which applies."),
        N_("The main activity could not be found."),
    ),
    "ART14_2_A_II_1408_PRINCIPALLY_IN_RESIDENCE": (
        f"{R1408} Art. 14(2)(a)(ii)",
        # xgettext:no-python-format
        N_("The crew member works principally ({time} % of time) in the state of residence, {residence}."),
        N_(
            # xgettext:no-python-format
            "The crew member works {time} % of the time in the state of residence, {residence}; that is not "
            "principally."
        ),
    ),
    "ART14_2_A_1408_UNDERTAKING_SEAT": (
        f"{R1408} Art. 14(2)(a)",
        N_(
            "International transport staff are covered by the state of the undertaking's "
            "registered office, {seat}."
        ),
        N_(
            "The undertaking's registered office, {seat}, is outside the member states, so Art. 14(2)(b) "
            "decides."
        ),
    ),
    "ART14_2_B_I_1408_PARTLY_IN_RESIDENCE": (
        f"{R1408} Art. 14(2)(b)(i)",
        N_(
            "Part of the work is done in the state of residence, {residence}, which applies (no minimum share "
            "under 1408/71)."
        ),
        N_("No work is done in the state of residence, {residence}."),
    ),
    "ART14_2_B_I_1408_SEVERAL_EMPLOYERS": (
        f"{R1408} Art. 14(2)(b)(i)",
        N_(
            "The employers are seated in different states ({seats}), so the state of residence, "
            "{residence}, applies."
        ),
        N_("The employers are not seated in different states ({seats})."),
    ),
    "ART14_2_B_II_1408_EMPLOYER_SEAT": (
        f"{R1408} Art. 14(2)(b)(ii)",
        N_(
            "The person does not work in the state of residence, so the state of the employer's "
            "seat, {seat}, applies."
        ),
        N_("The employer's seat, {seat}, is outside the member states, so the state of residence applies."),
    ),
    # ---- TCA ---------------------------------------------------------------------------
    "TCA_SSC11_MAX_24_MONTHS": (
        f"{TCA} Art. SSC.11(1)",
        N_("The planned detachment lasts {duration}; the limit is {limit} months."),
        N_("The planned detachment lasts {duration}; the limit is {limit} months."),
    ),
    "TCA_SSC11_NOT_REPLACING": (
        f"{TCA} Art. SSC.11(1)",
        N_("The worker is not sent to replace another detached person."),
        N_("The worker is sent to replace another detached person."),
    ),
    "TCA_SSC11_EMPLOYER_ACTIVITY": (
        f"{TCA} Art. SSC.11(1)",
        N_("The employer normally carries out its activities in the sending state, {sending}."),
        N_(
            "No employer normally carries out its activities in the sending state {sending} "
            "(employer seats: {seats})."
        ),
    ),
    "TCA_SSC11_DIRECT_RELATIONSHIP": (
        f"{TCA} Art. SSC.11(1)",
        N_("The work abroad is done on the sending employer's behalf."),
        N_("The work abroad is not done on the sending employer's behalf."),
    ),
    "TCA_SSC11_NORMALLY_SELF_EMPLOYED": (
        f"{TCA} Art. SSC.11(2)",
        N_("The person normally works as self-employed in {sending} ({months} months)."),
        N_("The person has not normally worked as self-employed in {sending} ({months} months)."),
    ),
    "TCA_SSC10_STATE_OF_WORK": (
        f"{TCA} Art. SSC.10(3)(a)",
        N_("The work is done in {state}, so {state} legislation applies."),
        N_("The work is not done in one state."),
    ),
    "TCA_SSC10_CIVIL_SERVANT": (
        f"{TCA} Art. SSC.10(3)(b)",
        N_("A civil servant is covered by the state of the employing administration, {state}."),
        N_("The person is not a civil servant only."),
    ),
    "TCA_SSC10_RESIDENCE": (
        f"{TCA} Art. SSC.10(3)(e)",
        N_("Without an activity, the state of residence, {state}, applies."),
        N_("The person has an activity."),
    ),
    "TCA_SSC10_FLAG_STATE": (
        f"{TCA} Art. SSC.10(4)",
        N_("Work on board a vessel counts as work in the flag state, {flag}."),
        N_("The flag rule does not apply."),
    ),
    "TCA_SSC10_HOME_BASE": (
        f"{TCA} Art. SSC.10(5)",
        N_("Crew work counts as work in the state of the home base, {home_base}."),
        N_("The home-base rule does not apply."),
    ),
    # ---- treaties and national law -----------------------------------------------------
    "TREATY_APPLIES": (
        "{treaty_name}",
        N_(
            "No EU instrument coordinates the situation; the {treaty_name} between {issuer} and {other} applies."
        ),
        N_("No EU instrument or treaty of {issuer} coordinates the situation with {other}."),
    ),
    "TREATY_POSTING_MAX": (
        "{source}",
        N_("The planned posting lasts {duration}; the treaty allows {limit}."),
        N_("The planned posting lasts {duration}; the treaty allows {limit}."),
    ),
    "TREATY_PRIOR_INSURANCE": (
        "S001 §18.2.1; SVB",
        N_("Months insured in {sending} just before the posting: {months} (at least {minimum} needed)."),
        N_("Months insured in {sending} just before the posting: {months} (at least {minimum} needed)."),
    ),
    "TREATY_FRESH_POSTING_GAP": (
        "{source}",
        N_(
            "The previous posting to this state ended on {previous}; the treaty allows a fresh one from "
            "{earliest} ({gap} months later) and this one starts on {start}."
        ),
        N_(
            "The previous posting to this state ended on {previous}; the treaty allows a fresh one only from "
            "{earliest} ({gap} months later), but this one starts on {start}."
        ),
    ),
    "TREATY_HOST_CONSENT": (
        "{source}",
        N_(
            "The posting is longer than {base}, but the host state consented to keep {sending} legislation "
            "from {start} to {end}, up to the posting's end on {posting_end}; the treaty allows this extension."
        ),
        N_(
            "The host state's consent for {start} to {end} does not extend the posting beyond {base} up to its "
            "end on {posting_end} within the limit of the treaty."
        ),
    ),
    "TREATY_NO_HOST_EMPLOYER": (
        "{source}",
        N_("The worker is not also employed by an employer in {host}."),
        N_(
            "The worker is also employed by an employer in {host}, so the treaty's posting rule does not apply."
        ),
    ),
    "TREATY_SUCCESSIVE_POSTINGS": (
        "{source}",
        N_(
            "The previous posting to this state ended on {previous}, at least {months} months before this one, "
            "so the two count as separate postings."
        ),
        N_(
            "The previous posting to this state ended on {previous}; postings less than {months} months apart "
            "count as one, and this one alone already lasts {duration}, so together they exceed {limit}."
        ),
    ),
    "TREATY_DIRECT_RELATIONSHIP": (
        "S001 §18.2.1; SVB",
        N_("The sending employer keeps paying the wages and directing the work."),
        N_("The sending employer does not keep the employment relationship during the posting."),
    ),
    "TREATY_STATE_OF_WORK": (
        "{treaty_name}",
        N_("Under the treaty's general rule the state where the work is done, {state}, applies."),
        N_("The treaty's general rule cannot pick one state of work ({states})."),
    ),
    "TREATY_CREW_RULE": (
        "{source}",
        N_("The treaty puts {crew} under the legislation of {state}."),
        N_("The treaty has no special rule for this crew."),
    ),
    "NATIONAL_RULE": (
        "{reference}",
        N_("No coordination instrument applies; under national law the person stays insured in {state}."),
        N_("No coordination instrument applies and no national rule of {issuer} covers this situation."),
    ),
    # A treaty covers the two states but the engine encodes none of its rules for this situation
    # (work in both at once): "no coordination instrument applies" would contradict the treaty's
    # own warning, so the national answer says what it is, a stopgap until the institutions decide.
    "NATIONAL_RULE_TREATY_NOT_ENCODED": (
        "{reference}",
        N_(
            "The engine applies no rule of the {treaty_name} to this situation; under national law the "
            "person stays insured in {state} until the institutions apply the agreement."
        ),
        N_(
            "The engine applies no rule of the {treaty_name} to this situation, and no national rule of "
            "{issuer} covers it."
        ),
    ),
}


class Trace:
    """Records reasons (in the order tested) and warnings for one determination."""

    __slots__ = ("figures", "reasons", "warning_sources", "warnings")

    def __init__(self) -> None:
        self.reasons: list[dict] = []
        self.warnings: list[str] = []
        # The figures of each reason, in the same order: the portal renders the sentence again
        # in the reader's language from them (see reason_template).
        self.figures: list[dict] = []
        # (template, figures) of each warning, in the same order, for the same reason.
        self.warning_sources: list[tuple[str, dict]] = []

    def check(self, code: str, passed: bool, provision: str | None = None, **figures: object) -> bool:
        cited, cite_fields, if_passed, passed_fields, if_failed, failed_fields = _COMPILED[code]
        if provision is None:
            provision = cited.format_map(figures) if cite_fields else cited
        passed = bool(passed)
        if passed:
            explanation = if_passed.format_map(figures) if passed_fields else if_passed
        else:
            explanation = if_failed.format_map(figures) if failed_fields else if_failed
        self.reasons.append(
            {"code": code, "provision": provision, "passed": passed, "explanation": explanation}
        )
        self.figures.append(figures)
        return passed

    def warn(self, template: str, **figures: object) -> None:
        """A warning: ``template`` (marked with N_) filled with ``figures``; each text once."""
        text = template.format_map(figures) if figures else template
        if text not in self.warnings:
            self.warnings.append(text)
            self.warning_sources.append((template, figures))


# The TCA Protocol copies Art. 13 for work in several states; its reasons reuse the Art. 13
# sentences under TCA codes and citations (article numbering SSC.12 still to verify). The one
# sentence that names Art. 13(1) has its own TCA wording.
_TCA_OWN = {
    "ART13_3_EMPLOYMENT_IN_SEVERAL_STATES": (
        N_("The employment itself is done in several states ({states}), so Art. SSC.12(1) decides for it."),
        N_("The employment is in one state."),
    ),
}
for _code, (_cited, _ok, _ko) in list(CATALOGUE.items()):
    if (
        _code.startswith(("ART13_1_", "ART13_2_", "ART13_3_", "ART13_4_"))
        and "_OLD_" not in _code
        and "FLIGHT" not in _code
    ):
        _article = f"SSC.12({_code[6]})"
        _ok, _ko = _TCA_OWN.get(_code, (_ok, _ko))
        CATALOGUE["TCA_SSC12_" + _code[len("ART13_") :]] = (
            f"{TCA} Art. {_article} [numbering to verify]",
            _ok,
            _ko,
        )
del _code, _cited, _ok, _ko, _article, _TCA_OWN

#: CATALOGUE with, per template, whether it takes figures at all (most sentences without
#: figures are used as they are, without a format call).
_COMPILED: dict[str, tuple[str, bool, str, bool, str, bool]] = {
    code: (cited, "{" in cited, ok, "{" in ok, ko, "{" in ko) for code, (cited, ok, ko) in CATALOGUE.items()
}


def reason_template(code: str, passed: bool) -> str:
    """The English sentence template of a reason (with its {figure} fields), for translation."""
    _cited, if_passed, if_failed = CATALOGUE[code]
    return if_passed if passed else if_failed
