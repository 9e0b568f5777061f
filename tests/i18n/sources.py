"""Reads the project's templates and Python source the way `makemessages` does, without gettext.

- `extracted_messages()` finds every (context, msgid, msgid_plural) that makemessages would
  put in django.po: templates through Django's own `templatize` (the same step makemessages
  runs before xgettext), Python through `ast`.
- `bare_template_strings()` and `bare_python_strings()` find interface text that is not
  wrapped in a translation: visible text and attributes in templates, and string literals
  handed to messages, errors, labels and the like in Python.
"""

import ast
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates"]
TEMPLATE_SUFFIXES = {".html", ".txt"}


def _project_packages() -> list[str]:
    """The packages pyproject.toml ships ("config*", "home*", ...): every new app counts."""
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    return [pattern.rstrip("*") for pattern in patterns]


PYTHON_PACKAGES = _project_packages()
LANGUAGES = ["nl", "en", "ar", "tr", "pl", "uk"]
LOCALE_DIR = ROOT / "locale"

# Words that stay the same in every language: the name of the site and the city, and the
# languages in the switcher, each named in itself.
ALLOWED_TEXT = {
    "Buurtwijzer",
    "Buurtwijzer Utrecht",
    "Utrecht",
    "Nederlands",
    "English",
    "العربية",
    "Türkçe",
    "Polski",
    "Українська",
}


def has_letters(text: str) -> bool:
    return any(unicodedata.category(c).startswith("L") for c in text)


def template_files(dirs=None):
    for directory in dirs or TEMPLATE_DIRS:
        yield from sorted(p for p in directory.rglob("*") if p.suffix in TEMPLATE_SUFFIXES)


def python_files():
    for package in PYTHON_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


# --- what makemessages extracts -------------------------------------------------------

# The keywords makemessages gives xgettext for Python (and xgettext's own defaults), with the
# positions of context, singular and plural.
KEYWORDS = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _messages_in_tree(tree):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _call_name(node) not in KEYWORDS:
            continue
        positions = KEYWORDS[_call_name(node)]
        args = node.args

        def text(index, args=args):
            if index is None:
                return None
            if index < len(args):
                arg = args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    return arg.value
            return False  # not a literal: xgettext skips the call

        context, singular, plural = (text(i) for i in positions)
        if False in (context, singular, plural) or not singular:
            continue
        yield context, singular, plural


def python_messages(path: Path):
    return set(_messages_in_tree(ast.parse(path.read_text(), filename=str(path))))


CALL_START = re.compile(r"\b(gettext|ngettext|pgettext|npgettext|_)\(")


def template_messages(path: Path):
    """The gettext calls `templatize` writes for a template, read back with `ast`."""
    code = templatize(path.read_text(), origin=str(path))
    found = set()
    for match in CALL_START.finditer(code):
        line_end = code.find("\n", match.end())
        line = code[match.start() : line_end if line_end != -1 else None]
        for close in (m.end() for m in re.finditer(r"\)", line)):
            try:
                tree = ast.parse(line[:close], mode="eval")
            except SyntaxError:
                continue
            found |= set(_messages_in_tree(tree))
            break
    return found


def extracted_messages():
    """Every (context, msgid, msgid_plural) makemessages puts in django.po."""
    found = set()
    for path in template_files():
        found |= template_messages(path)
    for path in python_files():
        found |= python_messages(path)
    return found


# --- bare interface text in templates --------------------------------------------------

VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "aria-description", "placeholder", "label"}
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}
HOLE = "\u2063"  # an invisible separator: not a letter, and fine inside a tag name
ATTRIBUTE_BLOCK = re.compile(r"block (\w+_(class|url)|bodyclass)$")
DEFAULT_FILTER = re.compile(r"""\|\s*(?:default|default_if_none)\s*:\s*(["'])(.*?)\1""")


def _untranslated_markup(source: str) -> str:
    """The template with every tag, variable, comment and translated text replaced by HOLE
    (no letters), so what is left with letters was typed into the template as it is."""
    parts = []
    in_translation = in_comment = in_attribute_block = False
    for token in Lexer(source).tokenize():
        kind, contents = token.token_type, token.contents.strip()
        if in_attribute_block:
            # {% block body_class %}bw-blad--a4{% endblock %}: a class name or an address that
            # the parent template puts inside an attribute; never text a visitor reads.
            in_attribute_block = not (kind == TokenType.BLOCK and contents.startswith("endblock"))
            continue
        if kind == TokenType.BLOCK and ATTRIBUTE_BLOCK.match(contents):
            in_attribute_block = True
            parts.append(HOLE)
            continue
        if in_comment:
            in_comment = contents != "endcomment" if kind == TokenType.BLOCK else True
            continue
        if in_translation:
            if kind == TokenType.BLOCK and re.match(r"endblocktrans(late)?$", contents):
                in_translation = False
            continue
        if kind == TokenType.TEXT:
            parts.append(token.contents)
        elif kind == TokenType.BLOCK:
            if contents == "comment" or contents.startswith("comment "):
                in_comment = True
            elif re.match(r"blocktrans(late)?\b", contents):
                in_translation = True
            parts.append(HOLE)
        elif kind == TokenType.VAR:
            # {{ value|default:"Onbekend" }} shows its fallback text as it is.
            fallbacks = DEFAULT_FILTER.findall(token.contents)
            parts.append(" ".join([HOLE, *(text for _quote, text in fallbacks)]))
    return "".join(parts)


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._hidden = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        values = dict(attrs)
        for name, value in attrs:
            visible = name in VISIBLE_ATTRIBUTES or (
                name == "value" and tag == "input" and values.get("type") in BUTTON_INPUT_TYPES
            )
            visible = visible or (
                name == "content" and tag == "meta" and values.get("name") == "description"
            )
            if visible and value:
                self.found.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.found.append(data)


def bare_text_in_template(source: str):
    parser = _VisibleText()
    parser.feed(_untranslated_markup(source))
    parser.close()
    for text in parser.found:
        text = " ".join(text.replace(HOLE, " ").split())
        rest = text
        for allowed in sorted(ALLOWED_TEXT, key=len, reverse=True):
            rest = re.sub(rf"(?<!\w){re.escape(allowed)}(?!\w)", "", rest)
        if has_letters(rest):
            yield text


def bare_template_strings(dirs=None):
    """(template, text) for every piece of visible text that is not translated."""
    for path in template_files(dirs):
        for text in bare_text_in_template(path.read_text()):
            yield str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path), text


# --- bare interface text in Python ------------------------------------------------------

# Calls whose arguments are shown to a person: errors, messages and responses.
MESSAGE_CALLS = {
    "ValidationError",
    "PermissionDenied",
    "Http404",
    "HttpError",
    "HttpResponse",
    "HttpResponseBadRequest",
    "HttpResponseForbidden",
    "HttpResponseNotFound",
    "HttpResponseNotAllowed",
    "HttpResponseGone",
    "MenuItem",
}
MESSAGE_FUNCTIONS = {"error"}  # the API's error(status, message) helper
MESSAGES_FUNCTIONS = {"debug", "info", "success", "warning", "error", "add_message"}
# Keyword arguments and class attributes that are labels or help for a person.
LABEL_NAMES = {
    "label",
    "help_text",
    "verbose_name",
    "verbose_name_plural",
    "empty_label",
    "heading",
    "menu_label",
    "placeholder",
    "empty_value_display",
}
# Dictionary keys whose value is shown: API errors and widget attributes.
MESSAGE_KEYS = {"error", "detail", "message", "placeholder", "aria-label"}


def _bare(node):
    """String literals with letters in an expression, outside translation calls."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if has_letters(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        if any(
            isinstance(v, ast.Constant) and isinstance(v.value, str) and has_letters(v.value)
            for v in node.values
        ):
            yield node
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _bare(value)
    elif isinstance(node, ast.IfExp):
        yield from _bare(node.body)
        yield from _bare(node.orelse)
    elif isinstance(node, ast.BinOp):
        yield from _bare(node.left)
        if isinstance(node.op, ast.Add):
            yield from _bare(node.right)
    elif isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            yield from _bare(node.func.value)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from _bare(value)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _bare(element)


def _is_choices_class(node: ast.ClassDef) -> bool:
    return any(
        (isinstance(b, ast.Attribute) and b.attr.endswith("Choices"))
        or (isinstance(b, ast.Name) and b.id.endswith("Choices"))
        for b in node.bases
    )


def _shown(tree):
    """Expressions in the tree whose text a person sees."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in MESSAGE_CALLS or (
                isinstance(node.func, ast.Name) and name in MESSAGE_FUNCTIONS
            ):
                yield from node.args
                yield from (k.value for k in node.keywords if k.arg in ("message", "content"))
            elif (
                name in MESSAGES_FUNCTIONS
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "messages"
            ):
                yield from node.args[1:]
            for keyword in node.keywords:
                if keyword.arg in LABEL_NAMES or keyword.arg == "error_messages":
                    yield keyword.value
                elif keyword.arg == "choices" and isinstance(keyword.value, ast.List | ast.Tuple):
                    for pair in keyword.value.elts:
                        if isinstance(pair, ast.Tuple) and len(pair.elts) == 2:
                            yield pair.elts[1]
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in MESSAGE_KEYS:
                    yield value
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                if not isinstance(statement, ast.Assign):
                    continue
                names = {t.id for t in statement.targets if isinstance(t, ast.Name)}
                if names & LABEL_NAMES:
                    yield statement.value
                elif _is_choices_class(node) and isinstance(statement.value, ast.Tuple):
                    yield statement.value.elts[-1]


def bare_strings_in_python(source: str, filename="<source>"):
    tree = ast.parse(source, filename=filename)
    seen = set()
    for expression in _shown(tree):
        for node in _bare(expression):
            if id(node) not in seen:
                seen.add(id(node))
                yield node.lineno, ast.unparse(node)


def bare_python_strings():
    """(file:line, literal) for every interface string in Python that is not translated."""
    for path in python_files():
        for lineno, literal in bare_strings_in_python(path.read_text(), str(path)):
            yield f"{path.relative_to(ROOT)}:{lineno}", literal
