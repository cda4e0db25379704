"""Command line: ``python -m kbo_dashboard <command>``.

- ``template OUT.xlsx [--demo]``: an empty workbook in the layout, or the demo data.
- ``hash-password``: the chair password's hash; ``decision-key``: a new KBO_DECISION_KEY.
Other commands (Google Sheets set-up and checks) register themselves in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable

from kbo_dashboard.meeting import password
from kbo_dashboard.sources.demo import demo_tabs
from kbo_dashboard.sources.workbook import template_tabs, write_xlsx

#: name -> (add_arguments, run); run returns the exit code.
COMMANDS: dict[
    str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
] = {}


def _template_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", help="path of the .xlsx to write")
    parser.add_argument("--demo", action="store_true", help="write the demo data instead")
    parser.add_argument("--judges", type=int, default=3, help="judge tabs in an empty template")


def _template(args: argparse.Namespace) -> int:
    tabs = demo_tabs() if args.demo else template_tabs(n_judges=args.judges)
    write_xlsx(tabs, args.out)
    print(f"wrote {args.out} ({len(tabs)} tabs)")
    return 0


COMMANDS["template"] = (_template_args, _template)
COMMANDS["hash-password"] = (password.hash_password_args, password.hash_password_command)


def _decision_key(args: argparse.Namespace) -> int:
    """Print a new KBO_DECISION_KEY line for secrets.toml (the key signs the chair's decisions)."""
    from kbo_dashboard.meeting.signing import KEY_ENV, new_key

    print(f'{KEY_ENV} = "{new_key()}"')
    return 0


COMMANDS["decision-key"] = (lambda parser: None, _decision_key)


def _register_optional() -> None:
    with contextlib.suppress(ImportError):
        from kbo_dashboard.commands import sheet_setup

        # A function call, not an import side effect: under ``python -m`` this module is
        # ``__main__``, so sheet_setup could not reach this COMMANDS by importing it.
        sheet_setup.register(COMMANDS)


def main(argv: list[str] | None = None) -> int:
    _register_optional()
    parser = argparse.ArgumentParser(prog="python -m kbo_dashboard")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (add_args, _run) in COMMANDS.items():
        add_args(sub.add_parser(name))
    args = parser.parse_args(argv)
    return COMMANDS[args.command][1](args)


if __name__ == "__main__":
    sys.exit(main())
