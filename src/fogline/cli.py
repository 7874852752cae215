"""The command line, a thin layer over ``fogline.api``.

Errors print one line on stderr and exit non-zero (``--debug`` shows the traceback).
Exit codes: 0 ok; 1 error; 2 bad input or usage; 3 workspace problem; 4 bad sides or
questions file; 5 model missing; 6 finished, but some inputs were skipped; 130 interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from fogline import __version__, api
from fogline.bench.commands import bench
from fogline.errors import FoglineError, WorkspaceError
from fogline.ingest.pages import read_url_list
from fogline.link.questions_file import CANDIDATES
from fogline.present import (
    render_questions_summary,
    render_summary,
    write_csv,
    write_html,
    write_json,
)
from fogline.settings import QUESTIONS_FILE, default_workspace
from fogline.store import Workspace
from fogline.train.commands import train

EXIT_SKIPPED = 6
EXIT_INTERRUPTED = 130


class _Group(click.Group):
    """Turns FoglineErrors into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FoglineError as exc:
            if ctx.meta.get("fogline.debug"):
                raise
            click.echo(f"fogline: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(
                "fogline: interrupted; the workspace is consistent, run the command "
                "again to continue",
                err=True,
            )
            ctx.exit(EXIT_INTERRUPTED)


def _console(ctx: click.Context) -> Console:
    return Console(stderr=True, quiet=bool(ctx.meta.get("fogline.quiet")), markup=False)


@contextmanager
def _progress(ctx: click.Context) -> Iterator[api.Progress]:
    console = _console(ctx)
    columns = (
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=console.quiet or not console.is_terminal
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _workspace_dir(ctx: click.Context) -> Path:
    given = ctx.meta.get("fogline.workspace")
    return Path(given) if given else default_workspace()


def _report_skipped(ctx: click.Context, report: api.AddReport) -> None:
    for problem in report.problems:
        click.echo(f"fogline: skipped {problem.path}: {problem.reason}", err=True)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fogline")
@click.option(
    "--workspace",
    "-w",
    metavar="DIR",
    envvar="FOGLINE_WORKSPACE",
    help="Workspace folder (default: $FOGLINE_WORKSPACE, else the current folder).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bars or summaries.")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, workspace: str | None, quiet: bool, debug: bool) -> None:
    """fogline weighs conflicting reports.

    It reads reports (text, Markdown, HTML, JSONL), finds who said what, when and where,
    groups claims into competing hypotheses, weighs every source by reliability, interest
    and independence, and gives each hypothesis a probability with the evidence behind it.

    \b
    One shot:     fogline analyze reports/ --out report.html
    Demo:         fogline demo --out report.html
    Workspace:    fogline init DIR; fogline add PATH...; fogline assess;
                  fogline ask "QUESTION" -H "ACCOUNT" -H "OTHER ACCOUNT";
                  fogline grade "SOURCE" B; fogline serve (a local page to do all this);
                  fogline report --out report.html; fogline export --format json --out x.json
    """
    ctx.meta["fogline.workspace"] = workspace
    ctx.meta["fogline.quiet"] = quiet
    ctx.meta["fogline.debug"] = debug


_file_options = [
    click.option(
        "--published",
        callback=_parse_date,
        metavar="YYYY-MM-DD",
        help="Publication date for files that do not carry one.",
    ),
    click.option("--outlet", metavar="NAME", help="Outlet for files that do not name one."),
    click.option(
        "--urls",
        "url_list",
        type=click.Path(dir_okay=False, path_type=Path),
        help="A text file of web page addresses to fetch, one per line ('#' starts a comment).",
    ),
]


def _with_file_options(func: Any) -> Any:
    for option in reversed(_file_options):
        func = option(func)
    return func


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--sides",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A sides.toml to copy into the workspace.",
)
@click.option(
    "--questions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A questions.toml to copy into the workspace.",
)
@click.pass_context
def init(
    ctx: click.Context, directory: Path | None, sides: Path | None, questions: Path | None
) -> None:
    """Create a workspace in DIRECTORY (default: the workspace folder)."""
    target = directory or _workspace_dir(ctx)
    api.init(target, sides, questions)
    _console(ctx).print(f"Workspace ready in {target}")


@cli.command()
@click.argument("sources", nargs=-1)
@_with_file_options
@click.pass_context
def add(
    ctx: click.Context,
    sources: tuple[str, ...],
    published: date | None,
    outlet: str | None,
    url_list: Path | None,
) -> None:
    """Read and analyze report files, folders or web pages (http/https URLs) into the
    workspace.

    A URL is fetched once, now, bounded in size and time; nothing else is fetched.
    Re-adding a report already in the workspace does nothing. Unreadable files and pages
    are skipped with a one-line reason each, and the exit code is 6.
    """
    paths, urls = _split_sources(sources, url_list)
    with Workspace.open(_workspace_dir(ctx)) as ws, _progress(ctx) as progress:
        report = api.add(
            ws, paths, urls=urls, published=published, outlet=outlet, progress=progress
        )
    _report_skipped(ctx, report)
    _console(ctx).print(
        f"Added {_plural(report.added, 'document')} ({report.duplicates} already there, "
        f"{len(report.problems)} skipped)"
    )
    if report.problems:
        ctx.exit(EXIT_SKIPPED)


@cli.command()
@click.pass_context
def assess(ctx: click.Context) -> None:
    """Link the corpus and assess every question; prints the summary."""
    with Workspace.open(_workspace_dir(ctx)) as ws:
        with _progress(ctx) as progress:
            api.assess(ws, progress=progress)
        render_summary(api.result(ws), Console(quiet=bool(ctx.meta.get("fogline.quiet"))))


def _assessed_result(ctx: click.Context) -> dict[str, Any]:
    directory = _workspace_dir(ctx)
    with Workspace.open(directory) as ws:
        if ws.get_meta("assessed") is None:
            raise WorkspaceError(
                "the workspace has changed since it was last assessed; run `fogline assess` first"
            )
        return api.result(ws, str(directory))


@cli.command()
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the self-contained HTML report.",
)
@click.pass_context
def report(ctx: click.Context, out: Path) -> None:
    """Write the HTML report of the last assessment."""
    write_html(_assessed_result(ctx), out)
    _console(ctx).print(f"Report written to {out}")


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "parquet"]),
    default="json",
    show_default=True,
    help="json: the whole result document; csv or parquet: one file per table "
    "(parquet needs the arrow extra: pip install 'fogline[arrow]').",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="A file for json, a folder for csv and parquet (one file per table).",
)
@click.pass_context
def export(ctx: click.Context, fmt: str, out: Path) -> None:
    """Export the last assessment as JSON, CSV or Parquet."""
    result = _assessed_result(ctx)
    if fmt == "json":
        write_json(result, out)
    elif fmt == "csv":
        write_csv(result, out)
    else:
        from fogline.present.arrow_export import write_parquet

        write_parquet(result, out)
    _console(ctx).print(f"Exported {fmt} to {out}")


@cli.command()
@click.option(
    "--draft",
    is_flag=True,
    help="Write these questions to the workspace's questions.toml, with the candidates "
    "commented out, for you to edit; then run `fogline assess` again.",
)
@click.option("--force", is_flag=True, help="With --draft: replace an existing questions.toml.")
@click.option(
    "--candidates",
    "limit",
    type=click.IntRange(0, 50),
    default=CANDIDATES,
    show_default=True,
    help="How many other widely voiced propositions to offer as candidate hypotheses.",
)
@click.pass_context
def questions(ctx: click.Context, draft: bool, force: bool, limit: int) -> None:
    """The questions of the last assessment and candidate hypotheses for each.

    Without a questions.toml, fogline derives one question from the most widely voiced
    propositions, preferring accounts that oppose each other. `fogline questions --draft`
    writes what was weighed to questions.toml, where you reword it, delete hypotheses that
    do not exclude each other and uncomment candidates; the next `fogline assess` weighs
    your questions instead.
    """
    result = _assessed_result(ctx)
    if draft:
        path = api.draft_questions(result, _workspace_dir(ctx), force=force, limit=limit)
        _console(ctx).print(f"Questions written to {path}; edit it, then run `fogline assess`")
    else:
        render_questions_summary(result, limit, Console(quiet=bool(ctx.meta.get("fogline.quiet"))))


@cli.command()
@click.argument("question")
@click.option(
    "-H",
    "--hypothesis",
    "hypotheses",
    multiple=True,
    required=True,
    metavar="TEXT",
    help="One competing account, worded as a statement; give two or more.",
)
@click.option(
    "--about",
    multiple=True,
    metavar="WORD",
    help="A word a report must mention to speak to the question (repeatable; default: "
    "every report may).",
)
@click.option("--no-assess", is_flag=True, help="Only add the question; weigh it later.")
@click.pass_context
def ask(
    ctx: click.Context,
    question: str,
    hypotheses: tuple[str, ...],
    about: tuple[str, ...],
    no_assess: bool,
) -> None:
    """Ask a question: add it with its competing hypotheses to the workspace's
    questions.toml, then assess and show how the reports weigh on it.

    \b
    Example:
      fogline ask "Where do Aldmarkian forces stand in Selm?" \\
        -H "Aldmark holds a foothold in Selm" -H "Aldmark broke through in Selm" \\
        -H "Aldmark was repelled from Selm"

    The hypotheses should exclude each other. Reword or delete them later in
    questions.toml.
    """
    with Workspace.open(_workspace_dir(ctx)) as ws:
        question_id = api.ask(ws, question, hypotheses, about)
        _console(ctx).print(f"Question {question_id} added to {ws.directory / QUESTIONS_FILE}")
        if no_assess:
            return
        with _progress(ctx) as progress:
            api.assess(ws, progress=progress)
        result = api.result(ws)
    result["questions"] = [q for q in result.get("questions") or [] if q.get("id") == question_id]
    render_summary(result, Console(quiet=bool(ctx.meta.get("fogline.quiet"))))


@cli.command()
@click.argument("source")
@click.argument("grade", type=click.Choice([*"ABCDEF", "none"], case_sensitive=False))
@click.pass_context
def grade(ctx: click.Context, source: str, grade: str) -> None:
    """Set the Admiralty reliability grade (A completely reliable ... E unreliable, F cannot
    be judged) of SOURCE, named as the report shows it; `none` clears your correction.

    Corrections live in the workspace's grades.toml and override sides.toml; run
    `fogline assess` to apply them.
    """
    with Workspace.open(_workspace_dir(ctx)) as ws:
        cleared = grade.lower() == "none"
        api.grade(ws, source, None if cleared else grade.upper())
    done = f"Grade of {source} cleared" if cleared else f"{source} graded {grade.upper()}"
    _console(ctx).print(f"{done}; run `fogline assess` to apply it")


@cli.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free one).",
)
@click.pass_context
def serve(ctx: click.Context, port: int) -> None:
    """Serve the workspace's report at http://127.0.0.1:PORT/ (this machine only), with
    forms to ask a question, correct a source's grade, the stance behind an evidence
    row or the speaker of a statement, and re-assess. Ctrl-C stops it."""
    from fogline.present.web import ReportServer

    server = ReportServer(_workspace_dir(ctx), port)
    _console(ctx).print(f"Serving {server.directory.resolve()} at {server.url} (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        _console(ctx).print("Stopped.")
    finally:
        server.server_close()


@cli.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """Counts of what the workspace holds, and whether it needs `fogline assess`."""
    directory = _workspace_dir(ctx)
    with Workspace.open(directory) as ws:
        counts = {
            t: ws.count(t)
            for t in ("documents", "statements", "claims", "actors", "questions", "problems")
        }
        assessed = ws.get_meta("assessed")
    click.echo(f"workspace   {directory.resolve()}")
    for table, n in counts.items():
        click.echo(f"{table:<11} {n}")
    click.echo(f"assessed    {'yes, on ' + assessed if assessed else 'no: run `fogline assess`'}")


def _split_sources(sources: Sequence[str], url_list: Path | None) -> tuple[list[Path], list[str]]:
    """Command-line sources as paths and URLs, with the addresses listed in ``url_list``:
    anything with "://" is a URL (fetching one that is not http(s) fails with a reason)."""
    urls = [s for s in sources if "://" in s]
    if url_list is not None:
        urls.extend(read_url_list(url_list))
    if not sources and not urls:
        raise click.UsageError("name at least one file, folder or web address (or --urls FILE)")
    return [Path(s) for s in sources if "://" not in s], urls


def _one_shot(
    ctx: click.Context,
    sources: Sequence[str],
    out: Path | None,
    json_out: Path | None,
    url_list: Path | None = None,
    **kwargs: Any,
) -> None:
    paths, urls = _split_sources(sources, url_list)
    with _progress(ctx) as progress:
        result, add_report = api.analyze(paths, urls=urls, progress=progress, **kwargs)
    _report_skipped(ctx, add_report)
    if out:
        write_html(result, out)
    if json_out:
        write_json(result, json_out)
    render_summary(result, Console(quiet=bool(ctx.meta.get("fogline.quiet"))))
    if out:
        _console(ctx).print(f"Report written to {out}")
    if add_report.problems:
        ctx.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the self-contained HTML report here.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the result document as JSON here.",
)
@click.option(
    "--sides",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Analyst's sides file (TOML): sides, actors, outlets, grades.",
)
@click.option(
    "--questions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Analyst's questions file (TOML): questions and their hypotheses.",
)
@_with_file_options
@click.pass_context
def analyze(
    ctx: click.Context,
    sources: tuple[str, ...],
    out: Path | None,
    json_out: Path | None,
    sides: Path | None,
    questions: Path | None,
    published: date | None,
    outlet: str | None,
    url_list: Path | None,
) -> None:
    """One shot: analyze files, folders or web pages (http/https URLs, fetched once, now)
    in a temporary workspace and report."""
    _one_shot(
        ctx,
        sources,
        out,
        json_out,
        url_list,
        sides=sides,
        questions=questions,
        published=published,
        outlet=outlet,
    )


@cli.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="Write the self-contained HTML report here.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the result document as JSON here.",
)
@click.pass_context
def demo(ctx: click.Context, out: Path, json_out: Path | None) -> None:
    """Analyze the bundled demo corpus: a fictional contested offensive, 20+ reports."""
    root = resources.files("fogline.demo")
    with resources.as_file(root) as folder:
        _one_shot(
            ctx,
            [str(folder / "corpus")],
            out,
            json_out,
            sides=folder / "sides.toml",
            questions=folder / "questions.toml",
        )


cli.add_command(bench)
cli.add_command(train)


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(prog_name="fogline"))


if __name__ == "__main__":
    main()
