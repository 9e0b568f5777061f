"""Keeps visitors' IP addresses out of the application's logs.

The app never logs an address on purpose (gunicorn's access log is off; nginx's too, see
site/). This filter on every log handler is the safety net: whatever a library writes (an
error with the request in it, a warning that quotes a header), IPv4 and IPv6 addresses are
replaced by "[adres]" before the line is written."""

import ipaddress
import logging
import re

# Candidates: dotted quads, and runs of hex digits and colons (with an optional IPv4 tail);
# each is checked with the ipaddress module, so times like 12:00:01 stay.
CANDIDATE = re.compile(
    r"(?<![\w.:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])"
    r"|(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])"
)
REPLACEMENT = "[adres]"


def _replace(match: re.Match) -> str:
    text = match.group(0)
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return text
    return REPLACEMENT


def redact(text: str) -> str:
    return CANDIDATE.sub(_replace, text)


class RedactAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        return True
