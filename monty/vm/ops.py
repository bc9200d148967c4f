"""Instruction handlers: one factory per opcode, each returning a closure ``(frame) -> next_pc``.

The closures bind their operand and successor at build time, so dispatch is a single indexed
call.  Host values take inline fast paths; everything else goes through ``protocol``.
"""
from __future__ import annotations

from ..builtins import resumable as R, types as T
from ..compiler import opcodes as O
from ..objects.model import (UNBOUND, BoundMethod, BoundNative, ClassMethod, ExcInstance,
                             Function, Instance, MClass, NativeFunction, StaticMethod)
from ..objects.model import CLASS_VERSION as VERSION
from . import attrcache as AC, dispatch, finalize as FZ, hashing, protocol as P
from .frame import Frame
from .generators import RUNNING, SUSPENDED, Generator, yield_through
from .signals import DISCARD, NULL, PUSHED, CallReq, MontyRaise
from .interp import EV_RETURN, EV_SWITCH, EV_YIELD, native_type_error

HOST_TYPES = P.HOST_VALUE_TYPES
PLAIN_KEYS = hashing.PLAIN_KEYS
shallow = hashing.check_depth
COMPARE_PLAIN = hashing.COMPARE_PLAIN
HOST_ITERS = P.HOST_ITER_TYPES
FACTORIES = {}


def op(name):
    def deco(fn):
        FACTORIES[O.OPS[name]] = fn
        return fn
    return deco


def compile_instrs(code) -> list:
    out = []
    for pc, (opcode, arg) in enumerate(code.ops):
        out.append(FACTORIES[opcode](arg, pc + 1, code, pc))
    return out


def push_result(f, r, nxt):
    """Push an operation's result, or switch frames when it pushed one."""
    if r is PUSHED:
        f.pc = nxt
        return EV_SWITCH
    if type(r) is CallReq:
        f.pc = nxt
        r = f.vm.push_req(f, r)
        if r is PUSHED:
            return EV_SWITCH
    if r is not DISCARD:
        f.stack.append(r)
    return nxt


def run_effect(f, r, nxt):
    """Like push_result for operations whose value is discarded."""
    if type(r) is CallReq:
        f.pc = nxt
        r = f.vm.push_req(f, r)
        if r is PUSHED:
            return EV_SWITCH
    return nxt


# -- stack -------------------------------------------------------------------------------
@op('NOP')
def _nop(arg, nxt, code, pc):
    return lambda f: nxt


@op('POP_TOP')
def _pop_top(arg, nxt, code, pc):
    def fn(f):
        f.stack.pop()
        return nxt
    return fn


@op('POP_ITER')
def _pop_iter(arg, nxt, code, pc):
    """The iterator of a loop left early: a generator nothing else holds is closed."""
    def fn(f):
        s = f.stack
        if type(s[-1]) is Generator:
            return FZ.drop_top(f, nxt)
        s.pop()
        return nxt
    return fn


@op('COPY')
def _copy(arg, nxt, code, pc):
    n = -arg

    def fn(f):
        s = f.stack
        s.append(s[n])
        return nxt
    return fn


@op('SWAP')
def _swap(arg, nxt, code, pc):
    n = -arg

    def fn(f):
        s = f.stack
        s[-1], s[n] = s[n], s[-1]
        return nxt
    return fn


# -- loads and stores -----------------------------------------------------------------------
@op('LOAD_CONST')
def _load_const(arg, nxt, code, pc):
    def fn(f):
        f.stack.append(arg)
        return nxt
    return fn


def _unbound_local(code, slot):
    name = code.varnames[slot] if slot < len(code.varnames) else '?'
    return UnboundLocalError(f"cannot access local variable '{name}' where it is not "
                             f"associated with a value")


@op('LOAD_FAST')
def _load_fast(arg, nxt, code, pc):
    def fn(f):
        v = f.locals[arg]
        if v is UNBOUND:
            raise _unbound_local(code, arg)
        f.stack.append(v)
        return nxt
    return fn


@op('STORE_FAST')
def _store_fast(arg, nxt, code, pc):
    def fn(f):
        slots = f.locals
        if type(slots[arg]) is Generator:   # the old value may be the last reference
            return FZ.replace(f, nxt, slots, arg, f.stack.pop())
        slots[arg] = f.stack.pop()
        return nxt
    return fn


@op('DELETE_FAST')
def _delete_fast(arg, nxt, code, pc):
    def fn(f):
        if f.locals[arg] is UNBOUND:
            raise _unbound_local(code, arg)
        return FZ.replace(f, nxt, f.locals, arg, UNBOUND)
    return fn


def _cell_name(code, slot):
    names = code.varnames + code.cellvars + code.freevars
    return names[slot] if slot < len(names) else '?'


def _unbound_cell(code, slot):
    name = _cell_name(code, slot)
    if name in code.freevars:
        return NameError(f"cannot access free variable '{name}' where it is not associated "
                         f"with a value in enclosing scope")
    return UnboundLocalError(f"cannot access local variable '{name}' where it is not "
                             f"associated with a value")


@op('LOAD_DEREF')
def _load_deref(arg, nxt, code, pc):
    def fn(f):
        v = f.locals[arg].v
        if v is UNBOUND:
            raise _unbound_cell(code, arg)
        f.stack.append(v)
        return nxt
    return fn


@op('STORE_DEREF')
def _store_deref(arg, nxt, code, pc):
    def fn(f):
        f.locals[arg].v = f.stack.pop()
        return nxt
    return fn


@op('DELETE_DEREF')
def _delete_deref(arg, nxt, code, pc):
    def fn(f):
        cell = f.locals[arg]
        if cell.v is UNBOUND:
            raise _unbound_cell(code, arg)
        cell.v = UNBOUND
        return nxt
    return fn


@op('LOAD_CLASSDEREF')
def _load_classderef(arg, nxt, code, pc):
    name, slot = arg

    def fn(f):
        ns = f.ns
        if name in ns:
            f.stack.append(ns[name])
            return nxt
        v = f.locals[slot].v
        if v is UNBOUND:
            raise _unbound_cell(code, slot)
        f.stack.append(v)
        return nxt
    return fn


def lookup_global(f, name, is_callee=False):
    g = f.globals
    if name in g:
        return g[name]
    b = f.vm.builtins
    if name in b:
        return b[name]
    return f.vm.undefined_name(f, name, is_callee)


@op('LOAD_GLOBAL')
def _load_global(arg, nxt, code, pc):
    name = arg

    def fn(f):
        g = f.globals
        if name in g:
            f.stack.append(g[name])
            return nxt
        b = f.vm.builtins
        if name in b:
            f.stack.append(b[name])
            return nxt
        f.pc = pc
        f.stack.append(f.vm.undefined_name(f, name, _is_callee(code, pc)))
        return nxt
    return fn


def _is_callee(code, pc) -> bool:
    """Whether the global loaded at ``pc`` is called directly (a possible external function)."""
    depth = 0
    for opcode, arg in code.ops[pc + 1:]:
        if opcode in (O.CALL, O.CALL_KW):
            n = arg if opcode == O.CALL else arg[0]
            if depth <= n:
                return depth == n
            depth -= n          # a nested call in the arguments: its callee and args -> result
            continue
        if opcode in (O.LOAD_CONST, O.LOAD_FAST, O.LOAD_GLOBAL, O.LOAD_DEREF, O.LOAD_NAME):
            depth += 1
            continue
        if opcode in (O.LOAD_ATTR, O.BINARY_OP, O.FORMAT_VALUE):
            depth += 0 if opcode == O.LOAD_ATTR else -1 if opcode == O.BINARY_OP else 0
            continue
        return False
    return False


@op('STORE_GLOBAL')
def _store_global(arg, nxt, code, pc):
    def fn(f):
        g = f.globals
        if type(g.get(arg)) is Generator:
            return FZ.replace(f, nxt, g, arg, f.stack.pop())
        g[arg] = f.stack.pop()
        return nxt
    return fn


@op('DELETE_GLOBAL')
def _delete_global(arg, nxt, code, pc):
    def fn(f):
        if arg not in f.globals:
            raise NameError(f"name '{arg}' is not defined")
        return FZ.replace(f, nxt, f.globals, arg, UNBOUND)
    return fn


@op('LOAD_NAME')
def _load_name(arg, nxt, code, pc):
    name = arg

    def fn(f):
        ns = f.ns
        if name in ns:
            f.stack.append(ns[name])
            return nxt
        f.pc = pc
        f.stack.append(lookup_global(f, name))
        return nxt
    return fn


@op('STORE_NAME')
def _store_name(arg, nxt, code, pc):
    def fn(f):
        ns = f.ns
        if type(ns) is dict:
            if type(ns.get(arg)) is Generator:
                return FZ.replace(f, nxt, ns, arg, f.stack.pop())
            ns[arg] = f.stack.pop()
            return nxt
        # a class body namespace from a metaclass's __prepare__: its __setitem__ runs
        return run_effect(f, P.set_item(ns, arg, f.stack.pop()), nxt)
    return fn


@op('DELETE_NAME')
def _delete_name(arg, nxt, code, pc):
    def fn(f):
        ns = f.ns
        if type(ns) is not dict:
            try:
                del ns[arg]
            except KeyError:
                raise NameError(f"name '{arg}' is not defined") from None
            return nxt
        if arg not in ns:
            raise NameError(f"name '{arg}' is not defined")
        return FZ.replace(f, nxt, ns, arg, UNBOUND)
    return fn


@op('SETUP_ANNOTATIONS')
def _setup_annotations(arg, nxt, code, pc):
    def fn(f):
        ns = f.ns if f.ns is not None else f.globals
        ns.setdefault('__annotations__', {})
        return nxt
    return fn


@op('STORE_ANNOTATION')
def _store_annotation(arg, nxt, code, pc):
    def fn(f):
        value = f.stack.pop()
        ns = f.ns if f.ns is not None else f.globals
        ann = ns.get('__annotations__')
        if ann is None:
            ann = ns['__annotations__'] = {}
        ann[arg] = value
        return nxt
    return fn


# -- attributes ------------------------------------------------------------------------------
@op('LOAD_ATTR')
def _load_attr(arg, nxt, code, pc):
    name = arg
    blocked = name in P.BLOCKED_ATTRS

    c_cls, c_ver, c_plan, c_attr = None, -1, AC.SLOW, None   # the inline cache

    def fn(f):
        nonlocal c_cls, c_ver, c_plan, c_attr
        s = f.stack
        obj = s[-1]
        if blocked:
            raise AttributeError(f"'{T.type_name(obj)}' object has no attribute '{name}'"
                                 if type(obj) is not MClass else
                                 f"type object '{T.error_name(obj)}' has no attribute '{name}'")
        t = type(obj)
        if t is Instance or t is ExcInstance:
            cls = obj.mcls
            if cls is not c_cls or c_ver != VERSION[0]:
                c_plan, c_attr = AC.load_plan(cls, name)
                c_cls, c_ver = cls, VERSION[0]
            if c_plan < AC.PROPERTY:
                d = obj.attrs
                if name in d:
                    s[-1] = d[name]
                    return nxt
                if c_plan == AC.METHOD:
                    s[-1] = BoundMethod(obj, c_attr)
                    return nxt
                if c_plan == AC.VALUE:
                    s[-1] = c_attr
                    return nxt
            elif c_plan == AC.PROPERTY and c_attr.code.fastcall == 1:
                s.pop()
                f.pc = nxt
                if enter_plain(f, c_attr, [obj]):
                    return EV_SWITCH
                s.append(obj)
        r = P.get_attr(obj, name)
        s.pop()
        return push_result(f, r, nxt)
    return fn


@op('STORE_ATTR')
def _store_attr(arg, nxt, code, pc):
    name = arg
    blocked = name in P.BLOCKED_ATTRS and name != '__dict__'

    c_cls, c_ver, c_direct = None, -1, False   # the inline cache

    def fn(f):
        nonlocal c_cls, c_ver, c_direct
        s = f.stack
        obj = s.pop()
        value = s.pop()
        if blocked:
            raise AttributeError(f"'{T.type_name(obj)}' object attribute '{name}' is read-only")
        t = type(obj)
        if t is Instance or t is ExcInstance:
            # neither __setattr__ nor a descriptor can intervene: what generic_setattr does
            cls = obj.mcls
            if cls is not c_cls or c_ver != VERSION[0]:
                c_direct = AC.store_direct(cls, name)
                c_cls, c_ver = cls, VERSION[0]
            if c_direct:
                obj.attrs[name] = value
                return nxt
        return run_effect(f, P.set_attr(obj, name, value), nxt)
    return fn


@op('DELETE_ATTR')
def _delete_attr(arg, nxt, code, pc):
    def fn(f):
        obj = f.stack.pop()
        return run_effect(f, P.del_attr(obj, arg), nxt)
    return fn


@op('LOAD_METHOD')
def _load_method(arg, nxt, code, pc):
    name = arg
    blocked = name in P.BLOCKED_ATTRS

    c_type, c_ver, c_func = None, -1, None   # the inline cache: receiver class -> method

    def fn(f):
        nonlocal c_type, c_ver, c_func
        s = f.stack
        obj = s[-1]
        t = type(obj)
        if blocked:
            raise AttributeError(f"'{T.type_name(obj)}' object has no attribute '{name}'"
                                 if t is not MClass else
                                 f"type object '{T.error_name(obj)}' has no attribute '{name}'")
        if t in HOST_TYPES:
            if t is not c_type or c_ver != VERSION[0]:
                c_func = AC.native_method(T.type_of(obj), name)
                c_type, c_ver = t, VERSION[0]
            if c_func is not None:
                s[-1] = c_func
                s.append(obj)
                return nxt
        elif t is Instance:
            if name not in obj.attrs:
                cls = obj.mcls
                if cls is not c_type or c_ver != VERSION[0]:
                    c_func = AC.method_plan(cls, name)
                    c_type, c_ver = cls, VERSION[0]
                if c_func is not None:
                    s[-1] = c_func
                    s.append(obj)
                    return nxt
        r = P.get_attr(obj, name)
        s.pop()
        if type(r) is CallReq:
            r = f.vm.run_request(r)
        s.append(r)
        s.append(NULL)
        return nxt
    return fn


# -- subscripts ----------------------------------------------------------------------------
@op('BINARY_SUBSCR')
def _binary_subscr(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        key = s.pop()
        obj = s[-1]
        t = type(obj)
        if t is list or t is tuple or t is str or t is dict and (
                type(key) in PLAIN_KEYS or type(key) is tuple and shallow(key)):
            try:
                s[-1] = obj[key]
            except TypeError as e:
                raise P.index_error(obj, key, e) from None
            return nxt
        s.pop()
        if t is dict:
            return push_result(f, hashing.hashed(key, 'getitem', obj, key), nxt)
        return push_result(f, P.get_item(obj, key), nxt)
    return fn


@op('STORE_SUBSCR')
def _store_subscr(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        key = s.pop()
        obj = s.pop()
        value = s.pop()
        t = type(obj)
        if t is list or t is dict and (
                type(key) in PLAIN_KEYS or type(key) is tuple and shallow(key)):
            obj[key] = value
            return nxt
        if t is dict:
            return run_effect(f, hashing.hashed(key, 'setitem', obj, key, value), nxt)
        return run_effect(f, P.set_item(obj, key, value), nxt)
    return fn


@op('DELETE_SUBSCR')
def _delete_subscr(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        key = s.pop()
        obj = s.pop()
        if type(obj) is dict:
            return run_effect(f, hashing.hashed(key, 'delitem', obj, key), nxt)
        return run_effect(f, P.del_item(obj, key), nxt)
    return fn


@op('BUILD_SLICE')
def _build_slice(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        if arg == 3:
            step = s.pop()
            stop = s.pop()
            s[-1] = slice(s[-1], stop, step)
        else:
            stop = s.pop()
            s[-1] = slice(s[-1], stop)
        return nxt
    return fn


# -- operators ------------------------------------------------------------------------------
def _arith(inplace: bool):
    """Factory for BINARY_OP and INPLACE_OP (``x op y`` / ``x op= y``): two host numbers
    inline, anything else through ``protocol.binary_op``."""
    def build(arg, nxt, code, pc):
        func = (P.INPLACE_FUNCS if inplace else P.BINOP_FUNCS)[arg]   # errors name ``<<=``
        checked = arg in (2, 6, 7)   # *, **, << can allocate a lot

        def fn(f):
            s = f.stack
            b = s.pop()
            a = s[-1]
            ta = type(a)
            tb = type(b)
            if (ta is int or ta is float) and (tb is int or tb is float) and \
                    (not checked or ta is float or tb is float or f.vm.tracker is None):
                s[-1] = func(a, b)
                return nxt
            s.pop()
            return push_result(f, P.binary_op(arg, a, b, inplace), nxt)
        return fn
    return build


op('BINARY_OP')(_arith(False))
op('INPLACE_OP')(_arith(True))


@op('UNARY_OP')
def _unary_op(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        return push_result(f, P.unary_op(arg, s.pop()), nxt)
    return fn


@op('NOT')
def _not(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        r = dispatch.truth_req(s[-1], 'not')
        if r is not None:
            s.pop()
            return push_result(f, r, nxt)   # the 'not' post negates the checked answer
        s[-1] = not truth(s[-1])
        return nxt
    return fn


def truth(v) -> bool:
    t = type(v)
    if t is bool:
        return v
    if t in HOST_TYPES:
        return bool(v)
    return P.call_sync_truth(v)


@op('COMPARE_OP')
def _compare_op(arg, nxt, code, pc):
    func = P.CMP_FUNCS[arg]

    def fn(f):
        s = f.stack
        b = s.pop()
        a = s[-1]
        if type(a) in COMPARE_PLAIN and type(b) in COMPARE_PLAIN:
            s[-1] = func(a, b)
            return nxt
        s.pop()
        return push_result(f, dispatch.compare(arg, a, b), nxt)
    return fn


@op('IS_OP')
def _is_op(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        b = s.pop()
        s[-1] = (s[-1] is b) != bool(arg)
        return nxt
    return fn


@op('CONTAINS_OP')
def _contains_op(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        container = s.pop()
        item = s.pop()
        return push_result(f, dispatch.contains(container, item, bool(arg)), nxt)
    return fn


# -- building -------------------------------------------------------------------------------
@op('BUILD_TUPLE')
def _build_tuple(arg, nxt, code, pc):
    n = arg

    def fn(f):
        s = f.stack
        if n:
            t = tuple(s[-n:])
            del s[-n:]
            s.append(t)
        else:
            s.append(())
        return nxt
    return fn


@op('BUILD_LIST')
def _build_list(arg, nxt, code, pc):
    n = arg

    def fn(f):
        s = f.stack
        if n:
            t = s[-n:]
            del s[-n:]
            s.append(t)
        else:
            s.append([])
        return nxt
    return fn


@op('BUILD_SET')
def _build_set(arg, nxt, code, pc):
    n = arg

    def fn(f):
        s = f.stack
        items = s[len(s) - n:] if n else []
        if n:
            del s[-n:]
        out = set()
        for x in items:
            if type(x) not in PLAIN_KEYS and hashing.monty_hash(x) is not None:
                return push_result(f, R.callback_req('set_of', items), nxt)
            out.add(x)
        s.append(out)
        return nxt
    return fn


@op('BUILD_MAP')
def _build_map(arg, nxt, code, pc):
    n = arg

    def fn(f):
        s = f.stack
        d = {}
        if n:
            items = s[-2 * n:]
            del s[-2 * n:]
            for i in range(0, 2 * n, 2):
                k = items[i]
                if type(k) not in PLAIN_KEYS and hashing.monty_hash(k) is not None:
                    return push_result(f, R.callback_req('dict_from_flat', items), nxt)
                d[k] = items[i + 1]
        s.append(d)
        return nxt
    return fn


@op('LIST_APPEND')
def _list_append(arg, nxt, code, pc):
    n = -arg

    def fn(f):
        s = f.stack
        v = s.pop()
        s[n].append(v)
        return nxt
    return fn


@op('SET_ADD')
def _set_add(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s.pop()
        if type(v) in PLAIN_KEYS or type(v) is tuple and shallow(v):
            s[-arg].add(v)
            return nxt
        return run_effect(f, hashing.hashed(v, 'add', s[-arg], v), nxt)
    return fn


@op('MAP_ADD')
def _map_add(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s.pop()
        k = s.pop()
        if type(k) in PLAIN_KEYS or type(k) is tuple and shallow(k):
            s[-arg][k] = v
            return nxt
        return run_effect(f, hashing.hashed(k, 'setitem', s[-arg], k, v), nxt)
    return fn


@op('LIST_EXTEND')
def _list_extend(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s.pop()
        target = s[-arg]
        if type(v) in (list, tuple):
            target.extend(v)
        else:
            try:
                items = list(P.iterate(v))
            except MontyRaise as e:
                if e.exc.mcls is T.EXC_BY_NAME['TypeError'] and not P.is_iterable_type(v):
                    raise TypeError(f'Value after * must be an iterable, not {T.type_name(v)}') from None
                raise
            except TypeError:
                raise TypeError(f'Value after * must be an iterable, not {T.type_name(v)}') from None
            target.extend(items)
        return nxt
    return fn


@op('SET_UPDATE')
def _set_update(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s.pop()
        # a set source merges with its stored hashes, in its table order, as CPython's does
        s[-arg].update(v if type(v) in (set, frozenset) else P.iterate(v))
        return nxt
    return fn


@op('DICT_UPDATE')
def _dict_update(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s.pop()
        if not isinstance(v, dict):
            from ..builtins.constructors import mapping_items
            try:
                items = mapping_items(v)
            except TypeError:
                raise TypeError(f"'{T.type_name(v)}' object is not a mapping") from None
            s[-arg].update(items)
        else:
            s[-arg].update(v)
        return nxt
    return fn


@op('DICT_MERGE')
def _dict_merge(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s.pop()
        target = s[-arg]
        if isinstance(v, dict):
            items = v.items()
        else:
            from ..builtins.constructors import mapping_items
            try:
                items = mapping_items(v)
            except TypeError:
                func = s[-arg - 2] if len(s) > arg + 1 else None
                raise TypeError(f'{_callable_name(func)} argument after ** must be a mapping, '
                                f'not {T.type_name(v)}') from None
        for k, val in items:
            if k in target:
                func = s[-arg - 2] if len(s) > arg + 1 else None
                raise TypeError(f"{_callable_name(func)} got multiple values for keyword "
                                f"argument '{k}'")
            target[k] = val
        return nxt
    return fn


def _callable_name(func) -> str:
    from .argerrors import function_str
    return function_str(func)


@op('LIST_TO_TUPLE')
def _list_to_tuple(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        s[-1] = tuple(s[-1])
        return nxt
    return fn


@op('BUILD_STRING')
def _build_string(arg, nxt, code, pc):
    n = arg

    def fn(f):
        s = f.stack
        if n:
            parts = s[-n:]
            del s[-n:]
            s.append(''.join(parts))
        else:
            s.append('')
        return nxt
    return fn


@op('FORMAT_VALUE')
def _format_value(arg, nxt, code, pc):
    conversion, has_spec = arg
    from ..builtins.formatting import format_value, convert_value
    from ..builtins.textconv import LEAVES, format_field

    def fn(f):
        s = f.stack
        spec = s.pop() if has_spec else ''
        v = s.pop()
        if type(v) not in LEAVES:
            return push_result(f, format_field(v, conversion, spec), nxt)
        if conversion != -1:
            v = convert_value(v, conversion)
        if type(v) is str and not spec:
            s.append(v)
            return nxt
        s.append(format_value(v, spec))
        return nxt
    return fn


@op('UNPACK_SEQUENCE')
def _unpack_sequence(arg, nxt, code, pc):
    n = arg

    def fn(f):
        s = f.stack
        v = s.pop()
        t = type(v)
        if t is tuple or t is list:
            if len(v) == n:
                s.extend(reversed(v))
                return nxt
            items = v
        else:
            items = list(_unpack_iter(v, n))
        if len(items) < n:
            raise ValueError(f'not enough values to unpack (expected {n}, got {len(items)})')
        if len(items) > n:
            if t is tuple or t is list:
                raise ValueError(f'too many values to unpack (expected {n})')
            raise ValueError(f'too many values to unpack (expected {n})')
        s.extend(reversed(items))
        return nxt
    return fn


def _unpack_iter(v, n):
    """Take at most n+1 items (so an infinite iterator still reports 'too many')."""
    try:
        it = P.iterate(v)
    except TypeError:
        raise TypeError(f'cannot unpack non-iterable {T.type_name(v)} object') from None
    except MontyRaise as e:
        if e.exc.mcls is T.EXC_BY_NAME['TypeError']:
            raise TypeError(f'cannot unpack non-iterable {T.type_name(v)} object') from None
        raise
    out = []
    for x in it:
        out.append(x)
        if len(out) > n:
            break
    return out


@op('UNPACK_EX')
def _unpack_ex(arg, nxt, code, pc):
    before, after = arg

    def fn(f):
        s = f.stack
        v = s.pop()
        if type(v) in (list, tuple):
            items = list(v)
        else:
            try:
                items = list(P.iterate(v))
            except TypeError:
                raise TypeError(f'cannot unpack non-iterable {T.type_name(v)} object') from None
        if len(items) < before + after:
            raise ValueError(f'not enough values to unpack (expected at least {before + after}, '
                             f'got {len(items)})')
        mid = items[before:len(items) - after]
        out = items[:before] + [mid] + items[len(items) - after:]
        s.extend(reversed(out))
        return nxt
    return fn


# -- jumps ------------------------------------------------------------------------------------
@op('JUMP')
def _jump(arg, nxt, code, pc):
    target = arg
    if target <= pc:
        def back(f):
            tr = f.vm.tracker
            if tr is not None:
                tr.tick()
            return target
        return back
    return lambda f: target


def retest(f, req, pc, nxt):
    """Run a Monty ``__bool__``/``__len__`` for the jump at ``pc``, then the jump again on the
    checked answer (the ``retest`` post moves back to it, so a bad answer's error points at
    the jump, like CPython's)."""
    req.state = (req.state, pc)
    r = push_result(f, req, nxt)
    return pc if r == nxt else r   # answered at once: the answer is on the stack


@op('POP_JUMP_IF_FALSE')
def _pop_jump_if_false(arg, nxt, code, pc):
    target = arg

    def fn(f):
        v = f.stack.pop()
        if v is False or v is None:
            return target
        if v is True:
            return nxt
        r = dispatch.truth_req(v, 'retest')
        if r is not None:
            return retest(f, r, pc, nxt)
        return nxt if truth(v) else target
    return fn


@op('POP_JUMP_IF_TRUE')
def _pop_jump_if_true(arg, nxt, code, pc):
    target = arg

    def fn(f):
        v = f.stack.pop()
        if v is True:
            return target
        if v is False or v is None:
            return nxt
        r = dispatch.truth_req(v, 'retest')
        if r is not None:
            return retest(f, r, pc, nxt)
        return target if truth(v) else nxt
    return fn


@op('POP_JUMP_IF_NONE')
def _pop_jump_if_none(arg, nxt, code, pc):
    def fn(f):
        return arg if f.stack.pop() is None else nxt
    return fn


@op('POP_JUMP_IF_NOT_NONE')
def _pop_jump_if_not_none(arg, nxt, code, pc):
    def fn(f):
        return arg if f.stack.pop() is not None else nxt
    return fn


@op('JUMP_IF_FALSE_OR_POP')
def _jump_if_false_or_pop(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s[-1]
        if type(v) is bool or type(v) in HOST_TYPES:
            if v:
                s.pop()
                return nxt
            return arg
        return or_pop_slow(f, v, False, arg, nxt, pc)
    return fn


@op('JUMP_IF_TRUE_OR_POP')
def _jump_if_true_or_pop(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s[-1]
        if type(v) is bool or type(v) in HOST_TYPES:
            if v:
                return arg
            s.pop()
            return nxt
        return or_pop_slow(f, v, True, arg, nxt, pc)
    return fn


def or_pop_slow(f, v, jump_when: bool, target: int, nxt: int, pc: int) -> int:
    """``and``/``or`` on a value whose truth may run a Monty ``__bool__``/``__len__``: the call
    runs as a frame whose answer (a ``dispatch.Truth``) lands above the value, then this
    instruction runs again and reads it."""
    s = f.stack
    if type(v) is dispatch.Truth:
        s.pop()
        if v.value is jump_when:
            return target
        s.pop()
        return nxt
    r = dispatch.truth_req(v, 'retest_mark')
    if r is not None:
        return retest(f, r, pc, nxt)
    if truth(v) is jump_when:
        return target
    s.pop()
    return nxt


# -- iteration ---------------------------------------------------------------------------------
@op('GET_ITER')
def _get_iter(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s[-1]
        t = type(v)
        if t is list or t is range or t is tuple or t is dict or t is str:
            s[-1] = iter(v)
            return nxt
        s.pop()
        return push_result(f, P.get_iter(v), nxt)
    return fn


@op('FOR_ITER')
def _for_iter(arg, nxt, code, pc):
    target = arg
    mode = ('for', target)

    def fn(f):
        s = f.stack
        it = s[-1]
        t = type(it)
        if t in HOST_ITERS:
            for v in it:
                s.append(v)
                return nxt
            s.pop()
            tr = f.vm.tracker
            if tr is not None:
                tr.tick()
            return target
        if t is Generator:
            state = it.state
            if state == 3 and it.kind == 'generator':
                s.pop()
                return target
            f.pc = nxt
            vm = f.vm
            if state <= SUSPENDED and vm.depth < vm.max_depth:   # or CREATED: resume inline
                gf = it.frame
                it.state = RUNNING
                gf.resume_mode = mode
                gf.stack.append(None)
                gf.back = f
                vm.frame = gf
                vm.depth += 1
                return EV_SWITCH
            vm.resume_gen(f, it, None, mode)
            return EV_SWITCH
        cls = T.type_of(it)
        m = cls.lookup('__next__')
        if m is UNBOUND:
            raise TypeError(f"'{T.error_name(cls)}' object is not an iterator")
        try:
            r = P.method_req(m, it)
        except MontyRaise as e:
            if T.EXC_BY_NAME['StopIteration'] in e.exc.mcls.mro:
                s.pop()
                return target
            raise
        except StopIteration:
            s.pop()
            return target
        if type(r) is CallReq:
            f.pc = pc   # re-run FOR_ITER's bookkeeping when the call returns
            vm = f.vm
            r.post = 'for_next'
            r.state = target
            res = vm.push_req(f, r)
            if res is PUSHED:
                vm.frame.post = 'for_next'
                vm.frame.post_state = target
                f.pc = nxt
                return EV_SWITCH
            s.append(res)
            return nxt
        s.append(r)
        return nxt
    return fn


# -- functions -----------------------------------------------------------------------------
@op('RETURN_VALUE')
def _return_value(arg, nxt, code, pc):
    def fn(f):
        f.pc = pc
        if f.post is None and f.gen is None and not f.entry:
            return_plain(f, f.stack.pop())
            return EV_SWITCH
        return EV_RETURN
    return fn


def return_plain(f, value) -> None:
    """A plain call (no post step, not a generator, not an entry frame) returns ``value``.

    A frame left clean (empty stack, no blocks or handled exceptions) goes to the VM's free
    list for ``enter_plain`` to reuse: nothing refers to a finished plain frame.
    """
    vm = f.vm
    back = f.back
    f.back = None
    vm.depth -= 1
    vm.frame = back
    back.stack.append(value)
    if not f.stack and not f.blocks and not f.handling:
        f.locals = None
        vm.free_frames.append(f)


@op('MAKE_FUNCTION')
def _make_function(arg, nxt, code, pc):
    fcode, flags = arg

    def fn(f):
        s = f.stack
        closure = s.pop() if flags & 8 else ()
        annotations = s.pop() if flags & 4 else None
        kwdefaults = s.pop() if flags & 2 else None
        defaults = s.pop() if flags & 1 else ()
        func = Function(fcode, f.globals, defaults, kwdefaults, closure)
        if annotations is not None:
            func.annotations = annotations
        if f.ns is not None and '__module__' in f.ns:
            func.module = f.ns['__module__']
        s.append(func)
        return nxt
    return fn


@op('CALL')
def _call(arg, nxt, code, pc):
    n = arg
    fpos = -n - 1

    def fn(f):
        s = f.stack
        func = s[fpos]
        if type(func) is Function and func.code.fastcall == n:
            if n:
                args = s[-n:]
                del s[fpos:]
            else:
                args = []
                s.pop()
            f.pc = nxt
            if enter_plain(f, func, args):
                return EV_SWITCH
            args = tuple(args)
        elif n:
            args = tuple(s[-n:])
            del s[-n:]
            func = s.pop()
        else:
            args = ()
            func = s.pop()
        f.pc = nxt
        if type(func) is NativeFunction:
            return _call_native(f, func, args, nxt)
        if type(func) is MClass and func.meta is None:
            r = f.vm.construct(f, func, args, None)     # what vm.call -> instantiate does
        else:
            r = f.vm.call(f, func, args, None)
        if r is PUSHED:
            return EV_SWITCH
        s.append(r)
        return nxt
    return fn


def _call_native(f, func, args: tuple, nxt: int) -> int:
    """A builtin called with positional arguments: ``vm.call`` without its type dispatch."""
    try:
        r = func.fn(f.vm, *args) if func.needs_vm else func.fn(*args)
    except TypeError as e:
        raise native_type_error(e, func, args, None) from None
    if type(r) is CallReq:
        r = f.vm.push_req(f, r)
    if r is PUSHED:
        return EV_SWITCH
    f.stack.append(r)
    return nxt


def enter_plain(f, func, args: list) -> bool:
    """Push a frame for a positional-only call of a plain function (``code.fastcall``).

    ``args`` becomes the frame's slot list.  False when the recursion limit is reached (the
    caller then takes the general path, which raises).
    """
    vm = f.vm
    if vm.depth >= vm.max_depth:
        return False
    code = func.code
    extra = code.nlocals - len(args)
    if extra:
        args += [UNBOUND] * extra
    if code.freevars:
        args += func.closure
    free = vm.free_frames
    if free:
        fr = free.pop()
        fr.code = code
        fr.pc = 0
        fr.locals = args
        fr.globals = func.globals
        fr.ns = None
        fr.func = func
        fr.back = f
        vm.frame = fr
    else:
        vm.frame = Frame(vm, code, args, func.globals, None, func, f)
    vm.depth += 1
    return True


@op('CALL_KW')
def _call_kw(arg, nxt, code, pc):
    n, names = arg
    nk = len(names)
    npos = n - nk

    def fn(f):
        s = f.stack
        vals = s[-n:]
        del s[-n:]
        func = s.pop()
        kwargs = dict(zip(names, vals[npos:]))
        f.pc = nxt
        r = f.vm.call(f, func, tuple(vals[:npos]), kwargs)
        if r is PUSHED:
            return EV_SWITCH
        s.append(r)
        return nxt
    return fn


@op('CALL_EX')
def _call_ex(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        kwargs = s.pop() if arg else None
        args = s.pop()
        func = s.pop()
        if type(args) is not tuple:
            args = _star_args(func, args)
        f.pc = nxt
        r = f.vm.call(f, func, args, kwargs or None)
        if r is PUSHED:
            return EV_SWITCH
        s.append(r)
        return nxt
    return fn


def _star_args(func, v) -> tuple:
    """``f(*v)``: the positional arguments, with CPython's error for a non-iterable ``v``."""
    if type(v) is list:
        return tuple(v)
    try:
        return tuple(P.iterate(v))
    except MontyRaise as e:
        if e.exc.mcls is not T.EXC_BY_NAME['TypeError'] or P.is_iterable_type(v):
            raise
    except TypeError:
        pass
    raise TypeError(f'{_callable_name(func)} argument after * must be an iterable, '
                    f'not {T.type_name(v)}') from None


@op('CALL_METHOD')
def _call_method(arg, nxt, code, pc):
    n, names = arg
    npos = n - (len(names) if names else 0)
    plain = not names

    def fn(f):
        s = f.stack
        if plain:
            base = len(s) - n - 2
            func = s[base]
            if type(func) is Function:
                first = base + 1 if s[base + 1] is not NULL else base + 2
                if func.code.fastcall == len(s) - first:
                    args = s[first:]
                    del s[base:]
                    f.pc = nxt
                    if enter_plain(f, func, args):
                        return EV_SWITCH
                    r = f.vm.call(f, func, tuple(args), None)
                    if r is PUSHED:
                        return EV_SWITCH
                    s.append(r)
                    return nxt
        if n:
            vals = s[-n:]
            del s[-n:]
        else:
            vals = []
        self_ = s.pop()
        func = s.pop()
        if names:
            kwargs = dict(zip(names, vals[npos:]))
            vals = vals[:npos]
        else:
            kwargs = None
        if self_ is not NULL:
            if type(func) is NativeFunction and not func.needs_vm and kwargs is None:
                try:
                    r = func.fn(self_, *vals)
                except TypeError as e:
                    from .interp import native_type_error
                    raise native_type_error(e, func, (self_, *vals)) from None
                if type(r) is CallReq:
                    f.pc = nxt
                    r = f.vm.push_req(f, r)
                    if r is PUSHED:
                        return EV_SWITCH
                s.append(r)
                return nxt
            args = (self_, *vals)
        else:
            args = tuple(vals)
        f.pc = nxt
        r = f.vm.call(f, func, args, kwargs)
        if r is PUSHED:
            return EV_SWITCH
        s.append(r)
        return nxt
    return fn


@op('BUILD_CLASS')
def _build_class(arg, nxt, code, pc):
    nbases, kwnames = arg

    def fn(f):
        s = f.stack
        kwvals = s[len(s) - len(kwnames):] if kwnames else []
        if kwnames:
            del s[-len(kwnames):]
        bases = tuple(s[len(s) - nbases:]) if nbases else ()
        if nbases:
            del s[-nbases:]
        name = s.pop()
        body = s.pop()
        from ..builtins.classes import prepare_class
        f.pc = nxt
        r = prepare_class(f.vm, f, body, name, bases, dict(zip(kwnames, kwvals)))
        return push_result(f, r, nxt)
    return fn


# -- exceptions ---------------------------------------------------------------------------
@op('SETUP_FINALLY')
def _setup_finally(arg, nxt, code, pc):
    def fn(f):
        f.blocks.append((arg, len(f.stack), len(f.handling)))
        return nxt
    return fn


@op('POP_BLOCK')
def _pop_block(arg, nxt, code, pc):
    def fn(f):
        f.blocks.pop()
        return nxt
    return fn


@op('PUSH_EXC_INFO')
def _push_exc_info(arg, nxt, code, pc):
    def fn(f):
        f.handling.append(f.stack[-1])
        return nxt
    return fn


@op('POP_EXCEPT')
def _pop_except(arg, nxt, code, pc):
    def fn(f):
        f.handling.pop()
        return nxt
    return fn


@op('CHECK_EXC_MATCH')
def _check_exc_match(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        cls = s.pop()
        exc = s[-1]
        s.append(exception_matches(exc, cls))
        return nxt
    return fn


def exception_matches(exc, cls) -> bool:
    if type(cls) is tuple:
        for c in cls:
            if exception_matches(exc, c):
                return True
        return False
    if type(cls) is not MClass or not cls.is_exc:
        raise TypeError('catching classes that do not inherit from BaseException is not allowed')
    return cls in exc.mcls.mro


@op('RERAISE')
def _reraise(arg, nxt, code, pc):
    def fn(f):
        exc = f.stack.pop()
        raise MontyRaise(exc, reraise=True)
    return fn


@op('RAISE_VARARGS')
def _raise_varargs(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        vm = f.vm
        if arg == 0:
            exc = vm.handled_exception(f)
            if exc is None:
                raise RuntimeError('No active exception to reraise')
            raise MontyRaise(exc, reraise=True)
        cause = s.pop() if arg == 2 else UNBOUND
        exc = s.pop()
        r = make_exception(vm, f, exc)
        if type(r) is CallReq:
            r = vm.run_request(r)
            if not isinstance(r, ExcInstance):
                raise TypeError('exceptions must derive from BaseException')
        exc = r
        if cause is not UNBOUND:
            if cause is None:
                exc.cause = None
            elif not isinstance(cause, ExcInstance) and not (type(cause) is MClass and cause.is_exc):
                raise TypeError('exception causes must derive from BaseException')
            else:
                c = make_exception(vm, f, cause)
                if type(c) is CallReq:
                    c = vm.run_request(c)
                exc.cause = c
            exc.suppress = True
        vm.set_context(f, exc)
        raise MontyRaise(exc)
    return fn


def make_exception(vm, f, value):
    """The exception instance to raise for ``raise value`` (instantiating classes)."""
    if isinstance(value, ExcInstance):
        return value
    if type(value) is MClass and value.is_exc:
        r = vm.call(f, value, (), None)
        if r is PUSHED:
            # finish the constructor now (a nested run); raising needs the instance
            top = vm.frame
            top.entry = True
            post, state = top.post, top.post_state
            top.post = None
            kind, v = vm.execute(top)
            from .posts import POSTS
            return POSTS[post](vm, v, state) if post else v
        return r
    if type(value) is MClass or isinstance(value, Instance) or True:
        raise TypeError('exceptions must derive from BaseException')


@op('LOAD_ASSERTION_ERROR')
def _load_assertion_error(arg, nxt, code, pc):
    def fn(f):
        f.stack.append(T.EXC_BY_NAME['AssertionError'])
        return nxt
    return fn


# -- with -------------------------------------------------------------------------------------
def enter_with(enter_name: str, exit_name: str, protocol: str):
    """Factory for BEFORE_WITH and BEFORE_ASYNC_WITH: push the manager's bound exit method,
    then call its enter method; ``protocol`` names what a missing method breaks."""
    def build(arg, nxt, code, pc):
        def fn(f):
            s = f.stack
            mgr = s.pop()
            cls = T.type_of(mgr)
            enter = cls.lookup(enter_name)
            exit_ = cls.lookup(exit_name)
            if enter is UNBOUND:
                raise TypeError(f"'{T.error_name(cls)}' object does not support the {protocol} protocol")
            if exit_ is UNBOUND:
                raise TypeError(f"'{T.error_name(cls)}' object does not support the {protocol} protocol "
                                f"(missed {exit_name} method)")
            s.append(P.bind_native_attr(exit_, mgr, cls) if type(exit_) is not Function
                     else BoundMethod(mgr, exit_))
            return push_result(f, P.method_req(enter, mgr), nxt)
        return fn
    return build


op('BEFORE_WITH')(enter_with('__enter__', '__exit__', 'context manager'))


@op('WITH_EXIT')
def _with_exit(arg, nxt, code, pc):
    def fn(f):
        exit_ = f.stack.pop()
        f.pc = nxt
        r = f.vm.call(f, exit_, (None, None, None), None)
        if r is PUSHED:
            f.vm.frame.post = 'discard'
            return EV_SWITCH
        return nxt
    return fn


@op('WITH_EXCEPT')
def _with_except(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        exc = s[-1]
        exit_ = s[-2]
        f.pc = nxt
        r = f.vm.call(f, exit_, (exc.mcls, exc, None), None)
        if r is PUSHED:
            return EV_SWITCH
        s.append(r)
        return nxt
    return fn


# -- imports -----------------------------------------------------------------------------------
@op('IMPORT_NAME')
def _import_name(arg, nxt, code, pc):
    name, fromlist, level = arg

    def fn(f):
        from ..builtins.modules import import_module
        f.stack.append(import_module(f.vm, name, fromlist))
        return nxt
    return fn


@op('IMPORT_FROM')
def _import_from(arg, nxt, code, pc):
    if arg == '*':
        return _import_star(nxt)

    def fn(f):
        mod = f.stack[-1]
        try:
            v = mod.dict[arg]
        except KeyError:
            from ..builtins.modules import submodule
            v = submodule(f.vm, mod, arg)
        f.stack.append(v)
        return nxt
    return fn


def _import_star(nxt):
    """``from module import *``: the public names (``__all__`` when defined)."""
    def fn(f):
        from ..builtins.modules import public_names
        mod = f.stack[-1]
        target = f.ns if f.ns is not None else f.globals
        for name, value in public_names(mod):
            target[name] = value
        f.stack.append(None)
        return nxt
    return fn


# -- generators --------------------------------------------------------------------------------
@op('GEN_START')
def _gen_start(arg, nxt, code, pc):
    def fn(f):
        f.stack.pop()
        return nxt
    return fn


@op('YIELD_VALUE')
def _yield_value(arg, nxt, code, pc):
    def fn(f):
        f.pc = nxt
        gen = f.gen
        if gen is None or f.entry:
            return EV_YIELD
        # a generator resumed by a Monty frame: hand the value back to it here
        vm = f.vm
        vm.depth -= 1
        gen.state = SUSPENDED
        back = f.back
        f.back = None
        mode = f.resume_mode
        f.resume_mode = None
        if mode is not None and mode[0] == 'yf':
            yield_through(vm, back, f.stack.pop())
            return EV_SWITCH
        vm.frame = back
        back.stack.append(f.stack.pop())
        return EV_SWITCH
    return fn


@op('GET_YIELD_FROM_ITER')
def _get_yield_from_iter(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s[-1]
        if type(v) is Generator:
            return nxt
        s.pop()
        return push_result(f, P.get_iter(v), nxt)
    return fn


@op('YIELD_FROM')
def _yield_from(arg, nxt, code, pc):
    """Send TOS into the sub-iterator below it: it yields (to the YIELD_VALUE at ``nxt``) or
    finishes, replacing itself with its return value and jumping to ``arg``."""
    exit_pc = arg

    def fn(f):
        s = f.stack
        value = s.pop()
        sub = s[-1]
        vm = f.vm
        if type(sub) is Generator:
            f.pc = nxt
            vm.resume_gen(f, sub, value, ('yf', exit_pc))
            return EV_SWITCH
        return vm.yield_from_other(f, sub, value, nxt, exit_pc)
    return fn


@op('GET_AWAITABLE')
def _get_awaitable(arg, nxt, code, pc):
    def fn(f):
        s = f.stack
        v = s[-1]
        if type(v) is Generator and v.kind == 'coroutine':
            return nxt
        cls = T.type_of(v)
        m = cls.lookup('__await__')
        if m is UNBOUND:
            raise TypeError(f"object {T.error_name(cls)} can't be used in 'await' expression")
        s.pop()
        return push_result(f, P.method_req(m, v), nxt)
    return fn


@op('PRINT_EXPR')
def _print_expr(arg, nxt, code, pc):
    def fn(f):
        f.stack.pop()
        return nxt
    return fn


def call_sync_truth(v) -> bool:
    return bool(v)


P.call_sync_truth = call_sync_truth
P.is_iterable_type = lambda v: True
_unused = (BoundNative, ClassMethod, StaticMethod, EV_RETURN)
