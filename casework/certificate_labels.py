"""The official PD A1 texts per certificate language: titles, the information note to the holder
(legislation.md 4.1), section headings and the twelve status boxes (legislation.md 4.4). Field labels
go through gettext; these stay correct in every language even before the .po files are complete."""

STATUS_CODES = [f"{n:02d}" for n in range(1, 13)]
# 3.11: an exception agreed under Art. 16 (883), printed with its description (legislation.md 4.4, 4.8).
EXCEPTION_CODE = "11"

LABELS = {
    "en": {
        "document": "PORTABLE DOCUMENT A1",
        "title": "Certificate concerning the social security legislation which applies to the holder",
        "regulations": "Regulations (EC) No 883/2004 and No 987/2009 on the coordination of social security "
        "systems",
        "note": (
            "Information for the holder: this certificate states which Member State's social security "
            "legislation applies to you for the period shown. For benefits in kind (medical care) during a "
            "stay in another Member State, use your European Health Insurance Card (EHIC). If you live in a "
            "Member State other than the one shown in 2.1, register with the institution of your place of "
            "residence with portable document S1."
        ),
        "s1": "1. Personal details of the holder",
        "s2": "2. Member State whose legislation applies",
        "s3": "3. Status confirmation",
        "s4": "4. Employer / self-employed activity",
        "s5": "5. Activity in the host Member State(s)",
        "s6": "6. Completion by the institution",
        "status": [
            "Posted employed person",
            "Employed person working in two or more Member States",
            "Posted self-employed person",
            "Self-employed person working in two or more Member States",
            "Civil servant",
            "Contract staff",
            "Mariner",
            "Employed and self-employed activity in different Member States",
            "Civil servant in one Member State and employed/self-employed in one or more other Member States",
            "Flight or cabin crew member",
            "Exception",
            "Employed/self-employed in the Member State shown in 2.1",
        ],
    },
    "nl": {
        "document": "DRAAGBAAR DOCUMENT A1",
        "title": "Verklaring betreffende de socialezekerheidswetgeving die op de houder van toepassing is",
        "regulations": "Verordeningen (EG) nr. 883/2004 en nr. 987/2009 betreffende de coördinatie van de "
        "socialezekerheidsstelsels",
        "note": (
            "Informatie voor de houder: deze verklaring vermeldt welke socialezekerheidswetgeving van een "
            "lidstaat in de vermelde periode op u van toepassing is. Voor verstrekkingen (medische zorg) "
            "tijdens een verblijf in een andere lidstaat gebruikt u uw Europese ziekteverzekeringskaart "
            "(EHIC). Woont u in een andere lidstaat dan die vermeld in 2.1, schrijf u dan met het draagbare "
            "document S1 in bij het orgaan van uw woonplaats."
        ),
        "s1": "1. Persoonsgegevens van de houder",
        "s2": "2. Lidstaat waarvan de wetgeving van toepassing is",
        "s3": "3. Bevestiging van de status",
        "s4": "4. Werkgever / werkzaamheden als zelfstandige",
        "s5": "5. Werkzaamheden in de lidstaat/lidstaten van ontvangst",
        "s6": "6. In te vullen door het orgaan",
        "status": [
            "Gedetacheerde werknemer",
            "Werknemer die in twee of meer lidstaten werkzaam is",
            "Gedetacheerde zelfstandige",
            "Zelfstandige die in twee of meer lidstaten werkzaam is",
            "Ambtenaar",
            "Arbeidscontractant",
            "Zeevarende",
            "Werknemer en zelfstandige in verschillende lidstaten",
            "Ambtenaar in één lidstaat en werknemer/zelfstandige in een of meer andere lidstaten",
            "Lid van het cockpit- of cabinepersoneel",
            "Uitzondering",
            "Werknemer/zelfstandige in de lidstaat vermeld in 2.1",
        ],
    },
    "fr": {
        "document": "DOCUMENT PORTABLE A1",
        "title": "Certificat concernant la législation de sécurité sociale applicable au titulaire",
        "regulations": "Règlements (CE) n° 883/2004 et n° 987/2009 sur la coordination des systèmes de "
        "sécurité sociale",
        "note": (
            "Information à l'intention du titulaire : ce certificat indique la législation de sécurité "
            "sociale de l'État membre qui vous est applicable pendant la période indiquée. Pour les "
            "prestations en nature (soins de santé) lors d'un séjour dans un autre État membre, utilisez "
            "votre carte européenne d'assurance maladie (CEAM). Si vous résidez dans un État membre autre que"
            " celui indiqué au point 2.1, inscrivez-vous auprès de l'institution de votre lieu de résidence "
            "au moyen du document portable S1."
        ),
        "s1": "1. Renseignements concernant le titulaire",
        "s2": "2. État membre dont la législation est applicable",
        "s3": "3. Confirmation du statut",
        "s4": "4. Employeur / activité non salariée",
        "s5": "5. Activité dans le ou les États membres d'accueil",
        "s6": "6. Partie réservée à l'institution",
        "status": [
            "Travailleur salarié détaché",
            "Travailleur salarié exerçant dans deux ou plusieurs États membres",
            "Travailleur non salarié détaché",
            "Travailleur non salarié exerçant dans deux ou plusieurs États membres",
            "Fonctionnaire",
            "Agent contractuel",
            "Marin",
            "Activité salariée et non salariée dans des États membres différents",
            "Fonctionnaire dans un État membre et salarié/non salarié dans un ou plusieurs autres "
            "États membres",
            "Membre d'équipage de conduite ou de cabine",
            "Exception",
            "Salarié/non salarié dans l'État membre indiqué au point 2.1",
        ],
    },
    "de": {
        "document": "PORTABLES DOKUMENT A1",
        "title": "Bescheinigung über die Rechtsvorschriften der sozialen Sicherheit, die auf den Inhaber "
        "anzuwenden sind",
        "regulations": "Verordnungen (EG) Nr. 883/2004 und Nr. 987/2009 zur Koordinierung der Systeme der "
        "sozialen Sicherheit",
        "note": (
            "Information für den Inhaber: Diese Bescheinigung gibt an, welche Rechtsvorschriften der sozialen"
            " Sicherheit eines Mitgliedstaats im angegebenen Zeitraum für Sie gelten. Für Sachleistungen "
            "(medizinische Versorgung) während eines Aufenthalts in einem anderen Mitgliedstaat verwenden Sie"
            " Ihre Europäische Krankenversicherungskarte (EKVK). Wohnen Sie in einem anderen als dem unter "
            "2.1 genannten Mitgliedstaat, lassen Sie sich mit dem portablen Dokument S1 beim Träger Ihres "
            "Wohnorts eintragen."
        ),
        "s1": "1. Angaben zur Person des Inhabers",
        "s2": "2. Mitgliedstaat, dessen Rechtsvorschriften anzuwenden sind",
        "s3": "3. Bestätigung des Status",
        "s4": "4. Arbeitgeber / selbständige Erwerbstätigkeit",
        "s5": "5. Tätigkeit im Aufnahmemitgliedstaat/in den Aufnahmemitgliedstaaten",
        "s6": "6. Vom Träger auszufüllen",
        "status": [
            "Entsandte Beschäftigte/entsandter Beschäftigter",
            "Beschäftigte Person, die in zwei oder mehr Mitgliedstaaten tätig ist",
            "Entsandte Selbständige/entsandter Selbständiger",
            "Selbständige Person, die in zwei oder mehr Mitgliedstaaten tätig ist",
            "Beamtin/Beamter",
            "Vertragsbedienstete/Vertragsbediensteter",
            "Seeleute",
            "Beschäftigung und selbständige Erwerbstätigkeit in verschiedenen Mitgliedstaaten",
            "Beamtin/Beamter in einem Mitgliedstaat und beschäftigt/selbständig in einem oder mehreren "
            "anderen Mitgliedstaaten",
            "Flug- oder Kabinenbesatzungsmitglied",
            "Ausnahme",
            "Beschäftigt/selbständig in dem unter 2.1 genannten Mitgliedstaat",
        ],
    },
}


def labels_for(language: str) -> dict:
    return LABELS.get(language, LABELS["en"])
