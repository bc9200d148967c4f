"""A workflow stored in SQLite: each pause is a row; a new process picks it up and resumes.

Run it: the first step starts the workflow, then every step runs in a fresh interpreter
process that loads the latest row, answers the pending call and stores the next pause.
"""
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import monty

WORKFLOW = '''
order = fetch_order(42)
total = 0
for item in order["items"]:
    total += price(item)
send_invoice(order["customer"], total)
total
'''
HOST = {
    'fetch_order': lambda n: {'customer': 'ada', 'items': ['tea', 'cake']},
    'price': lambda item: {'tea': 3, 'cake': 5}[item],
    'send_invoice': lambda who, amount: f'sent {amount} to {who}',
}


def save(db: str, progress) -> None:
    with sqlite3.connect(db) as con:
        con.execute('create table if not exists steps (id integer primary key, kind, data)')
        if isinstance(progress, monty.MontyComplete):
            con.execute('insert into steps (kind, data) values (?, ?)',
                        ('done', repr(progress.output)))
        else:
            con.execute('insert into steps (kind, data) values (?, ?)', ('paused', progress.dump()))


def step(db: str) -> str:
    """Load the newest pause, answer it, store what comes next."""
    with sqlite3.connect(db) as con:
        kind, data = con.execute('select kind, data from steps order by id desc').fetchone()
    if kind == 'done':
        return f'done: {data}'
    snap = monty.load_snapshot(data)
    result = HOST[snap.function_name](*snap.args, **snap.kwargs)
    save(db, snap.resume(return_value=result))
    return f'answered {snap.function_name}{snap.args}'


def main() -> None:
    db = str(Path(tempfile.mkdtemp()) / 'workflow.db')
    save(db, monty.Monty(WORKFLOW, external_functions=list(HOST)).start())
    while True:
        out = subprocess.run([sys.executable, __file__, db], capture_output=True, text=True,
                             check=True).stdout.strip()
        print(out)
        if out.startswith('done'):
            break


if __name__ == '__main__':
    if len(sys.argv) > 1:
        print(step(sys.argv[1]))
    else:
        main()
