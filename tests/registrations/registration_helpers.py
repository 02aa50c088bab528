"""Shared by the registration tests: a person who signs up."""


def person(number, language="en"):
    return {
        "name": f"Person {number}",
        "email": f"person{number}@example.org",
        "unit": "Vaasan kaupunginkirjasto",
        "language": language,
        "consent": True,
    }
