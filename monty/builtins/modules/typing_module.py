"""``typing``: inert markers so annotated code runs unchanged."""
from __future__ import annotations

from ...objects.model import Module, NativeFunction
from .. import types as T

NAMES = ('Any Optional Union List Dict Set Tuple FrozenSet Callable Iterable Iterator Generator '
         'Sequence Mapping MutableMapping MutableSequence Type TypeVar Literal Final ClassVar '
         'Awaitable Coroutine AsyncIterator AsyncGenerator Deque DefaultDict Counter '
         'OrderedDict NamedTuple TypedDict Protocol NoReturn Never Self Annotated IO TextIO '
         'Hashable Sized Collection Reversible SupportsInt SupportsFloat AnyStr Pattern Match '
         'ParamSpec Concatenate TypeAlias TypeGuard Generic').split()


class Marker:
    """A typing construct: subscriptable and printable, otherwise inert."""
    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f'typing.{self.name}'

    def __getitem__(self, item):
        return self

    def __call__(self, *args, **kwargs):
        return args[0] if args else None


def build(vm) -> Module:
    ns = {name: Marker(name) for name in NAMES}
    ns['TYPE_CHECKING'] = False
    ns['cast'] = NativeFunction('cast', lambda tp, value: value, module='typing')
    ns['overload'] = NativeFunction('overload', lambda f: f, module='typing')
    ns['final'] = NativeFunction('final', lambda f: f, module='typing')
    ns['runtime_checkable'] = NativeFunction('runtime_checkable', lambda f: f, module='typing')
    ns['get_type_hints'] = NativeFunction('get_type_hints', lambda o: {}, module='typing')
    ns['NamedTuple'] = Marker('NamedTuple')
    ns['Generic'] = T.OBJECT
    ns['Protocol'] = T.OBJECT
    return Module('typing', ns)
