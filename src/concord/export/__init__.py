"""Exports of a resolution: the JSON contract, Akoma Ntoso XML and plain text."""

from concord.export.akn import to_akn, validate_akn
from concord.export.json import to_dict, to_json
from concord.export.text import to_text

__all__ = ["to_akn", "to_dict", "to_json", "to_text", "validate_akn"]
