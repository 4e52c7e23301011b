"""Read site.yaml into a typed, validated Config; a broken file is an ordinary content error."""
from __future__ import annotations

import difflib
import re
import zoneinfo
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import quote, urlsplit

from generator.errors import BuildFailed, Problem
from generator.i18n import _
from generator.content.frontmatter import read_yaml
from generator.content.schema import FieldError, boolean, whole_number
from generator.content.themes import builtin_theme_names, theme_chain

CONFIG_NAME = "site.yaml"

KNOWN_KEYS = {
    "title", "description", "base_url", "language", "timezone", "theme", "publish_names",
    "organisation", "contact", "feed", "home", "footer", "meeting_types",
}
# The kinds of meeting a site has unless site.yaml lists its own (meeting_types): a meeting whose
# type is not one of them is refused, so that a misspelling never opens a category page.
DEFAULT_MEETING_TYPES = (
    "förbundschefsmöte", "presidiemöte", "länspresidiemöte", "styrelse", "styrelsemöte", "beredningsgrupp",
    "medlemssamråd", "styrgrupp", "arbetsgrupp", "arbetsutskott", "referensgrupp", "ledningsgrupp",
    "nätverksmöte", "samverkansmöte", "möte",
)


@dataclass(frozen=True)
class FeedSettings:
    refresh_hours: int = 12           # REFRESH-INTERVAL / X-PUBLISHED-TTL
    past_days: int = 0                # 0: keep every past event in the feeds


@dataclass(frozen=True)
class Config:
    root: Path
    title: str
    base_url: str                     # "https://example.se/sub/" (always ends with /)
    description: str = ""
    language: str = "sv"
    timezone: str = "Europe/Stockholm"
    theme: str = "default"
    publish_names: bool = True
    organisation: str = ""
    contact: dict = field(default_factory=dict)
    feed: FeedSettings = FeedSettings()
    home: dict = field(default_factory=dict)
    footer: str = ""
    meeting_types: tuple[str, ...] = DEFAULT_MEETING_TYPES

    @cached_property   # asked for every link of every page
    def base_path(self) -> str:
        """The path part of base_url without the trailing slash: '' or '/sub'."""
        return urlsplit(self.base_url).path.rstrip("/")

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or "localhost"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def theme_dir(self) -> Path:
        """The site's own folder of the theme (it may hold only the files it overrides, or none)."""
        return self.root / "themes" / self.theme

    @cached_property
    def theme_dirs(self) -> tuple[Path, ...]:
        """Where templates and static files are looked up, first match wins (see themes.py)."""
        return theme_chain(self.root, self.theme)

    def fingerprint(self) -> str:
        """What in the settings changes rendered pages (for the build cache)."""
        return repr((self.title, self.base_url, self.description, self.language, self.timezone,
                     self.theme, self.publish_names, self.organisation, sorted(self.contact.items()),
                     self.feed, sorted(self.home.items()), self.footer, self.meeting_types))


def load_config(root: Path) -> Config:
    path = root / CONFIG_NAME
    rel = CONFIG_NAME
    if not path.is_file():
        raise Problem(rel, 1, None, _("site.yaml is missing"),
                      _("run sitegen in the site's folder, or create site.yaml with title and base_url"))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise Problem(rel, 1, None, _("site.yaml is not UTF-8 text"), _("save it as UTF-8")) from None
    data, lines = read_yaml(text, rel)
    data = data if data is not None else {}
    if not isinstance(data, dict):
        raise Problem(rel, 1, None, _("site.yaml must be a list of 'setting: value' lines"),
                      _("see the README for an example"))
    problems: list[Problem] = []

    def problem(key: str, message: str, fix: str = "") -> None:
        problems.append(Problem(rel, lines.get(key, 1), key, message, fix))

    for key in sorted(set(map(str, data)) - KNOWN_KEYS):
        close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
        problem(key, _("unknown setting"), _("did you mean '{close}'?").format(close=close[0]) if close
                else _("known settings: {known}").format(known=", ".join(sorted(KNOWN_KEYS))))

    title = _one_line(data.get("title"))
    if not title:
        problem("title", _("the site needs a title"), _("add 'title: …' to site.yaml"))
    base_url, url_problem = _base_url(_one_line(data.get("base_url")) or "/")
    if url_problem:
        problem("base_url", *url_problem)
    timezone = _one_line(data.get("timezone")) or "Europe/Stockholm"
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problem("timezone", _("unknown time zone '{name}'").format(name=timezone), _("use Europe/Stockholm"))
    theme = _one_line(data.get("theme")) or "default"
    if not theme_chain(root, theme):
        problem("theme", _("there is no theme '{name}': not under themes/ and not built into sitegen").format(name=theme),
                _("use theme: default, or create {folder} (built-in: {builtin})").format(
                    folder=f"themes/{theme}/", builtin=", ".join(builtin_theme_names())))
    publish_names = True
    if data.get("publish_names") is not None:
        try:
            publish_names = boolean(data["publish_names"])
        except FieldError as exc:
            problem("publish_names", exc.message, _("write publish_names: ja or nej"))
    feed_data = data.get("feed") or {}
    feed = FeedSettings()
    if not isinstance(feed_data, dict):
        problem("feed", _("expected feed settings"), _("write feed: {example}").format(example="{refresh_hours: 12}"))
    else:
        try:
            feed = FeedSettings(refresh_hours=whole_number(feed_data.get("refresh_hours") or "12"),
                                past_days=whole_number(feed_data.get("past_days") or "0"))
            if feed.refresh_hours < 1 or feed.past_days < 0:
                raise FieldError(_("out of range"))
        except FieldError:
            problem("feed", _("refresh_hours and past_days must be whole numbers (refresh_hours ≥ 1)"),
                    _("write feed: {example}").format(example="{refresh_hours: 12}"))
    contact = data.get("contact") or {}
    if not isinstance(contact, dict):
        contact = {"email": _one_line(contact)}
    home = data.get("home") or {}
    if not isinstance(home, dict):
        problem("home", _("expected home page settings"), _("write home: {example}").format(example="{coming: 5, latest: 5}"))
        home = {}
    try:
        home = {str(key): whole_number(value) for key, value in home.items()}
    except FieldError:
        problem("home", _("coming and latest must be whole numbers"),
                _("write home: {example}").format(example="{coming: 5, latest: 5}"))
        home = {}
    meeting_types = data.get("meeting_types") or list(DEFAULT_MEETING_TYPES)
    if isinstance(meeting_types, str):
        meeting_types = [part for part in meeting_types.split(",")]
    if not isinstance(meeting_types, list) or not all(isinstance(name, str) for name in meeting_types):
        problem("meeting_types", _("expected a list of meeting types"), _("write meeting_types: [styrelsemöte, …]"))
        meeting_types = list(DEFAULT_MEETING_TYPES)
    meeting_types = tuple(dict.fromkeys(name.strip().lower() for name in meeting_types if name.strip()))
    if problems:
        raise BuildFailed(problems)
    return Config(root=root, title=title, base_url=base_url,
                  description=_one_line(data.get("description")),
                  language=_one_line(data.get("language")) or "sv", timezone=timezone, theme=theme,
                  publish_names=publish_names, organisation=_one_line(data.get("organisation")),
                  contact={str(k): _one_line(v) for k, v in contact.items() if v is not None}, feed=feed,
                  home=home, footer=_one_line(data.get("footer")), meeting_types=meeting_types)


def _one_line(value) -> str:
    """A setting's text; a list or a group where a text belongs is read as its text."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return ", ".join(map(_one_line, value))
    return str(value).strip()


# What may stand in a host name: letters (also non-ASCII, for IDN), digits, dots, hyphens, a port.
_HOST = re.compile(r"^[\w.-]+(?::\d{1,5})?$")
# A path keeps its slashes and what RFC 3986 allows unescaped, except characters that would end
# an HTML attribute or look like markup (' " < > and spaces are percent-encoded).
_PATH_SAFE = "/-._~!$&()*+,;=:@%"


def _base_url(text: str) -> tuple[str, tuple[str, str] | None]:
    """base_url ending in '/', its path percent-encoded where it is not URL-safe, or a problem."""
    if text.startswith("/") and not text.startswith("//"):
        return quote(text.rstrip("/") + "/", safe=_PATH_SAFE), None
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or not _HOST.match(parts.netloc):
        return "/", (_("'{value}' is not a web address").format(value=text),
                     _("write the full address, e.g. https://samordning.example.se/ (or / for local use)"))
    if parts.query or parts.fragment:
        return "/", (_("'{value}' has a ? or # part").format(value=text), _("give only the address of the site's front page"))
    path = quote(parts.path.rstrip("/") + "/", safe=_PATH_SAFE)
    return f"{parts.scheme}://{parts.netloc.lower()}{path}", None
