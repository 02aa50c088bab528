"""Sample content drawn from the 2012 "Lainaa SoMe-mentori" project of Vaasa city library.

People are invented; organisations, topics, formats and the figures reported to the
ELY centre (12 training events, 135 participants, no public events in the funded
period) come from the project report. Texts are given in Finnish, Swedish and English.
"""

from datetime import date
from datetime import timedelta


CONTAINERS = {
    "mentors": {
        "type": "MentorDirectory",
        "id": {"fi": "mentorit", "sv": "mentorer", "en": "mentors"},
        "title": {"fi": "Mentorit", "sv": "Mentorer", "en": "Mentors"},
        "description": {
            "fi": "Lainaa SoMe-mentori: kaupungin eri hallintokuntien koulutetut "
            "sosiaalisen median mentorit opastavat kädestä pitäen.",
            "sv": "Låna en SoMe-mentor: utbildade mentorer från stadens olika "
            "förvaltningar handleder i sociala medier.",
            "en": "Borrow a SoMe mentor: trained social media mentors from the city's "
            "departments guide you hands-on.",
        },
    },
    "trainings": {
        "type": "TrainingProgramme",
        "id": {"fi": "koulutukset", "sv": "utbildningar", "en": "trainings"},
        "title": {
            "fi": "Koulutukset ja tapahtumat",
            "sv": "Utbildningar och evenemang",
            "en": "Trainings and events",
        },
        "description": {
            "fi": "Koulutuksia suomeksi, ruotsiksi ja maakunnan kunnille: "
            "lähiopetuksena, etäyhteydellä ja tallenteina.",
            "sv": "Utbildningar på finska, svenska och för regionens kommuner: "
            "närundervisning, på distans och som inspelningar.",
            "en": "Trainings in Finnish, in Swedish and for the region's municipalities: "
            "in person, remote and recorded.",
        },
    },
    "loans": {
        "type": "LoanDesk",
        "id": {"fi": "lainapyynnot", "sv": "laneforfragningar", "en": "loan-requests"},
        "title": {"fi": "Lainapyynnöt", "sv": "Låneförfrågningar", "en": "Loan requests"},
        "description": {
            "fi": "Saapuneet pyynnöt lainata mentoria. Näkyy vain henkilökunnalle.",
            "sv": "Inkomna förfrågningar om att låna en mentor. Syns endast för personalen.",
            "en": "Requests received to borrow a mentor. Visible to staff only.",
        },
    },
}

BIO = {
    "fi": "{name} koulutettiin SoMe-mentoriksi vuoden {cohort} ryhmässä ja kuuluu "
    "mentorirenkaaseen. Lainaa {name} yksikköösi: hän opastaa kädestä pitäen, "
    "paikan päällä tai verkkokokouksessa.",
    "sv": "{name} utbildades till SoMe-mentor år {cohort} och hör till "
    "mentorringen. Låna {name} till din enhet för handledning på plats eller i "
    "ett webbmöte.",
    "en": "{name} trained as a SoMe mentor in the {cohort} cohort and belongs to the "
    "mentor ring. Borrow {name} for your unit: hands-on guidance on site or in a "
    "web meeting.",
}

MENTORS = [
    {
        "id": "anna-virtanen",
        "first_name": "Anna",
        "last_name": "Virtanen",
        "job_title": {"fi": "Kirjastonhoitaja", "sv": "Bibliotekarie", "en": "Librarian"},
        "department": "library",
        "description": {
            "fi": "Neuvoo tabletin ja älypuhelimen käytössä sekä kirjaston e-aineistoissa.",
            "sv": "Handleder i pekplattor, smarttelefoner och bibliotekets e-material.",
            "en": "Guides in tablets, smartphones and the library's e-materials.",
        },
        "skills": ["facebook", "e-books", "mobile-devices"],
        "languages": ["fi", "sv"],
        "loan_formats": ["on-site", "remote"],
        "availability": {
            "fi": "Tiistaisin ja torstaisin.",
            "sv": "Tisdagar och torsdagar.",
            "en": "Tuesdays and Thursdays.",
        },
        "email": "anna.virtanen@example.org",
        "phone": "06 325 1001",
        "cohort": 2012,
        "max_loans_per_month": 3,
    },
    {
        "id": "erik-lindqvist",
        "first_name": "Erik",
        "last_name": "Lindqvist",
        "job_title": {"fi": "Opettaja", "sv": "Lärare", "en": "Teacher"},
        "department": "education",
        "description": {
            "fi": "Verkko-oppimisalustat, nettikokoukset ja Googlen työkalut opetuksessa.",
            "sv": "Nätbaserade lärplattformar, webbmöten och Googles verktyg i undervisningen.",
            "en": "E-learning platforms, web meetings and Google tools in teaching.",
        },
        "skills": ["e-learning", "online-meetings", "google-tools"],
        "languages": ["sv", "fi", "en"],
        "loan_formats": ["on-site", "remote"],
        "availability": {"fi": "Iltapäivisin.", "sv": "Eftermiddagar.", "en": "Afternoons."},
        "email": "erik.lindqvist@example.org",
        "phone": "06 325 1002",
        "cohort": 2012,
        "max_loans_per_month": 2,
    },
    {
        "id": "sanna-makinen",
        "first_name": "Sanna",
        "last_name": "Mäkinen",
        "job_title": {"fi": "Nuoriso-ohjaaja", "sv": "Ungdomsledare", "en": "Youth worker"},
        "department": "youth-services",
        "description": {
            "fi": "Tuntee nuorten somen: Instagram, TikTok ja turvallinen netinkäyttö.",
            "sv": "Känner ungas sociala medier: Instagram, TikTok och trygg nätanvändning.",
            "en": "Knows young people's social media: Instagram, TikTok and safe internet use.",
        },
        "skills": ["instagram", "tiktok", "youth-online-safety"],
        "languages": ["fi"],
        "loan_formats": ["on-site"],
        "availability": {
            "fi": "Arkisin klo 12–18.",
            "sv": "Vardagar kl. 12–18.",
            "en": "Weekdays 12–18.",
        },
        "email": "sanna.makinen@example.org",
        "phone": "06 325 1003",
        "cohort": 2012,
        "max_loans_per_month": 4,
    },
    {
        "id": "johanna-bjork",
        "first_name": "Johanna",
        "last_name": "Björk",
        "job_title": {
            "fi": "Viestintäsuunnittelija",
            "sv": "Kommunikationsplanerare",
            "en": "Communications planner",
        },
        "department": "communications",
        "description": {
            "fi": "Organisaation some-kanavat, sisältösuunnitelma ja kuvat verkossa.",
            "sv": "Organisationens kanaler i sociala medier, innehållsplan och bilder på nätet.",
            "en": "An organisation's social media channels, content plan and pictures online.",
        },
        "skills": ["facebook", "x-twitter", "linkedin", "youtube"],
        "languages": ["sv", "fi"],
        "loan_formats": ["on-site", "remote"],
        "availability": {
            "fi": "Sopimuksen mukaan.",
            "sv": "Enligt överenskommelse.",
            "en": "By arrangement.",
        },
        "email": "johanna.bjork@example.org",
        "phone": "06 325 1004",
        "cohort": 2012,
        "max_loans_per_month": 2,
    },
    {
        "id": "mikko-heikkila",
        "first_name": "Mikko",
        "last_name": "Heikkilä",
        "job_title": {"fi": "Informaatikko", "sv": "Informatiker", "en": "Information specialist"},
        "department": "library",
        "description": {
            "fi": "Informaatiolukutaito, tekijänoikeudet ja blogit.",
            "sv": "Informationskompetens, upphovsrätt och bloggar.",
            "en": "Information literacy, copyright and blogs.",
        },
        "skills": ["information-literacy", "copyright-privacy", "blogs"],
        "languages": ["fi", "en"],
        "loan_formats": ["on-site", "remote"],
        "availability": {"fi": "Maanantaisin.", "sv": "Måndagar.", "en": "Mondays."},
        "email": "mikko.heikkila@example.org",
        "phone": "06 325 1005",
        "cohort": 2013,
        "max_loans_per_month": 2,
    },
    {
        "id": "linda-nystrom",
        "first_name": "Linda",
        "last_name": "Nyström",
        "job_title": {
            "fi": "Tieto- ja viestintätekniikan opettaja",
            "sv": "IKT-lärare",
            "en": "ICT teacher",
        },
        "department": "education",
        "description": {
            "fi": "Microsoft 365, Teams-kokoukset ja mobiililaitteet koulussa.",
            "sv": "Microsoft 365, Teams-möten och mobila enheter i skolan.",
            "en": "Microsoft 365, Teams meetings and mobile devices at school.",
        },
        "skills": ["microsoft-365", "online-meetings", "mobile-devices"],
        "languages": ["sv"],
        "loan_formats": ["remote"],
        "availability": {
            "fi": "Koulujen loma-aikoina ei lainata.",
            "sv": "Inte under skolloven.",
            "en": "Not during school holidays.",
        },
        "email": "linda.nystrom@example.org",
        "phone": "06 325 1006",
        "cohort": 2013,
        "max_loans_per_month": 2,
    },
    {
        "id": "maria-holm",
        "first_name": "Maria",
        "last_name": "Holm",
        "job_title": {"fi": "Kirjastonjohtaja", "sv": "Bibliotekschef", "en": "Library director"},
        "department": "other-municipality",
        "description": {
            "fi": "Mustasaaren kirjasto: Facebook-sivut, blogit ja e-kirjat pienessä kunnassa.",
            "sv": "Korsholms bibliotek: Facebooksidor, bloggar och e-böcker i en mindre kommun.",
            "en": "Korsholm library: Facebook pages, blogs and e-books in a small municipality.",
        },
        "skills": ["facebook", "blogs", "e-books"],
        "languages": ["sv", "fi"],
        "loan_formats": ["remote"],
        "availability": {
            "fi": "Etäyhteydellä keskiviikkoisin.",
            "sv": "På distans onsdagar.",
            "en": "Remotely on Wednesdays.",
        },
        "email": "maria.holm@example.org",
        "phone": "06 327 1007",
        "cohort": 2013,
        "max_loans_per_month": 1,
    },
    {
        "id": "pekka-laine",
        "first_name": "Pekka",
        "last_name": "Laine",
        "job_title": {
            "fi": "Henkilöstökouluttaja",
            "sv": "Personalutbildare",
            "en": "Staff trainer",
        },
        "department": "other-city-unit",
        "description": {
            "fi": "Henkilöstöpalvelut. Ei tällä hetkellä lainattavissa.",
            "sv": "Personaltjänster. Kan för tillfället inte lånas.",
            "en": "Staff services. Not available for loans at the moment.",
        },
        "skills": ["google-tools", "microsoft-365"],
        "languages": ["fi"],
        "loan_formats": ["on-site"],
        "availability": {"fi": "Virkavapaalla.", "sv": "Tjänstledig.", "en": "On leave."},
        "email": "pekka.laine@example.org",
        "phone": "06 325 1008",
        "cohort": 2013,
        "active": False,
    },
]


def _training(
    id, title, start, group, fmt, participants, topics, kind="training", hours=3, recording=None
):
    return {
        "id": id,
        "title": title,
        "start": start,
        "hours": hours,
        "kind": kind,
        "language_group": group,
        "training_format": fmt,
        "participants": participants,
        "topics": topics,
        "recording_url": recording,
    }


SUMMER_UNIVERSITY = {
    "fi": "Vaasan kesäyliopisto",
    "sv": "Vasa sommaruniversitet",
    "en": "Vaasa Summer University",
}
LIBRARY_ADDRESS = {
    "fi": "Vaasan kaupunginkirjasto, Kirjastonkatu 13",
    "sv": "Vasa stadsbibliotek, Biblioteksgatan 13",
    "en": "Vaasa City Library, Kirjastonkatu 13",
}

# The twelve training events reported to the funder: 135 participants in all.
TRAININGS = (
    [
        _training(
            "some-tyossa",
            {
                "fi": "Sosiaalinen media työssä",
                "sv": "Sociala medier i arbetet",
                "en": "Social media at work",
            },
            "2012-09-12T13:00",
            "fi",
            "in-person",
            14,
            ["facebook", "blogs"],
        ),
        _training(
            "sociala-medier",
            {
                "fi": "Sosiaalinen media työssä (ruotsinkielinen ryhmä)",
                "sv": "Sociala medier i arbetet (svenska gruppen)",
                "en": "Social media at work (Swedish group)",
            },
            "2012-09-19T13:00",
            "sv",
            "in-person",
            9,
            ["facebook", "blogs"],
        ),
        _training(
            "googlen-tyokalut",
            {"fi": "Googlen työkalut", "sv": "Googles verktyg", "en": "Google tools"},
            "2012-10-10T13:00",
            "fi",
            "in-person",
            12,
            ["google-tools"],
        ),
        _training(
            "tekijanoikeudet",
            {
                "fi": "Tekijänoikeudet verkossa",
                "sv": "Upphovsrätt på nätet",
                "en": "Copyright online",
            },
            "2012-10-24T14:00",
            "fi",
            "remote",
            15,
            ["copyright-privacy"],
        ),
        _training(
            "upphovsratt",
            {
                "fi": "Tekijänoikeudet verkossa (ruotsiksi)",
                "sv": "Upphovsrätt på nätet (på svenska)",
                "en": "Copyright online (in Swedish)",
            },
            "2012-10-31T14:00",
            "sv",
            "remote",
            8,
            ["copyright-privacy"],
        ),
        _training(
            "nuorten-netinkaytto",
            {
                "fi": "Aikuiset ja nuorten netinkäyttö",
                "sv": "Vuxna och ungas nätanvändning",
                "en": "Adults and young people's internet use",
            },
            "2012-11-14T17:00",
            "fi",
            "recorded",
            16,
            ["youth-online-safety"],
            recording="https://video.example.org/somementori/nuorten-netinkaytto",
        ),
        _training(
            "nettikokoukset-maakunta",
            {
                "fi": "Nettikokoukset ja verkko-oppimisalustat (maakunta)",
                "sv": "Webbmöten och lärplattformar (regionen)",
                "en": "Web meetings and e-learning platforms (region)",
            },
            "2012-11-28T13:00",
            "regional",
            "remote",
            11,
            ["online-meetings", "e-learning"],
        ),
        _training(
            "informaatiolukutaito",
            {
                "fi": "Informaatiolukutaito",
                "sv": "Informationskompetens",
                "en": "Information literacy",
            },
            "2013-01-23T13:00",
            "fi",
            "in-person",
            10,
            ["information-literacy"],
        ),
    ]
    + [
        _training(
            f"ipad-kirjastossa-{n}",
            {
                "fi": f"iPad kirjastossa {n}/4",
                "sv": f"iPad i biblioteket {n}/4",
                "en": f"iPad in the library {n}/4",
            },
            start,
            "fi",
            "in-person",
            10,
            ["mobile-devices", "e-books"],
            hours=2,
        )
        for n, start in enumerate(
            ("2013-02-06T08:30", "2013-02-20T08:30", "2013-03-06T08:30", "2013-03-20T08:30"), 1
        )
    ]
    + [
        # After the funded period, so the reported "0 events" still holds for it.
        _training(
            "some-paiva-2013",
            {"fi": "SoMe-päivä 2013", "sv": "SoMe-dagen 2013", "en": "SoMe day 2013"},
            "2013-10-03T09:00",
            "regional",
            "in-person",
            40,
            ["facebook", "youtube", "blogs"],
            kind="event",
            hours=6,
        ),
        _training(
            "ipad-iltapaiva",
            {
                "fi": "iPad-iltapäivä asiakkaille",
                "sv": "iPad-eftermiddag för kunder",
                "en": "iPad afternoon for customers",
            },
            "2013-11-13T13:00",
            "fi",
            "in-person",
            18,
            ["mobile-devices", "e-books"],
            kind="event",
        ),
        # Upcoming, so the programme page has something to offer.
        _training(
            "instagram-nuorisotyossa",
            {
                "fi": "Instagram ja TikTok nuorisotyössä",
                "sv": "Instagram och TikTok i ungdomsarbetet",
                "en": "Instagram and TikTok in youth work",
            },
            "2027-02-10T13:00",
            "fi",
            "in-person",
            None,
            ["instagram", "tiktok"],
        ),
        _training(
            "teams-moten",
            {
                "fi": "Teams-kokoukset käytännössä",
                "sv": "Teams-möten i praktiken",
                "en": "Teams meetings in practice",
            },
            "2027-02-17T13:00",
            "sv",
            "remote",
            None,
            ["microsoft-365", "online-meetings"],
        ),
    ]
)

# Sign-ups for the upcoming trainings (by the Finnish id): one with seats left, one
# full with a waiting list. The capacity is set only where none is.
REGISTRATIONS = {
    "instagram-nuorisotyossa": {
        "capacity": 20,
        "people": (
            ("Liisa Mäkelä", "liisa.makela@example.org", "Nuorisotoimi", "fi"),
            ("Jussi Koskinen", "jussi.koskinen@example.org", "Kasvatus- ja opetusvirasto", "fi"),
            ("Sofia Nyberg", "sofia.nyberg@example.org", "Mustasaaren kunta", "sv"),
        ),
    },
    "teams-moten": {
        "capacity": 3,
        "people": (
            ("Karin Backman", "karin.backman@example.org", "Korsholms kommun", "sv"),
            ("Anders Sjöberg", "anders.sjoberg@example.org", "Undervisningsväsendet", "sv"),
            ("Mikaela Granholm", "mikaela.granholm@example.org", "Vasa stadsbibliotek", "sv"),
            ("Peter Lund", "peter.lund@example.org", "Närpes stad", "sv"),
            ("Elina Rinne", "elina.rinne@example.org", "Viestintäyksikkö", "fi"),
        ),
    },
}

LOAN_REQUESTS = [
    {
        "id": "pyynto-lyseo-instagram",
        "requester_name": "Tiina Koskinen",
        "requester_email": "tiina.koskinen@example.org",
        "organisation": "Vaasan lyseon lukio",
        "municipality": "Vaasa",
        "mentor": "sanna-makinen",
        "skills_needed": ["instagram", "youth-online-safety"],
        "need": "Haluamme aloittaa koulun Instagram-tilin ja miettiä, "
        "mitä oppilaista saa julkaista.",
        "preferred_language": "fi",
        "loan_format": "on-site",
        "preferred_dates": [{"start": "2027-03-01", "end": "2027-03-12"}],
        "expected_participants": 6,
        "state": "submitted",
    },
    {
        "id": "forfragan-korsholm-facebook",
        "requester_name": "Karin Westerlund",
        "requester_email": "karin.westerlund@example.org",
        "organisation": "Korsholms kommun, kulturbyrån",
        "municipality": "Korsholm",
        "mentor": "maria-holm",
        "skills_needed": ["facebook"],
        "need": "Vi vill starta en Facebooksida för kulturbyrån "
        "och behöver hjälp med inställningarna.",
        "preferred_language": "sv",
        "loan_format": "remote",
        "preferred_dates": [
            {"start": "2027-02-01", "end": "2027-02-05"},
            {"start": "2027-02-15", "end": "2027-02-19"},
        ],
        "expected_participants": 3,
        "state": "approved",
    },
    {
        "id": "pyynto-nuorisotalo-youtube",
        "requester_name": "Jari Ojala",
        "requester_email": "jari.ojala@example.org",
        "organisation": "Nuorisotalo Huutoniemi",
        "municipality": "Vaasa",
        "mentor": "johanna-bjork",
        "skills_needed": ["youtube"],
        "need": "Nuoret haluavat tehdä videoita. Ohjaajat tarvitsevat perusteet julkaisemisesta.",
        "preferred_language": "fi",
        "loan_format": "on-site",
        "preferred_dates": [{"start": "2027-01-11", "end": "2027-01-22"}],
        "expected_participants": 4,
        "scheduled_start": "2027-01-15T10:00",
        "scheduled_end": "2027-01-15T12:00",
        "place": "Nuorisotalo Huutoniemi, kerhohuone",
        "state": "scheduled",
    },
    {
        "id": "pyynto-henkilostopalvelut-teams",
        "requester_name": "Leena Salo",
        "requester_email": "leena.salo@example.org",
        "organisation": "Henkilöstöpalvelut",
        "municipality": "Vaasa",
        "mentor": "erik-lindqvist",
        "skills_needed": ["online-meetings", "e-learning"],
        "need": "Perehdytys nettikokousten järjestämiseen ennen kevään koulutuksia.",
        "preferred_language": "fi",
        "loan_format": "remote",
        "preferred_dates": [{"start": "2026-10-05", "end": "2026-10-09"}],
        "expected_participants": 8,
        "scheduled_start": "2026-10-07T09:00",
        "scheduled_end": "2026-10-07T12:00",
        "place": "https://meet.example.org/henkilostopalvelut",
        "outcome": "Kahdeksan kouluttajaa harjoitteli kokouksen avaamista ja tallentamista.",
        "hours_spent": 3.0,
        "feedback_rating": 5,
        "feedback_comment": "Selkeä ja kärsivällinen opastus.",
        "state": "completed",
    },
    {
        "id": "request-regional-library-ebooks",
        "requester_name": "Sara Ahlroos",
        "requester_email": "sara.ahlroos@example.org",
        "organisation": "Malax kommunbibliotek",
        "municipality": "Malax",
        "mentor": None,
        "skills_needed": ["e-books", "mobile-devices"],
        "need": "Our staff would like a session on helping customers borrow e-books on tablets.",
        "preferred_language": "en",
        "loan_format": "remote",
        "preferred_dates": [{"start": "2027-04-06", "end": "2027-04-30"}],
        "expected_participants": 5,
        "state": "submitted",
    },
    {
        "id": "pyynto-kirjastoauto-tiktok",
        "requester_name": "Ville Rinne",
        "requester_email": "ville.rinne@example.org",
        "organisation": "Kirjastoauto",
        "municipality": "Vaasa",
        "mentor": "sanna-makinen",
        "skills_needed": ["tiktok"],
        "need": "Kirjastoautolle oma TikTok-tili ensi viikolla.",
        "preferred_language": "fi",
        "loan_format": "on-site",
        "preferred_dates": [{"start": "2026-12-01", "end": "2026-12-04"}],
        "expected_participants": 2,
        "state": "rejected",
        "comment": "Sanna on lomalla joulukuussa; toivottavasti uudelleen keväällä.",
    },
]

# How the demo requests reach their state, through the real workflow.
TRANSITIONS = {
    "submitted": (),
    "approved": ("approve",),
    "scheduled": ("approve", "schedule"),
    "completed": ("approve", "schedule", "complete"),
    "rejected": ("reject",),
    "cancelled": ("cancel",),
}

# Sign-ins for trying the roles out on the local demo site; never use these elsewhere.
DEMO_PASSWORD = "somementor-demo"  # noqa: S105 - local demo site only
COORDINATOR = {
    "username": "koordinaattori",
    "fullname": "Kaisa Koordinaattori",
    "email": "somementori@example.org",
}
# Mentors who answer requests on the demo site sign in with their profile id.
MENTOR_USERS = ("anna-virtanen", "erik-lindqvist", "johanna-bjork", "maria-holm", "sanna-makinen")

# The privacy statement the loan request form links, one Document per language root.
_COORDINATORS_MAIL = COORDINATOR["email"]
PRIVACY = {
    "id": {"fi": "tietosuoja", "sv": "dataskydd", "en": "privacy"},
    "title": {
        "fi": "Tietosuojaseloste",
        "sv": "Dataskyddsbeskrivning",
        "en": "Privacy statement",
    },
    "description": {
        "fi": "Mitä tietoja lainapyyntö tallentaa, miksi ja kuinka kauan.",
        "sv": "Vilka uppgifter en låneförfrågan sparar, varför och hur länge.",
        "en": "What a loan request stores, why, and for how long.",
    },
    "sections": {
        "fi": [
            (
                "Rekisterinpitäjä",
                "Vaasan kaupunginkirjasto – maakuntakirjasto, Lainaa SoMe-mentori -toiminta. "
                f"Yhteys: mentoritoiminnan koordinaattorit, {_COORDINATORS_MAIL}.",
            ),
            (
                "Mitä tietoja tallennetaan",
                "Kun pyydät mentoria lainaan, tallennamme nimesi, sähköpostiosoitteesi, "
                "puhelinnumerosi, organisaatiosi ja kuntasi sekä kuvauksen tarpeestasi, "
                "toivomasi ajankohdat ja osallistujamäärän.",
            ),
            (
                "Miksi",
                "Tietoja käytetään pyyntösi käsittelyyn: mentorin valintaan, ajan ja paikan "
                "sopimiseen ja yhteydenpitoon kanssasi. Rahoittajalle (Pohjanmaan ELY-keskus) "
                "raportoidaan vain nimettömiä lukuja, kuten lainojen, tuntien ja osallistujien "
                "määrät.",
            ),
            (
                "Kuka tiedot näkee",
                "Tiedot näkevät mentoritoiminnan koordinaattorit ja pyyntöön nimetty mentori. "
                "Sivuston muut käyttäjät eivät näe pyyntöjä.",
            ),
            (
                "Kuinka kauan tietoja säilytetään",
                "Nimesi, yhteystietosi, organisaatiosi ja kirjoittamasi tekstit säilytetään "
                "24 kuukautta siitä, kun pyyntö on toteutettu, hylätty tai peruttu, ja "
                "ilmoittautumisen tiedot 24 kuukautta koulutuksen jälkeen. Sen jälkeen ne "
                "poistetaan automaattisesti. Jäljelle jäävät vain nimettömät tiedot, joista "
                "tilastot lasketaan: kunta, päivämäärät, kieli, tila, tunnit, arvosana ja määrät.",
            ),
            (
                "Oikeutesi",
                "Voit pyytää koordinaattoreilta nähtäväksesi kaikki sinusta tallennetut tiedot "
                "(lainapyynnöt, ilmoittautumiset koulutuksiin ja lähettämättömät viestit) tai "
                "saada ne koneluettavana JSON-tiedostona. Voit myös pyytää poistamaan ne: "
                "koordinaattori poistaa ne heti, ja kesken oleva pyyntö tai ilmoittautuminen "
                "perutaan. Poistosta kirjataan, kuka sen teki ja milloin, mutta ei sinun "
                f"tietojasi. Yhteys: {_COORDINATORS_MAIL}.",
            ),
        ],
        "sv": [
            (
                "Personuppgiftsansvarig",
                "Vasa stadsbibliotek – landskapsbibliotek, verksamheten Låna en SoMe-mentor. "
                f"Kontakt: mentorverksamhetens koordinatorer, {_COORDINATORS_MAIL}.",
            ),
            (
                "Vilka uppgifter sparas",
                "När du ber att få låna en mentor sparar vi ditt namn, din e-postadress, "
                "ditt telefonnummer, din organisation och kommun samt en beskrivning av "
                "ditt behov, önskade tider och antalet deltagare.",
            ),
            (
                "Varför",
                "Uppgifterna används för att behandla din förfrågan: välja mentor, komma "
                "överens om tid och plats och hålla kontakt med dig. Till finansiären "
                "(NTM-centralen i Österbotten) rapporteras endast anonyma siffror, till "
                "exempel antalet lån, timmar och deltagare.",
            ),
            (
                "Vem ser uppgifterna",
                "Uppgifterna ses av mentorverksamhetens koordinatorer och av den mentor som "
                "utsetts för förfrågan. Webbplatsens övriga användare ser inte förfrågningarna.",
            ),
            (
                "Hur länge sparas uppgifterna",
                "Ditt namn, dina kontaktuppgifter, din organisation och de texter du skrivit "
                "sparas i 24 månader efter att förfrågan har genomförts, avslagits eller "
                "återkallats, och uppgifterna om en anmälan i 24 månader efter utbildningen. "
                "Därefter tas de bort automatiskt. Kvar blir endast anonyma uppgifter som "
                "statistiken räknas ur: kommun, datum, språk, status, timmar, betyg och antal.",
            ),
            (
                "Dina rättigheter",
                "Du kan be koordinatorerna att få se alla uppgifter som sparats om dig "
                "(förfrågningar, anmälningar till utbildningar och e-post som ännu inte "
                "skickats) eller få dem som en maskinläsbar JSON-fil. Du kan också be att de "
                "raderas: koordinatorn raderar dem genast, och en förfrågan eller anmälan som "
                "pågår återkallas. Raderingen antecknas med vem som gjorde den och när, men "
                f"utan dina uppgifter. Kontakt: {_COORDINATORS_MAIL}.",
            ),
        ],
        "en": [
            (
                "Controller",
                "Vaasa City Library – Regional Library, the Borrow a SoMe mentor programme. "
                f"Contact: the programme's coordinators, {_COORDINATORS_MAIL}.",
            ),
            (
                "What is stored",
                "When you ask to borrow a mentor, we store your name, email address, phone "
                "number, organisation and municipality, and what you need, the dates you "
                "wish for and the number of participants.",
            ),
            (
                "Why",
                "The data is used to handle your request: to choose a mentor, agree on the "
                "time and place, and keep in touch with you. The funder (the ELY Centre for "
                "Ostrobothnia) receives anonymous figures only, such as the numbers of loans, "
                "hours and participants.",
            ),
            (
                "Who sees it",
                "The programme's coordinators and the mentor assigned to the request. Other "
                "users of the site do not see requests.",
            ),
            (
                "How long it is kept",
                "Your name, contact details, organisation and the texts you wrote are kept "
                "for 24 months after the request is completed, rejected or cancelled, and a "
                "training registration for 24 months after the training. Then they are "
                "removed automatically. Only the anonymous data the statistics are counted "
                "from remains: the municipality, the dates, the language, the state, the "
                "hours, the rating and the counts.",
            ),
            (
                "Your rights",
                "You can ask the coordinators to show you everything stored about you "
                "(requests, training registrations and mail not yet sent), or to give it to "
                "you as a machine-readable JSON file. You can also ask them to erase it: the "
                "coordinator erases it at once, and a request or registration still open is "
                "cancelled. The erasure is recorded with who did it and when, but without "
                f"your data. Contact: {_COORDINATORS_MAIL}.",
            ),
        ],
    },
}


# The mentor ring: its materials folder in each directory, a few things shared there,
# and its next meetings. The folder is linked across the languages; what is in it is
# written in one language, as mentors share it, so each language has its own.
RING_MATERIALS_TITLE = {"fi": "Materiaalit", "sv": "Material", "en": "Materials"}
RING_MATERIALS = {
    "fi": [
        {
            "type": "Link",
            "id": "koulutusten-aineistot",
            "title": "Koulutusten aineistot ja tallenteet",
            "description": "Ohjelman koulutukset, joista löytyvät myös tallenteet.",
            "url": "${navigation_root_url}/koulutukset",
        },
        {
            "type": "File",
            "id": "muistilista.txt",
            "title": "Muistilista lainakäynnille",
            "description": "Mitä tarkistaa ennen mentorointia ja sen jälkeen.",
            "text": (
                "Muistilista lainakäynnille\n\n"
                "- Sovi aika, paikka tai verkkokokouksen linkki lainaajan kanssa.\n"
                "- Kysy, mitä laitteita ja tunnuksia osallistujilla on.\n"
                "- Muista tekijänoikeudet ja tietosuoja esimerkeissä.\n"
                "- Kirjaa käytetyt tunnit ja lopputulos lainapyyntöön.\n"
            ),
        },
    ],
    "sv": [
        {
            "type": "Link",
            "id": "utbildningarnas-material",
            "title": "Utbildningarnas material och inspelningar",
            "description": "Programmets utbildningar, där också inspelningarna finns.",
            "url": "${navigation_root_url}/utbildningar",
        },
        {
            "type": "File",
            "id": "checklista.txt",
            "title": "Checklista för lånebesöket",
            "description": "Vad du ska kontrollera före och efter handledningen.",
            "text": (
                "Checklista för lånebesöket\n\n"
                "- Kom överens om tid, plats eller länk till webbmötet med låntagaren.\n"
                "- Fråga vilka apparater och konton deltagarna har.\n"
                "- Tänk på upphovsrätt och dataskydd i exemplen.\n"
                "- Anteckna timmarna och resultatet i låneförfrågan.\n"
            ),
        },
    ],
    "en": [
        {
            "type": "Link",
            "id": "training-materials",
            "title": "Training materials and recordings",
            "description": "The programme's trainings, where the recordings are too.",
            "url": "${navigation_root_url}/trainings",
        },
        {
            "type": "File",
            "id": "checklist.txt",
            "title": "Checklist for a loan visit",
            "description": "What to check before and after mentoring.",
            "text": (
                "Checklist for a loan visit\n\n"
                "- Agree on the time, the place or the web meeting link with the borrower.\n"
                "- Ask which devices and accounts the participants have.\n"
                "- Mind copyright and privacy in the examples.\n"
                "- Record the hours and the outcome in the loan request.\n"
            ),
        },
    ],
}


def _weeks_ahead(weeks, hour):
    # Always ahead of the day the demo is made, so the ring page has meetings to show.
    return f"{date.today() + timedelta(weeks=weeks)}T{hour:02d}:00"


RING_MEETINGS = (
    _training(
        "mentorirenkaan-tapaaminen",
        {
            "fi": "Mentorirenkaan tapaaminen: kokemuksia lainoista",
            "sv": "Mentorringens träff: erfarenheter av lånen",
            "en": "Ring meeting: sharing loan experiences",
        },
        _weeks_ahead(3, 14),
        "fi",
        "in-person",
        None,
        ["online-meetings"],
        kind="ring-meeting",
        hours=2,
    ),
    _training(
        "mentorirenkaan-etatapaaminen",
        {
            "fi": "Mentorirenkaan etätapaaminen: uudet työkalut",
            "sv": "Mentorringens distansträff: nya verktyg",
            "en": "Remote ring meeting: new tools",
        },
        _weeks_ahead(7, 9),
        "sv",
        "remote",
        None,
        ["microsoft-365"],
        kind="ring-meeting",
        hours=1,
    ),
)
