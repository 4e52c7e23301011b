"""What each page template is made of, found in the templates themselves (what they extend,
include and import): the key a page's cached bytes are kept by, so that editing one template
renders again only the pages that use it."""
from __future__ import annotations


import jinja2

from generator.content import themes
from generator.content.config import Config
from generator.store.cache import BuildCache, digest


def theme_keys(config: Config, env: jinja2.Environment, page_templates: set[str],
               cache: BuildCache) -> tuple[str, dict[str, str]]:
    """(key of the theme files any page may use, key of each page template only its own pages use).

    A page template that no template extends, includes or imports (meeting.html, event.html…)
    reaches only the pages rendered with it, so editing it re-renders those pages alone. Every
    other file of the theme (base.html, the macros, the static files) counts for every page."""
    contents = {rel: path.read_bytes() for rel, path in themes.theme_files(config.theme_dirs).items()}
    hashes = {rel: digest(rel, data) for rel, data in contents.items()}
    whole = digest(*sorted(hashes.values()), *sorted(page_templates))
    leaves = cache.get("theme", whole)
    if leaves is None:
        leaves = _leaf_templates(env, page_templates)
        cache.put("theme", whole, leaves)
    own = {name: hashes[f"templates/{name}"] for name in leaves if f"templates/{name}" in hashes}
    shared = digest(*[value for rel, value in sorted(hashes.items()) if rel.removeprefix("templates/") not in own])
    return shared, own


def _leaf_templates(env: jinja2.Environment, page_templates: set[str]) -> list[str]:
    """The page templates no template refers to; none when a reference is not a plain name (or a
    template does not parse: the render reports that)."""
    import jinja2.meta
    referenced: set = set()
    try:
        for name in env.list_templates():
            source = env.loader.get_source(env, name)[0]
            referenced.update(jinja2.meta.find_referenced_templates(env.parse(source)))
    except jinja2.TemplateError:
        return []
    if None in referenced:   # a name computed at render time could be any template
        return []
    return sorted(page_templates - referenced)


