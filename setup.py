from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(
    Path(name).read_text(encoding="utf-8") for name in ("README.rst", "CHANGES.rst")
)

setup(
    name="vaasa.somementor",
    version="1.0.0a1",
    description="Borrow a SoMe mentor: mentors, trainings and loan requests for Plone 6",
    long_description=long_description,
    long_description_content_type="text/x-rst",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
        "Programming Language :: Python :: 3.11",
    ],
    keywords="Plone mentor library social media Vaasa",
    author="Vaasa city library",
    url="https://www.vaasa.fi/kirjasto",
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["vaasa.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "collective.z3cform.datagridfield",
        "icalendar",
        "openpyxl",
        "Plone",
        "plone.api",
        "plone.app.dexterity",
        "plone.app.event",
        "plone.app.multilingual",
        "plone.app.registry",
        "plone.autoinclude",
        "plone.exportimport",
        "plone.restapi",
        "pygal",
        "z3c.relationfield",
    ],
    extras_require={
        "test": [
            "aiosmtpd",
            "axe-playwright-python",
            "i18ndude",
            "locust",
            "playwright",
            "plone.app.testing",
            "plone.restapi[test]",
            "pytest",
            "pytest-plone",
            "ruff",
            "zpretty",
        ],
        "relstorage": [
            "psycopg2-binary",
            "RelStorage",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
