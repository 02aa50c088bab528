"""Borrow a SoMe mentor: mentors, trainings and loan requests for Plone."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "vaasa.somementor"

_ = MessageFactory(PACKAGE_NAME)
