"""Values crossing to and from host callables are copied; host objects never enter Monty."""
import pytest

from monty import Monty, MontyObjectRepr, MontyRuntimeError

from .helpers import is_plain, raises, run


class Secret:
    """A host object sandboxed code must never hold."""

    def reveal(self):
        return 'host secret'


SECRET = Secret()


def fail_with_host_objects():
    raise ValueError(SECRET, fail_with_host_objects)


def fail_with_custom_class():
    class PrivateError(KeyError):
        pass
    raise PrivateError(SECRET)


def test_exception_args_from_an_external_function_are_copied():
    code = ('try:\n    fail()\nexcept ValueError as e:\n'
            '    r = [type(a).__name__ for a in e.args], "reveal" in dir(e.args[0])\nr')
    assert run(code, external_functions={'fail': fail_with_host_objects}) == (['str', 'str'],
                                                                             False)


def test_host_exception_subclass_arrives_as_its_builtin_base():
    code = 'try:\n    fail()\nexcept KeyError as e:\n    r = type(e).__name__, e.args[0]\nr'
    name, arg = run(code, external_functions={'fail': fail_with_custom_class})
    assert name == 'KeyError' and arg.startswith('<') and 'Secret' in arg


def test_uncaught_external_exception_reaches_the_host_as_plain_values():
    with pytest.raises(MontyRuntimeError) as info:
        run('fail()', external_functions={'fail': fail_with_host_objects})
    exc = info.value.exception()
    assert type(exc) is ValueError and is_plain(exc.args)


def test_snapshot_resume_with_a_host_exception_copies_it():
    progress = Monty('f()', external_functions=['f']).start()
    with pytest.raises(MontyRuntimeError) as info:
        progress.resume(exception=ValueError(SECRET))
    assert all(type(a) is str for a in info.value.exception().args)


def test_returning_a_host_object_is_refused_and_the_snapshot_stays_usable():
    progress = Monty('f()', external_functions=['f']).start()
    with pytest.raises(TypeError, match='cannot pass a Secret value into Monty'):
        progress.resume(return_value=SECRET)
    assert progress.resume(return_value=[1, (2, 'x')]).output == [1, (2, 'x')]


def test_returned_containers_are_copies():
    shared = [1, 2]
    assert run('x = f()\nx.append(3)\nx', external_functions={'f': lambda: shared}) == [1, 2, 3]
    assert shared == [1, 2]


def test_subclasses_of_plain_types_are_flattened():
    class Sneaky(str):
        def reveal(self):
            return 'host'
    assert run("x = f()\n(type(x).__name__, hasattr(x, 'reveal'))",
               external_functions={'f': lambda: Sneaky('s')}) == ('str', False)


def test_arguments_reach_host_callables_as_plain_values():
    seen = []
    code = 'class A:\n    pass\nf(A(), [A], len, lambda: 0)'
    run(code, external_functions={'f': lambda *a: seen.extend(a)})
    assert is_plain(seen)
    assert all(isinstance(v, MontyObjectRepr) for v in (seen[0], seen[2], seen[3]))


def test_outputs_and_errors_hold_only_plain_values():
    out = run('class A:\n    pass\ndef g():\n    yield 1\n'
              '[A(), A, len, g(), g, {1: A()}, (1, 2.5, None, b"x")]')
    assert is_plain(out)
    err = raises('class E(Exception):\n    pass\nraise E(object(), [len])', 'Exception')
    assert is_plain(err.exception().args)


def test_external_function_object_has_no_host_reach():
    raises('f.__globals__', 'AttributeError', external_functions={'f': print})
    raises('f.__self__', 'AttributeError', external_functions={'f': print})
