"""Hot reads written as querysets, compiled to SQL once per process and run again with new values.

Django builds and compiles a queryset's SQL on every call. For the reads every page makes (the
person's account, the draft on every wizard step: a request with its worker, a hundred columns)
that was most of their cost: reading a request with its worker took 0.9 ms of CPU to build and
compile and 0.15 ms to run (benchmarks/load.py, profiled). A PrecompiledRead keeps the compiled SQL
and the ORM's own recipe for turning rows into objects (converters, select_related), so the result
is the same model instances the queryset would give; tests/foundation/test_precompiled.py holds
each one to its queryset.

Only plain model reads: filters, select_related and select_for_update, no annotations, values() or
extra(). Values may only be ints or strings that the lookup passes through unchanged (exact matches).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ValuesListIterable, get_related_populators
from django.db.transaction import TransactionManagementError

_markers = itertools.count(1)


def _marker(kind: type, name: str):
    # A value no real row has, unique per placeholder, so its place among the compiled parameters
    # can be found. Within a 32-bit integer: Django turns an out-of-range value into "no rows".
    number = next(_markers)
    return -2_000_000_000 + number if kind is int else f"\x1fplaceholder:{name}:{number}"


def _slots(params, markers: dict) -> list[tuple[str | None, object]]:
    """Each compiled parameter: the placeholder it stands for (None for a constant of the query)."""
    by_value = {(type(v), v): name for name, v in markers.items()}
    slots = [(by_value.get((type(p), p)), p) for p in params]
    missing = set(markers) - {name for name, _p in slots}
    if missing:
        raise ValueError(f"PrecompiledRead: {sorted(missing)} not passed through as plain values")
    return slots


class _Compiled:
    def __init__(self, queryset: QuerySet, markers: dict):
        compiler = queryset.query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        if compiler.annotation_col_map or compiler.has_extra_select or queryset._fields is not None:
            raise ValueError("PrecompiledRead reads whole model rows only")
        self.slots = _slots(params, markers)
        self.sql = sql
        self.locks = bool(queryset.query.select_for_update)
        self.compiler = compiler
        self.converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [s[0].target.attname for s in select[self.start : self.end]]
        self.populators = get_related_populators(klass_info, select, queryset.db)
        self.model = klass_info["model"]


class _OncePerDatabase:
    """What is compiled for a database alias, made once per process."""

    def __init__(self):
        self._made: dict[str, object] = {}
        self._lock = threading.Lock()

    def _once(self, alias: str | None, make: Callable):
        key = alias or ""
        made = self._made.get(key)
        if made is None:
            with self._lock:
                made = self._made[key] = make(alias)
        return made


class PrecompiledRead(_OncePerDatabase):
    """`build(**placeholders)` returns the queryset; each placeholder names its type (int or str)."""

    def __init__(self, build: Callable[..., QuerySet], **placeholders: type):
        super().__init__()
        for name, kind in placeholders.items():
            if kind not in (int, str):
                raise TypeError(f"PrecompiledRead: {name} must be int or str, not {kind.__name__}")
        self.build = build
        self.placeholders = placeholders

    def _compile(self, alias: str | None) -> _Compiled:
        markers = {name: _marker(kind, name) for name, kind in self.placeholders.items()}
        queryset = self.build(**markers)
        if alias:
            queryset = queryset.using(alias)
        return _Compiled(queryset, markers)

    def _for(self, alias: str | None) -> tuple[str, _Compiled]:
        compiled = self._once(alias, self._compile)
        return compiled.compiler.using, compiled

    def _params(self, compiled, values: dict) -> list:
        """The compiled query's parameters with `values` in the placeholders' places."""
        if set(values) != set(self.placeholders):
            expected, got = sorted(self.placeholders), sorted(values)
            raise TypeError(f"{type(self).__name__} expects {expected}, got {got}")
        for name, kind in self.placeholders.items():
            if type(values[name]) is not kind:
                raise TypeError(f"{type(self).__name__}: {name} must be {kind.__name__}")
        return [values[name] if name else constant for name, constant in compiled.slots]

    def all(self, *, using: str | None = None, **values) -> list[Model]:
        db, compiled = self._for(using)
        params = self._params(compiled, values)
        connection = connections[db]
        if compiled.locks and connection.features.has_select_for_update and connection.get_autocommit():
            # Django refuses this when it compiles; compiled once, the check is made here each time.
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        objects = []
        for row in rows:  # as Django's ModelIterable
            obj = compiled.model.from_db(db, compiled.init_list, row[compiled.start : compiled.end])
            for populator in compiled.populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects

    def first(self, *, using: str | None = None, **values) -> Model | None:
        """The first row: for reads by a unique key (there is no LIMIT in the SQL)."""
        found = self.all(using=using, **values)
        return found[0] if found else None


class _CompiledValues:
    def __init__(self, queryset: QuerySet, markers: dict):
        compiler = queryset.query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        if (
            queryset._iterable_class is not ValuesListIterable
            or queryset.query.annotations
            or compiler.has_extra_select
            or queryset.query.select_for_update
        ):
            raise ValueError("PrecompiledValues reads a model's own columns with values_list() only")
        self.slots = _slots(params, markers)
        self.sql = sql
        self.compiler = compiler
        self.converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])


class PrecompiledValues(PrecompiledRead):
    """As PrecompiledRead, for a `values_list(...)` of the model's own columns: the rows as tuples,
    each value converted as the queryset converts it. For reads that want a few columns of several
    rows, where making model instances would cost more than the query."""

    def _compile(self, alias: str | None) -> _CompiledValues:
        markers = {name: _marker(kind, name) for name, kind in self.placeholders.items()}
        queryset = self.build(**markers)
        if alias:
            queryset = queryset.using(alias)
        return _CompiledValues(queryset, markers)

    def all(self, *, using: str | None = None, **values) -> list[tuple]:
        db, compiled = self._for(using)
        params = self._params(compiled, values)
        with connections[db].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            return [tuple(row) for row in compiled.compiler.apply_converters(rows, compiled.converters)]
        return rows


class WrittenOutRead(_OncePerDatabase):
    """A query written out in SQL whose rows are whole rows of one model, made into instances as the
    ORM makes them, without RawQuerySet's work on every call (matching the cursor's column names to
    the model's fields, working out their order and converters: two thirds of its CPU for a
    one-row read). `sql` selects `{columns}` from the model's table under `table_alias`; the columns
    are the model's own, in the order a plain queryset reads them. `extra` names the values the SQL
    selects after `{columns}`: each instance gets them as attributes of those names."""

    def __init__(self, model: type[Model], sql: str, table_alias: str, extra: tuple[str, ...] = ()):
        super().__init__()
        self.model = model
        self.sql = sql
        self.table_alias = table_alias
        self.extra = extra

    def _compile(self, alias: str | None) -> tuple[str, _Compiled]:
        queryset = self.model._default_manager.all()
        if alias:
            queryset = queryset.using(alias)
        compiled = _Compiled(queryset, {})
        opts = self.model._meta
        columns = ", ".join(
            f'{self.table_alias}."{opts.get_field(name).column}"' for name in compiled.init_list
        )
        return self.sql.format(columns=columns), compiled

    def all(self, params: list, *, using: str | None = None) -> list[Model]:
        sql, compiled = self._once(using, self._compile)
        db = compiled.compiler.using
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = compiled.compiler.apply_converters(rows, compiled.converters)
        if not self.extra:
            return [compiled.model.from_db(db, compiled.init_list, row) for row in rows]
        count, objects = len(compiled.init_list), []
        for row in rows:
            obj = compiled.model.from_db(db, compiled.init_list, row[:count])
            for name, value in zip(self.extra, row[count:], strict=True):
                setattr(obj, name, value)
            objects.append(obj)
        return objects
