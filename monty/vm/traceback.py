"""CPython-style traceback text and ``Frame`` records for Monty exceptions."""
from __future__ import annotations

from ..builtins import types as T
from ..errors import Frame
from . import suggest
from .carets import marker_line

CAUSE = '\nThe above exception was the direct cause of the following exception:\n\n'
CONTEXT = '\nDuring handling of the above exception, another exception occurred:\n\n'


HIDDEN_FILES = frozenset({'<<callbacks>>'})   # builtins written in Monty, shown like C code


def visible(tb) -> list:
    """Traceback entries without the frames of builtins and library modules written in Monty
    (CPython shows none for its C builtins, and its library's own files cannot be matched)."""
    return [e for e in tb if not _library_file(e[0].filename)]


def _library_file(filename: str) -> bool:
    if filename in HIDDEN_FILES:
        return True
    if filename[:1] != '<' or filename[-1:] != '>':
        return False
    return _written_in_monty(filename[1:-1])


_SOURCE_MODULES: dict = {}


def _written_in_monty(name: str) -> bool:
    """Whether the library module ``name`` runs Monty source (``string`` and the other
    host-built modules have no frames, and ``<string>`` is exec'd user code)."""
    known = _SOURCE_MODULES.get(name)
    if known is None:
        import importlib
        from ..builtins.modules import REGISTRY
        target = REGISTRY.get(name)
        known = target is not None and hasattr(
            importlib.import_module(f'monty.builtins.modules.{target}'), 'SOURCE')
        _SOURCE_MODULES[name] = known
    return known


NO_SOURCE_FILES = frozenset({'<string>'})   # exec'd text: CPython cannot show its lines


def frames_of(exc) -> list[Frame]:
    return tb_frames(exc.tb)


def tb_frames(tb) -> list[Frame]:
    """``Frame`` records of ``(code, pc)`` traceback entries, outermost first."""
    out = []
    for code, pc in visible(tb):
        line, col, end_line, end_col = code.position(pc)
        out.append(Frame(code.filename, line, col + 1, end_line, end_col + 1, code.name,
                         code.source.line(line).strip()))
    return out


def exception_line(exc, with_hint: bool = False) -> str:
    """``Type: message`` (plus notes); ``with_hint`` adds the printed "Did you mean" hint."""
    cls = exc.mcls
    module = cls.dict.get('__module__', cls.module)
    name = cls.qualname if module in ('builtins', '__main__') else f'{module}.{cls.qualname}'
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ must not break the traceback
        text = '<exception str() failed>'
    line = f'{name}: {text}' if text else name
    if with_hint:
        line += suggest.hint(exc)
    line += ''.join('\n' + n for n in note_texts(exc))
    return line


def format_exception(exc) -> str:
    """The full text CPython prints for an uncaught ``exc``, chained exceptions and the
    members of exception groups included."""
    return ''.join(chunks(exc, hint=True))


def stack_entries(top, pc: int) -> list:
    """Traceback entries of the running frames, ``top`` stopped at ``pc`` (for limit errors)."""
    out = []
    f = top
    while f is not None:
        out.append((f.code, min(max(pc, 0), len(f.code.ops) - 1)))
        f = f.back
        pc = f.pc - 1 if f is not None else 0
    out.reverse()
    return out


def tb_lines(tb) -> list[str]:
    """The ``Traceback (most recent call last):`` block for ``(code, pc)`` entries."""
    lines = []
    if tb:
        lines.append('Traceback (most recent call last):')
        for entry in _collapse(visible(tb)):
            if isinstance(entry, str):
                lines.append(entry)
                continue
            lines.extend(entry_lines(*entry))
    return lines


def entry_lines(code, pc: int) -> list[str]:
    """The ``File ..., line N, in name`` line of one entry, its source line and carets."""
    line, col, end_line, end_col = code.position(pc)
    lines = [f'  File "{code.filename}", line {line}, in {code.name}']
    src = code.source.line(line) if code.filename not in NO_SOURCE_FILES else ''
    if src.strip():
        lines.append('    ' + src.strip())
        caret = _carets(src, line, col, end_line, end_col)
        if caret:
            lines.append(caret)
    return lines


MAX_GROUP_WIDTH = 15   # members shown per group before "and N more exceptions"
MAX_GROUP_DEPTH = 10   # nesting shown before "... (max_group_depth is 10)"
RULE = '-' * 16
REPEATED = '  [Previous line repeated'


class _Layout:
    """Shared state while rendering: options, exceptions already shown, group nesting."""

    def __init__(self, limit, chain: bool, hint: bool) -> None:
        self.limit, self.chain, self.hint = limit, chain, hint
        self.seen: set = set()
        self.depth = 0
        self.need_close = False

    def emit(self, texts: list[str], margin: str = '|') -> list[str]:
        """``texts`` with every line behind the group margin (``  | `` per nesting level)."""
        if not self.depth:
            return texts
        pad = '  ' * self.depth + margin + ' '
        return [''.join(ln if self._bare(ln) else pad + ln for ln in t.splitlines(True))
                for t in texts]

    def _bare(self, line: str) -> bool:
        """The interpreter's own printer leaves the repeated-line count outside the margin."""
        return self.hint and line.startswith(REPEATED)


def chunks(exc, limit=None, chain: bool = True, hint: bool = False) -> list[str]:
    """``traceback.format_exception``'s list: one string per header, entry and final line."""
    return _render(exc, _Layout(limit, chain, hint))


def _render(exc, lay: _Layout) -> list[str]:
    """``exc`` after the exceptions it was chained from, each at the current group depth."""
    lay.seen.add(id(exc))
    out = []
    if lay.chain and exc.cause is not None and id(exc.cause) not in lay.seen:
        out += _render(exc.cause, lay) + lay.emit([CAUSE])
    elif (lay.chain and exc.context is not None and not exc.suppress
          and id(exc.context) not in lay.seen):
        out += _render(exc.context, lay) + lay.emit([CONTEXT])
    if T.EXC_BY_NAME['BaseExceptionGroup'] not in exc.mcls.mro:
        return out + lay.emit(tb_chunks(exc.tb, lay.limit) + only_chunks(exc, lay.hint))
    if lay.depth > MAX_GROUP_DEPTH:
        return out + lay.emit([f'... (max_group_depth is {MAX_GROUP_DEPTH})\n'])
    return out + _render_group(exc, lay)


def _render_group(exc, lay: _Layout) -> list[str]:
    """A group's header and message, then each member in its numbered box."""
    top = lay.depth == 0
    if top:
        lay.depth = 1
    out = []
    head = tb_chunks(exc.tb, lay.limit)
    if head:
        head[0] = 'Exception Group ' + head[0]
        out += lay.emit(head[:1], '+' if top else '|') + lay.emit(head[1:])
    out += lay.emit(only_chunks(exc, lay.hint))
    members = tuple(exc.args[1]) if len(exc.args) > 1 else ()
    shown = min(len(members), MAX_GROUP_WIDTH + 1)
    lay.need_close = False
    for i in range(shown):
        out += _render_member(members, i, shown, lay)
    if top:
        lay.depth = 0
    return out


def _render_member(members: tuple, i: int, shown: int, lay: _Layout) -> list[str]:
    """The ``+-+---- N ----`` rule, member ``i`` (or the count of the rest), the closing rule."""
    last = i == shown - 1
    if last:
        lay.need_close = True
    cut = i >= MAX_GROUP_WIDTH
    title = '...' if cut else str(i + 1)
    out = ['  ' * lay.depth + ('+-' if i == 0 else '  ') + f'+{RULE} {title} {RULE}\n']
    lay.depth += 1
    if cut:
        rest = len(members) - MAX_GROUP_WIDTH
        out += lay.emit([f'and {rest} more exception{"s" if rest > 1 else ""}\n'])
    else:
        out += _render(members[i], lay)
    if last and lay.need_close:
        out.append('  ' * lay.depth + '+' + '-' * 36 + '\n')
        lay.need_close = False
    lay.depth -= 1
    return out


def tb_chunks(tb, limit=None) -> list[str]:
    """The traceback block of ``(code, pc)`` entries as CPython's list of strings."""
    entries = visible(tb)
    if limit is not None:
        entries = entries[:max(limit, 0)] if limit >= 0 else entries[limit:]
    if not entries:
        return []
    out = ['Traceback (most recent call last):\n']
    for entry in _collapse(entries):
        text = [entry] if isinstance(entry, str) else entry_lines(*entry)
        out.append(''.join(t + '\n' for t in text))
    return out


_PLAIN_NOTES = (str, int, float, bool, bytes, type(None))


def note_texts(exc) -> list[str]:
    """The printed lines of ``exc.__notes__``: each item of a list/tuple/str, else the repr of
    the whole value; only host scalars are rendered, so printing never runs sandboxed code."""
    notes = exc.notes
    if notes is None:
        return []
    if type(notes) in (list, tuple, str):
        return [n if type(n) is str else _plain_text(n, str) for n in notes]
    return [_plain_text(notes, repr)]


def _plain_text(value, conv) -> str:
    return conv(value) if type(value) in _PLAIN_NOTES else '<note str() failed>'


def only_chunks(exc, hint: bool = False) -> list[str]:
    """``traceback.format_exception_only``: the ``Type: message`` line, then each note
    (``hint`` adds the "Did you mean" text the interpreter prints)."""
    text = exception_line(exc, with_hint=hint)
    notes = note_texts(exc)
    head = text[:len(text) - sum(len(n) + 1 for n in notes)] if notes else text
    return [head + '\n'] + [n + '\n' for n in notes]


def _carets(src: str, line: int, col: int, end_line: int, end_col: int) -> str:
    return marker_line(src, line, col, end_line, end_col)


def _collapse(tb):
    """Fold runs of identical entries like CPython ('[Previous line repeated N more times]')."""
    out = []
    prev = None
    count = 0
    for entry in tb:
        code, pc = entry
        key = (code.filename, code.line_for(pc), code.name)
        if key == prev:
            count += 1
            if count <= 3:
                out.append(entry)
            continue
        if count > 3:
            out.append(f'  [Previous line repeated {count - 3} more time'
                       f'{"s" if count - 3 > 1 else ""}]')
        prev = key
        count = 1
        out.append(entry)
    if count > 3:
        out.append(f'  [Previous line repeated {count - 3} more time'
                   f'{"s" if count - 3 > 1 else ""}]')
    return out

