"""In-memory cell history answering Jupyter ``history_request`` queries, saved as JSON."""
from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path



@dataclass
class History:
    """Cells run by this kernel and by earlier kernels of the same saved session."""
    session: int = 1
    entries: list[list] = field(default_factory=list)

    def add(self, line: int, source: str, output: str | None = None) -> None:
        """Record one executed cell under the current session."""
        self.entries.append([self.session, line, source, output])

    def set_output(self, line: int, output: str) -> None:
        """Attach the repr of a cell's result to the latest entry for ``line``."""
        for entry in reversed(self.entries):
            if entry[0] == self.session and entry[1] == line:
                entry[3] = output
                return

    def tail(self, n: int | None) -> list[list]:
        return self.entries[-n:] if n else list(self.entries)

    def range(self, session: int | None, start: int | None, stop: int | None) -> list[list]:
        """Entries of one session (0 or negative counts back from the current one)."""
        wanted = self.session + session if session is not None and session <= 0 else session
        start = 1 if start is None else start
        return [e for e in self.entries if e[0] == wanted and start <= e[1]
                and (stop is None or e[1] < stop)]

    def search(self, pattern: str | None, n: int | None, unique: bool) -> list[list]:
        """Entries whose source matches a glob pattern, newest ``n`` kept."""
        hits = [e for e in self.entries if fnmatch.fnmatchcase(e[2], pattern or '*')]
        if unique:
            seen, kept = set(), []
            for entry in reversed(hits):
                if entry[2] not in seen:
                    seen.add(entry[2])
                    kept.append(entry)
            hits = kept[::-1]
        return hits[-n:] if n else hits

    def query(self, access: str, output: bool, **args) -> list[tuple]:
        """Answer a ``history_request`` in the message protocol's shape."""
        if access == 'tail':
            found = self.tail(args.get('n'))
        elif access == 'range':
            found = self.range(args.get('session'), args.get('start'), args.get('stop'))
        elif access == 'search':
            found = self.search(args.get('pattern'), args.get('n'), args.get('unique', False))
        else:
            found = []
        if output:
            return [(s, line, (src, out)) for s, line, src, out in found]
        return [(s, line, src) for s, line, src, _ in found]

    def to_json(self) -> str:
        return json.dumps({'session': self.session, 'entries': self.entries})

    @classmethod
    def from_json(cls, text: str) -> 'History':
        """Read saved history; the loader continues it as a new session."""
        data = json.loads(text)
        entries = [list(e) for e in data.get('entries', []) if _valid(e)]
        return cls(int(data.get('session', 0)) + 1, entries)

    def save(self, path: Path) -> None:
        path.write_text(self.to_json(), encoding='utf-8')

    @classmethod
    def load(cls, path: Path) -> 'History':
        """History saved beside a session file, or a fresh one when there is none or it is bad."""
        try:
            return cls.from_json(path.read_text(encoding='utf-8'))
        except (OSError, ValueError, TypeError, AttributeError):
            return cls()


def _valid(entry) -> bool:
    return (isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], int)
            and isinstance(entry[1], int) and isinstance(entry[2], str))


def history_path(session_file: Path) -> Path:
    """Where the history of a saved session lives: beside it, with a ``.history.json`` suffix."""
    return session_file.with_name(session_file.name + '.history.json')
