"""The files crawlers and hosts read: sitemap.xml, robots.txt, and _headers (which Netlify and
Cloudflare Pages read for the calendar feeds' content type)."""
from __future__ import annotations



from generator.content import urls
from generator.feeds import atom
from generator.content.model import Site


def sitemap(site: Site, paths: list[str]) -> bytes:
    # XML's escape, as the Atom feeds write it.
    rows = [f"  <url><loc>{atom.escape(urls.absolute(site.config, urls.href(site.config, path)))}</loc></url>"
            for path in sorted(paths) if path.endswith("/")]
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(rows) + "\n</urlset>\n")
    return xml.encode("utf-8")


def robots(site: Site) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if site.config.base_url.startswith("http"):
        lines.append(f"Sitemap: {urls.absolute(site.config, urls.href(site.config, '/sitemap.xml'))}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def headers(feed_paths: list[str]) -> bytes:
    """_headers (Netlify, Cloudflare Pages and alike): calendar apps need text/calendar in UTF-8.
    Subscription feeds are listed one by one because these hosts cannot match '*.ics' mid-path."""
    lines = ["# Written by sitegen build. Single-event .ics downloads rely on the host's own .ics type;",
             "# see README, 'Kalenderflöden / Calendar feeds', for nginx and Apache."]
    for path in sorted(feed_paths):
        lines += [path, "  Content-Type: text/calendar; charset=utf-8", "  Cache-Control: public, max-age=3600"]
    return ("\n".join(lines) + "\n").encode("utf-8")


