"""The monty kernel passes jupyter_kernel_test's protocol checks, started by jupyter_client."""
from __future__ import annotations

import contextlib
import unittest

import jupyter_kernel_test

from .jupyter_env import jupyter_env


class MontyKernelTests(jupyter_kernel_test.KernelTests):
    """Conformance of the kernel installed as ``monty`` in a throwaway Jupyter path."""

    kernel_name = 'monty'
    language_name = 'python'
    file_extension = '.py'

    code_hello_world = 'print("hello, world")'
    code_stderr = 'import sys\nsys.stderr.write("oops\\n")'
    code_generate_error = 'raise ValueError("boom")'
    code_execute_result = [
        {'code': '6 * 7', 'result': '42'},
        {'code': '"a" + "b"', 'result': "'ab'"},
        {'code': 'x = [1, 2]\nx + [3]', 'result': '[1, 2, 3]'},
        {'code': '{"k": (1, None)}', 'result': "{'k': (1, None)}"},
    ]
    completion_samples = [{'text': 'zzz_unlikely', 'matches': set()}]
    complete_code_samples = ['1', 'print("hello, world")', 'def f():\n    return 1\n\n',
                             '%who']
    incomplete_code_samples = ['print("""hello', 'def f():', 'x = [1,\n', 'if x:\n    y = 1']
    invalid_code_samples = ['x = = 1', ')', 'def f(:\n    pass\n\n']
    code_inspect_sample = 'len'
    code_history_pattern = '6 * 7'
    supported_history_operations = ('tail', 'range', 'search')

    @classmethod
    def setUpClass(cls) -> None:
        cls._env = contextlib.ExitStack()
        cls._env.enter_context(jupyter_env())
        super().setUpClass()

    @classmethod
    def tearDownClass(cls) -> None:
        super().tearDownClass()
        cls._env.close()

    def execute(self, code: str, **kwargs):
        """Run a cell and return its reply and iopub output messages."""
        self.flush_channels()
        return self.execute_helper(code, **kwargs)

    def test_stdout_arrives_as_stream_messages(self) -> None:
        reply, output = self.execute('for i in range(3):\n    print(i)')
        self.assertEqual(reply['content']['status'], 'ok')
        text = ''.join(m['content']['text'] for m in output if m['msg_type'] == 'stream')
        self.assertEqual(text, '0\n1\n2\n')

    def test_error_reply_has_python_traceback(self) -> None:
        reply, output = self.execute('def f():\n    return 1 / 0\nf()')
        content = reply['content']
        self.assertEqual((content['ename'], content['evalue']),
                         ('ZeroDivisionError', 'division by zero'))
        self.assertEqual(content['traceback'][0], 'Traceback (most recent call last):')
        self.assertEqual(content['traceback'][-1], 'ZeroDivisionError: division by zero')
        self.assertEqual(output[-1]['content']['traceback'], content['traceback'])

    def test_syntax_error_reply(self) -> None:
        reply, _ = self.execute('x = = 1')
        self.assertEqual(reply['content']['ename'], 'SyntaxError')
        self.assertEqual(reply['content']['traceback'][-1], 'SyntaxError: invalid syntax')

    def test_state_survives_between_cells(self) -> None:
        self.execute('counter = 10')
        reply, output = self.execute('counter += 5\ncounter')
        self.assertEqual(output[-1]['content']['data'], {'text/plain': '15'})

    def test_silent_cell_sends_nothing_and_keeps_count(self) -> None:
        before, _ = self.execute('1')
        reply, output = self.execute('print("hidden")\n2', silent=True)
        self.assertEqual(output, [])
        self.assertEqual(reply['content']['execution_count'],
                         before['content']['execution_count'])

    def test_execution_count_increments(self) -> None:
        first, _ = self.execute('1')
        second, output = self.execute('2')
        self.assertEqual(second['content']['execution_count'],
                         first['content']['execution_count'] + 1)
        self.assertEqual(output[-1]['content']['execution_count'],
                         second['content']['execution_count'])

    def test_stdin_input_request(self) -> None:
        self.flush_channels()
        msg_id = self.kc.execute('name = input("who? ")\nprint("hi", name)', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(request['content']['prompt'], 'who? ')
        self.kc.input('Ada')
        reply = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply['parent_header']['msg_id'], msg_id)
        self.assertEqual(reply['content']['status'], 'ok')

    def test_input_without_stdin_is_a_clear_error(self) -> None:
        self.flush_channels()
        self.kc.execute('input("x? ")', allow_stdin=False)
        reply = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply['content']['status'], 'error')
        self.assertIn('input', reply['content']['evalue'])

    def test_magics_who_and_undo(self) -> None:
        self.execute('%reset')
        self.execute('alpha = 1')
        self.execute('alpha = 2\nbeta = 3')
        _, output = self.execute('%undo\n%who')
        text = ''.join(m['content']['text'] for m in output if m['msg_type'] == 'stream')
        self.assertIn('alpha', text)
        self.assertNotIn('beta', text)
        _, output = self.execute('alpha')
        self.assertEqual(output[-1]['content']['data']['text/plain'], '1')

    def test_unknown_magic_is_a_usage_error(self) -> None:
        reply, _ = self.execute('%nosuchmagic')
        self.assertEqual(reply['content']['ename'], 'UsageError')

    def test_interrupt_stops_a_loop_and_kernel_survives(self) -> None:
        self.flush_channels()
        msg_id = self.kc.execute('n = 0\nwhile True:\n    n += 1')
        self._wait_busy(msg_id)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply['content']['ename'], 'KeyboardInterrupt')
        _, output = self.execute('n > 0')
        self.assertEqual(output[-1]['content']['data']['text/plain'], 'True')

    def _wait_busy(self, msg_id: str) -> None:
        """Wait until the kernel has started running the cell (it echoes it as execute_input)."""
        while True:
            msg = self.kc.get_iopub_msg(timeout=jupyter_kernel_test.TIMEOUT)
            if (msg['parent_header'].get('msg_id') == msg_id
                    and msg['msg_type'] == 'execute_input'):
                return


if __name__ == '__main__':
    unittest.main()
