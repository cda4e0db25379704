"""Command line: ``python -m kbo_dashboard <command>`` (``--help`` says what each one does).

- ``template OUT.xlsx [--demo | --from PARTIAL.xlsx] [--judges N] [--lang th|en]``
  (:mod:`kbo_dashboard.commands.template`);
- ``hash-password``: the chair password's hash (:mod:`kbo_dashboard.commands.hash_password`);
  ``decision-key``: a new KBO_DECISION_KEY.
Other commands (Google Sheets set-up, checks, judge cards) register themselves in
:data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from kbo_dashboard.commands import hash_password, sheet_setup, template
from kbo_dashboard.i18n import t

#: name -> (add_arguments, run); run returns the exit code.
COMMANDS: dict[
    str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
] = {}


COMMANDS["template"] = (template.template_args, template.run_template)
COMMANDS["hash-password"] = (hash_password.hash_password_args, hash_password.hash_password_command)


def _decision_key(args: argparse.Namespace) -> int:
    """Print a new KBO_DECISION_KEY line for secrets.toml (the key signs the chair's decisions)."""
    from kbo_dashboard.meeting.signing import KEY_ENV, new_key

    print(f'{KEY_ENV} = "{new_key()}"')
    return 0


COMMANDS["decision-key"] = (lambda parser: None, _decision_key)


def _register_sheet_commands() -> None:
    # A function call, not an import side effect: under ``python -m`` this module is
    # ``__main__``, so sheet_setup could not reach this COMMANDS by importing it. A command
    # that fails to import is an error here, never a command that silently goes missing.
    sheet_setup.register(COMMANDS)


def command_help(key: str) -> str:
    """A command's one-line help, Thai then English."""
    return f"{t(key, 'th')} / {t(key, 'en')}"


def main(argv: list[str] | None = None) -> int:
    _register_sheet_commands()
    parser = argparse.ArgumentParser(
        prog="python -m kbo_dashboard", description=command_help("cli.help.program")
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (add_args, _run) in COMMANDS.items():
        text = command_help(f"cli.help.{name.replace('-', '_')}")
        add_args(sub.add_parser(name, help=text, description=text))
    args = parser.parse_args(argv)
    return COMMANDS[args.command][1](args)


if __name__ == "__main__":
    sys.exit(main())
