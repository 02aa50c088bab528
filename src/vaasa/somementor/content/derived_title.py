class DerivedTitle:
    """A title computed from other fields, so it never disagrees with them.

    Dexterity and plone.restapi assign ``title`` when they create an item;
    that value is dropped because the fields it is derived from win.
    """

    def derived_title(self):
        raise NotImplementedError

    @property
    def title(self):
        return self.derived_title()

    @title.setter
    def title(self, value):
        pass
