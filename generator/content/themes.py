"""Where a site's templates and static files come from: its own themes/<name>/ first, then the
theme built into sitegen.

A site needs no theme folder at all. A file under its themes/<name>/ replaces the built-in file
with the same path (templates/base.html, static/site.css …); every file it lacks comes from the
built-in theme of that name, or from the built-in default theme when the name is the site's own.
"""
from __future__ import annotations

import re
from pathlib import Path

DEFAULT_THEME = "default"
_THEME_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")

_PACKAGE = Path(__file__).resolve().parent.parent   # generator/
# An installed wheel carries the themes here (pyproject.toml maps the repository's themes/ onto
# this folder); a source checkout or an editable install reads the repository's themes/ itself.
_PACKAGED_THEMES = _PACKAGE / "builtin_themes"
_CHECKOUT_THEMES = _PACKAGE.parent / "themes"


def builtin_themes_dir() -> Path:
    """The folder holding the built-in themes, one subfolder each."""
    return _PACKAGED_THEMES if _PACKAGED_THEMES.is_dir() else _CHECKOUT_THEMES


def builtin_theme_names() -> list[str]:
    folder = builtin_themes_dir()
    return sorted(p.name for p in folder.iterdir() if (p / "templates").is_dir()) if folder.is_dir() else []


def theme_chain(root: Path, name: str) -> tuple[Path, ...]:
    """The theme folders to look in, first match wins; empty when `name` is neither the site's own
    theme nor a built-in one. A folder appears once even when two entries are the same folder
    (this repository's themes/ is both the site's and the built-in one)."""
    if not _THEME_NAME.fullmatch(name):   # a folder name, never a path out of themes/
        return ()
    builtin = builtin_themes_dir()
    own = Path(root) / "themes" / name
    if not own.is_dir() and not (builtin / name / "templates").is_dir():
        return ()
    chain: list[Path] = []
    seen: set[Path] = set()
    for folder in (own, builtin / name, builtin / DEFAULT_THEME):
        if folder.is_dir() and folder.resolve() not in seen:
            seen.add(folder.resolve())
            chain.append(folder)
    return tuple(chain)


def theme_files(chain: tuple[Path, ...], subfolder: str = "") -> dict[str, Path]:
    """Path within the theme (or within `subfolder` of it) → the file that provides it, sorted."""
    found: dict[str, Path] = {}
    for theme in chain:
        base = theme / subfolder if subfolder else theme
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            if path.is_file():
                found.setdefault(path.relative_to(base).as_posix(), path)
    return dict(sorted(found.items()))
