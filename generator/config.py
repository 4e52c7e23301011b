"""Read site.yaml into a typed, validated Config; a broken file is an ordinary content error."""
from __future__ import annotations

import difflib
import zoneinfo
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .errors import Problem
from .sources import _Loader, _key_lines
from .themes import builtin_theme_names, theme_chain

CONFIG_NAME = "site.yaml"

KNOWN_KEYS = {
    "title", "description", "base_url", "language", "timezone", "theme", "publish_names",
    "organisation", "contact", "feed", "home", "footer",
}


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
                     self.feed, sorted(self.home.items()), self.footer))


def load_config(root: Path) -> Config:
    path = root / CONFIG_NAME
    rel = CONFIG_NAME
    if not path.is_file():
        raise Problem(rel, 1, None, "site.yaml is missing",
                      "run sitegen in the site's folder, or create site.yaml with title and base_url")
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader) or {}
    except UnicodeDecodeError:
        raise Problem(rel, 1, None, "site.yaml is not UTF-8 text", "save it as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise Problem(rel, line, None, f"site.yaml is not valid YAML ({getattr(exc, 'problem', exc)})",
                      "check colons, indentation and quotes on this line") from None
    if not isinstance(data, dict):
        raise Problem(rel, 1, None, "site.yaml must be a list of 'setting: value' lines",
                      "see the README for an example")
    lines = _key_lines(node)
    problems: list[Problem] = []

    def problem(key: str, message: str, fix: str = "") -> None:
        problems.append(Problem(rel, lines.get(key, 1), key, message, fix))

    for key in sorted(set(map(str, data)) - KNOWN_KEYS):
        close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
        problem(key, "unknown setting", f"did you mean '{close[0]}'?" if close
                else f"known settings: {', '.join(sorted(KNOWN_KEYS))}")

    title = data.get("title")
    if not title or not isinstance(title, str):
        problem("title", "the site needs a title", "add 'title: …' to site.yaml")
    base_url = str(data.get("base_url") or "/")
    parts = urlsplit(base_url)
    if base_url != "/" and (parts.scheme not in ("http", "https") or not parts.netloc):
        if not base_url.startswith("/"):
            problem("base_url", f"'{base_url}' is not a web address",
                    "write the full address, e.g. https://samordning.example.se/ (or / for local use)")
    if not base_url.endswith("/"):
        base_url += "/"
    timezone = str(data.get("timezone", "Europe/Stockholm"))
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problem("timezone", f"unknown time zone '{timezone}'", "use Europe/Stockholm")
    theme = str(data.get("theme", "default"))
    if not theme_chain(root, theme):
        problem("theme", f"there is no theme '{theme}': not under themes/ and not built into sitegen",
                f"use theme: default, or create themes/{theme}/ (built-in: {', '.join(builtin_theme_names())})")
    publish_names = data.get("publish_names", True)
    if not isinstance(publish_names, bool):
        problem("publish_names", "expected true or false", "write publish_names: true or false")
        publish_names = True
    feed_data = data.get("feed") or {}
    feed = FeedSettings()
    if not isinstance(feed_data, dict):
        problem("feed", "expected feed settings", "write feed: {refresh_hours: 12}")
    else:
        try:
            feed = FeedSettings(refresh_hours=int(feed_data.get("refresh_hours", 12)),
                                past_days=int(feed_data.get("past_days", 0)))
            if feed.refresh_hours < 1:
                raise ValueError
        except (TypeError, ValueError):
            problem("feed", "refresh_hours and past_days must be whole numbers (refresh_hours ≥ 1)",
                    "write feed: {refresh_hours: 12}")
    contact = data.get("contact") or {}
    if not isinstance(contact, dict):
        contact = {"email": str(contact)}
    home = data.get("home") or {}
    if not isinstance(home, dict):
        problem("home", "expected home page settings", "write home: {coming: 5, latest: 5}")
        home = {}
    if problems:
        from .errors import BuildFailed
        raise BuildFailed(problems)
    return Config(root=root, title=str(title), base_url=base_url,
                  description=str(data.get("description") or ""),
                  language=str(data.get("language", "sv")), timezone=timezone, theme=theme,
                  publish_names=publish_names, organisation=str(data.get("organisation") or ""),
                  contact={str(k): str(v) for k, v in contact.items()}, feed=feed, home=home,
                  footer=str(data.get("footer") or ""))
