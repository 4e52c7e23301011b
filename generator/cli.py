"""The `sitegen` command: parses arguments, calls the pipeline, turns errors into exit codes.

The one module that imports inside functions, on purpose: each command imports what it runs
when it runs. Importing every command's modules (Jinja2, cmark, icalendar, the importer's
readers) costs about 0.35 s, which a rebuild where nothing changed (answered in 0.3 s) and
`sitegen --help` would pay each time."""
from __future__ import annotations

import argparse
import signal
import sys
import threading
import traceback
from pathlib import Path

from generator import __version__
from generator import i18n
from generator.errors import BuildFailed, OutputUnusable, Problem, WorkerStopped, shown
from generator.i18n import _, ngettext


def _print_problems(problems: list[Problem], stream) -> None:
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(shown(problem), file=stream)
    if errors:
        print(ngettext("{count} error: nothing was written; output/ is unchanged.",
                       "{count} errors: nothing was written; output/ is unchanged.",
                       len(errors)).format(count=len(errors)), file=stream)


def cmd_build(args) -> int:
    from generator.pipeline.fingerprint import unchanged
    from generator.store.progress import NORMAL, QUIET, VERBOSE, TerminalProgress
    verbosity = QUIET if args.quiet else VERBOSE if args.verbose else NORMAL
    out = Path(args.out) if args.out else None
    # Nothing changed: answered before the pipeline (Jinja2, Markdown, iCal) is even imported.
    result = None if args.no_cache else unchanged(Path(args.root), out)
    if result is None:
        from generator.pipeline.build import build
        result = build(Path(args.root), out, progress=TerminalProgress(sys.stderr, verbosity),
                       use_cache=not args.no_cache)
    if verbosity > QUIET:
        for warning in result.warnings:
            print(shown(warning), file=sys.stderr)
        print(result.summary())
    return 0


def cmd_serve(args) -> int:
    from generator.authoring.serve import serve
    return serve(Path(args.root), port=args.port, open_browser=args.open, quiet=args.quiet,
                 verbose=bool(args.verbose), debug=args.debug)


def cmd_new(args) -> int:
    from generator.authoring.new import new_command
    return new_command(Path(args.root), args.kind, federation=args.federation, date=args.date,
                       title=args.title, force=args.force, out=sys.stdout)


def cmd_check(args) -> int:
    from generator.authoring.check import check_command
    return check_command(Path(args.root), strict=args.strict, quiet=args.quiet, out=sys.stdout, err=sys.stderr)


def cmd_import(args) -> int:
    from generator.authoring.importer import import_command
    return import_command([Path(f) for f in args.files], site_root=Path(args.root),
                          into=Path(args.into) if args.into else None, dry_run=args.dry_run,
                          force=args.force, out=sys.stdout)


def cmd_init(args) -> int:
    from generator.authoring.init import Settings, init_command
    given = {name: value for name, value in (
        ("title", args.title), ("base_url", args.base_url), ("organisation", args.organisation),
        ("email", args.email), ("install", args.install),
        ("federations", tuple(args.federation) if args.federation else None)) if value is not None}
    # Ask only on a terminal, and only for what the options left open.
    interactive = not args.no_input and len(given) < 5 and sys.stdin.isatty() and sys.stdout.isatty()
    return init_command(Path(args.folder), Settings(**given), force=args.force, interactive=interactive,
                        out=sys.stdout, err=sys.stderr)


def cmd_publish(args) -> int:
    from generator.authoring.publish import publish_command
    return publish_command(Path(args.root), args.target, delete=args.delete, dry_run=args.dry_run,
                           quiet=args.quiet, out=sys.stdout, err=sys.stderr)


def cmd_clean(args) -> int:
    import shutil
    root = Path(args.root)
    for name in ("output", ".sitegen-cache"):
        shutil.rmtree(root / name, ignore_errors=True)
    print(_("Removed output/ and the build cache."))
    return 0


def _output_flags(command: argparse.ArgumentParser) -> None:
    """-v and -q after the command too; SUPPRESS keeps them from resetting the same flags given before it."""
    command.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=_("print errors only"))
    command.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                         help=_("say more: each written file and the time of each step"))


def _language_flag(command: argparse.ArgumentParser, default=argparse.SUPPRESS) -> None:
    command.add_argument("--lang", choices=i18n.LANGUAGES, default=default,
                         help=_("the language of messages and help: sv (default) or en; "
                                "also SITEGEN_LANG=en"))


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description=_("Build the samordningsförbund website."))
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}",
                        help=_("show the version number and exit"))
    parser.add_argument("--root", default=".", metavar=_("FOLDER"), help=_("the site folder (with site.yaml); default: here"))
    parser.add_argument("--debug", action="store_true", help=_("show Python tracebacks for internal errors"))
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help=_("say more: each written file and the time of each step"))
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print errors only"))
    _language_flag(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    commands.required = True

    build = commands.add_parser("build", help=_("build the site into output/"))
    build.add_argument("--out", metavar=_("FOLDER"), help=_("where to write the site (default: output/)"))
    build.add_argument("--no-cache", action="store_true",
                       help=_("neither read nor write the build cache (.sitegen-cache/); same output, slower"))
    _output_flags(build)
    build.set_defaults(func=cmd_build)

    serve = commands.add_parser("serve", help=_("build, serve on 127.0.0.1 and rebuild on change"))
    serve.add_argument("--port", type=int, default=8000, metavar=_("PORT"), help=_("the port to serve on (default: 8000)"))
    serve.add_argument("--open", action="store_true", help=_("open the site in a browser"))
    _output_flags(serve)
    serve.set_defaults(func=cmd_serve)

    new = commands.add_parser("new", help=_("write a new content file with every field explained"))
    new.add_argument("kind", choices=["meeting", "event", "project", "federation"], metavar=_("KIND"),
                     help=_("what to write: meeting, event, project or federation"))
    new.add_argument("--federation", metavar=_("NAME"), help=_("the federation it concerns (slug, name or short name)"))
    new.add_argument("--date", metavar=_("DATE"), help=_("YYYY-MM-DD (an event may add a time: \"2022-05-05 09:00\")"))
    new.add_argument("--title", metavar=_("TITLE"), help=_("the title (the name, for a project or federation)"))
    new.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    new.set_defaults(func=cmd_new)

    check = commands.add_parser("check", help=_("build into a temporary folder and look for mistakes"))
    check.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))
    _output_flags(check)
    check.set_defaults(func=cmd_check)

    imp = commands.add_parser("import", help=_("turn minutes (.txt, .md, .docx, .odt, .pdf) into content files"))
    imp.add_argument("files", nargs="+", metavar=_("FILE|FOLDER"),
                     help=_("files of minutes, or folders: every .txt, .md, .docx, .odt and .pdf in them"))
    imp.add_argument("--into", metavar=_("FOLDER"), help=_("folder for the meetings (default: content/meetings); "
                                                         "proposed events always go to content/events"))
    imp.add_argument("--dry-run", action="store_true", help=_("show what would be written, write nothing"))
    imp.add_argument("--force", action="store_true",
                     help=_("overwrite existing content files and import files imported before again"))
    imp.set_defaults(func=cmd_import)

    init = commands.add_parser("init", help=_("start a new site: site.yaml, example content, README and publishing"))
    init.add_argument("folder", nargs="?", default=".", metavar=_("FOLDER"), help=_("where (default: here); must be empty"))
    init.add_argument("--title", metavar=_("TITLE"), help=_("the site's title"))
    init.add_argument("--base-url", metavar=_("ADDRESS"), help=_("the public address, e.g. https://samordning.example.se/"))
    init.add_argument("--organisation", metavar=_("NAME"), help=_("who runs the site (default: the title)"))
    init.add_argument("--email", metavar=_("EMAIL"), help=_("the editors' contact e-mail"))
    init.add_argument("--federation", action="append", metavar=_("NAME"),
                      help=_("a federation on the site (repeat for several), e.g. --federation Roslagen"))
    init.add_argument("--install", metavar=_("REQUIREMENT"),
                      help=_("how the workflows install sitegen (default: sitegen=={version})").format(version=__version__))
    init.add_argument("--no-input", action="store_true", help=_("ask nothing; use the options and defaults"))
    init.add_argument("--force", action="store_true",
                      help=_("write into a folder that is not empty (existing files are still never replaced)"))
    init.set_defaults(func=cmd_init)

    publish = commands.add_parser("publish", help=_("copy output/ to a folder or user@host:folder (rsync), only what changed"))
    publish.add_argument("target", metavar=_("TARGET"))
    publish.add_argument("--delete", action="store_true", help=_("remove files in TARGET the site no longer has"))
    publish.add_argument("--dry-run", action="store_true", help=_("show what would be copied, change nothing"))
    _output_flags(publish)
    publish.set_defaults(func=cmd_publish)

    clean = commands.add_parser("clean", help=_("remove output/ and the build cache"))
    clean.set_defaults(func=cmd_clean)
    for command in commands.choices.values():     # --lang after the command too
        _language_flag(command)
        command.description = command.description or _help_of(commands, command)
    return parser


def _help_of(commands, command) -> str | None:
    """A sub-command's one-line help, shown again at the top of its own --help."""
    for action in commands._choices_actions:
        if commands.choices.get(action.dest) is command:
            return action.help
    return None


def run() -> None:
    """The `sitegen` command itself."""
    try:
        try:
            code = main()
        finally:
            _let_late_ctrl_c_pass()
    except KeyboardInterrupt:   # Ctrl-C before the command began, or while it was stopping
        _let_late_ctrl_c_pass()
        print(_("Stopped. output/ holds the last complete site."), file=sys.stderr)
        code = 130
    sys.exit(code)


def _let_late_ctrl_c_pass() -> None:
    """Once the command has ended, a Ctrl-C has nothing left to stop: it must not escape as a traceback
    (or a death by signal) while Python exits. A handler that does nothing, not SIG_IGN, so that a
    Ctrl-C Python has already caught but not yet handled is also absorbed quietly."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, lambda signum, frame: None)


def choose_language(argv: list[str]) -> str:
    """--lang beats SITEGEN_LANG beats the site's `language` (site.yaml in --root) beats Swedish.
    Chosen before the parser is made, so that its help is in that language too."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    early.add_argument("--root", default=".")
    known, _rest = early.parse_known_args(argv)
    return i18n.choose(known.lang, _site_language(Path(known.root)))


def _site_language(root: Path) -> str | None:
    """The `language` of site.yaml, read without the config's checks (which report in the language)."""
    try:
        import yaml
        data = yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8"))
    except Exception:    # no site (init, a wrong folder) or a broken site.yaml: the build says so later
        return None
    return str(data.get("language")) if isinstance(data, dict) and data.get("language") else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    i18n.set_language(choose_language(argv))
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BuildFailed as failed:
        _print_problems(failed.problems, sys.stderr)
        return 1
    except Problem as problem:
        _print_problems([problem], sys.stderr)
        return 1
    except OutputUnusable as unusable:
        print("sitegen: {problem}\n{note}".format(problem=unusable, note=_("Nothing was written.")), file=sys.stderr)
        return 1
    except WorkerStopped as stopped:
        print("sitegen: {problem}\n{note}".format(problem=stopped, note=_("Nothing was written.")), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("Stopped. output/ holds the last complete site."), file=sys.stderr)
        return 130
    except OSError as exc:  # the machine, not the content: a read-only folder, a full disk
        if args.debug:
            traceback.print_exc()
        text = (_("sitegen: could not read or write {file}: {reason}") if exc.filename
                else _("sitegen: could not read or write: {reason}"))
        print(text.format(file=exc.filename, reason=exc.strerror or exc) + "\n"
              + _("Check that the site folder is writable and the disk has room, then run the command "
                  "again; output/ keeps the last complete site."), file=sys.stderr)
        return 2
    except Exception as exc:  # an author must never see a traceback
        if args.debug:
            traceback.print_exc()
        else:
            print(_("sitegen: internal error: {kind}: {error}").format(kind=exc.__class__.__name__, error=exc)
                  + "\n" + _("This is a bug in sitegen, not in your content. Run again with --debug and "
                              "send the output to the site's maintainers."), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
