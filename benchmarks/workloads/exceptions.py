"""Exceptions in a loop: raise/catch, custom classes, else/finally, re-raise and chaining."""
N = 20000


class ValidationError(ValueError):
    def __init__(self, field, value):
        super().__init__(f"bad {field}: {value!r}")
        self.field = field


def check(i):
    if i % 3 == 0:
        raise ValidationError("n", i)
    if i % 5 == 0:
        return {}["missing"]
    return i


def run(n):
    caught = {"validation": 0, "key": 0, "ok": 0, "finally": 0, "chained": 0}
    last = ""
    for i in range(n):
        try:
            check(i)
        except ValidationError as e:
            caught["validation"] += 1
            last = str(e)
        except KeyError:
            caught["key"] += 1
        else:
            caught["ok"] += 1
        finally:
            caught["finally"] += 1
        if i % 100 == 0:
            try:
                try:
                    raise TypeError("inner")
                except TypeError as exc:
                    raise RuntimeError("outer") from exc
            except RuntimeError as err:
                caught["chained"] += err.__cause__ is not None
    return caught, last


run(N)
