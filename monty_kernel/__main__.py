"""``python -m monty_kernel install [...]`` writes the kernelspec; otherwise start the kernel."""
from __future__ import annotations

import argparse
import sys


def install_main(argv: list[str]) -> int:
    """Parse ``install`` options and write the kernelspec."""
    from .kernelspec import KERNEL_NAME, install, sys_prefix
    parser = argparse.ArgumentParser(prog='python -m monty_kernel install',
                                     description='Install the Monty Jupyter kernelspec.')
    where = parser.add_mutually_exclusive_group()
    where.add_argument('--user', action='store_true', help="install for the current user")
    where.add_argument('--sys-prefix', action='store_true',
                       help="install into this Python's prefix (virtualenv, conda env)")
    where.add_argument('--prefix', metavar='DIR', help='install under DIR/share/jupyter')
    parser.add_argument('--name', default=KERNEL_NAME, help='kernelspec name (default: monty)')
    parser.add_argument('--handlers', action='append', default=[], metavar='MODULE',
                        help='handler module or .py file for external functions (repeatable)')
    parser.add_argument('--autosave', metavar='FILE',
                        help='restore the session from FILE on start and save it after each cell')
    args = parser.parse_args(argv)
    prefix = sys_prefix() if args.sys_prefix else args.prefix
    path = install(user=args.user, prefix=prefix, name=args.name, handlers=args.handlers,
                   autosave=args.autosave)
    print(f'Installed kernelspec {args.name} in {path}')
    return 0


def kernel_main(argv: list[str]) -> None:
    """Start the kernel; ``--handlers`` and ``--autosave`` are ours, the rest is ipykernel's."""
    from ipykernel.kernelapp import IPKernelApp
    from traitlets.config import Config

    from .kernel import MontyKernel
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument('--handlers', action='append', default=[])
    parser.add_argument('--autosave', default='')
    ours, rest = parser.parse_known_args(argv)
    config = Config()
    config.MontyKernel.handler_specs = ours.handlers
    config.MontyKernel.autosave = ours.autosave
    IPKernelApp.launch_instance(argv=rest, kernel_class=MontyKernel, config=config)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ['install']:
        return install_main(argv[1:])
    kernel_main(argv)
    return 0


if __name__ == '__main__':
    sys.exit(main())
