"""The loan rules: one place for every way in (pages, REST, mail)."""
