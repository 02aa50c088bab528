"""Message ids filled in and translated into one language."""

from zope.i18n import translate
from zope.i18nmessageid import Message

import re


PLACEHOLDER = re.compile(r"\$\{(\w+)\}")


def fill(message, mapping, language):
    # translate() takes the mapping from the message itself and ignores its own argument.
    return translate(Message(message, mapping=mapping), target_language=language)


def complete(message, mapping):
    """Whether every placeholder of ``message`` has a value to show."""
    return all(mapping.get(name) for name in PLACEHOLDER.findall(message))


def paragraphs(messages, mapping, language):
    return "\n\n".join(
        fill(message, mapping, language) for message in messages if complete(message, mapping)
    )
