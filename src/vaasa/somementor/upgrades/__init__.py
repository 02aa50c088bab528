"""Upgrade steps of the default profile (profiles/default/metadata.xml)."""

from vaasa.somementor import setuphandlers


def use_mail_queue(context):
    """1001: mail goes through the durable queue in var/mailqueue."""
    setuphandlers.use_mail_queue()
