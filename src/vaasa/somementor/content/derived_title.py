def derived_title(compute):
    """A ``title`` computed from other fields, so it never disagrees with them.

    Dexterity and plone.restapi assign ``title`` when they create an item; that
    value is dropped because the fields it is derived from win. A property, not
    a mixin class: a plain mixin ahead of the Dexterity base hides the behaviour
    marker interfaces (locking, translation) from ``providedBy``.
    """
    return property(compute, lambda self, value: None)
