"""The page memo (generator/pages/memo.py): a value is produced again exactly when something it read changed."""

from __future__ import annotations

from collections.abc import Callable

from generator.pages.memo import Memo, Tracked


def _counting(produce: Callable[[], str]) -> tuple[Callable[[], str], list[int]]:
    calls = [0]

    def counted() -> str:
        calls[0] += 1
        return produce()

    return counted, calls


def _build(memo: Memo, table: dict[str, str], scope: object = "sama") -> tuple[str, str, int]:
    """One build: a page reading key a, and a listing reading the whole table."""
    view = Tracked("t", table)
    memo.start(scope, {"t": table})
    page = memo.value("page", lambda: f"halaman {view['a']}")
    listing = memo.value("listing", lambda: ", ".join(view))
    produced = memo.produced
    memo.finish()
    return page, listing, produced


def test_a_value_is_reused_until_what_it_read_changes() -> None:
    memo = Memo()
    assert _build(memo, {"a": "1", "b": "2"}) == ("halaman 1", "a, b", 2)
    assert _build(memo, {"a": "1", "b": "2"}) == ("halaman 1", "a, b", 0)
    # b is not read by the page, but the listing read the whole table
    assert _build(memo, {"a": "1", "b": "3"}) == ("halaman 1", "a, b", 1)
    assert _build(memo, {"a": "9", "b": "3"}) == ("halaman 9", "a, b", 2)
    assert _build(memo, {"a": "9", "b": "3", "c": "4"}) == ("halaman 9", "a, b, c", 1)


def test_a_missing_key_that_appears_is_a_change() -> None:
    memo = Memo()
    table: dict[str, str] = {}
    view = Tracked("t", table)
    memo.start(None, {"t": table})
    assert memo.value("x", lambda: view.get("a", "kosong")) == "kosong"
    memo.finish()
    table = {"a": "ada"}
    view = Tracked("t", table)
    memo.start(None, {"t": table})
    assert memo.value("x", lambda: view.get("a", "kosong")) == "ada"


def test_another_scope_reuses_nothing_and_unused_values_are_forgotten() -> None:
    memo = Memo()
    table = {"a": "1"}
    _build(memo, table)
    assert _build(memo, table, scope="lain")[2] == 2
    memo.start("lain", {"t": table})
    memo.finish()  # nothing asked: both values forgotten
    assert _build(memo, table, scope="lain")[2] == 2


def test_a_value_whose_thing_elsewhere_changed_is_produced_again() -> None:
    memo = Memo()
    produce, calls = _counting(lambda: "x")
    for still_valid in (True, True, False):
        memo.start(None, {})
        memo.value("page", produce, lambda _value, ok=still_valid: ok)
        memo.finish()
    assert calls == [2]


def test_reads_outside_a_value_are_not_recorded() -> None:
    memo = Memo()
    table = {"a": "1"}
    view = Tracked("t", table)
    memo.start(None, {"t": table})
    assert view["a"] == "1"  # generate() reads tables for pages it writes every time
    produce, calls = _counting(lambda: "tetap")
    memo.value("page", produce)
    memo.finish()
    memo.start(None, {"t": {"a": "2"}})
    memo.value("page", produce)
    assert calls == [1]


def test_a_memo_not_kept_produces_everything_and_records_nothing() -> None:
    memo = Memo(kept=False)
    table = {"a": "1"}
    produce, calls = _counting(lambda: Tracked("t", table)["a"])
    for _ in range(2):
        memo.start(None, {"t": table})
        assert memo.value("page", produce) == "1"
        memo.finish()
    assert calls == [2]


def test_after_a_build_that_raised_nothing_is_reused() -> None:
    """A page not reached before the error was never compared with that build's tables (found by a review)."""
    memo = Memo()
    _build(memo, {"a": "1", "b": "2"})
    table = {"a": "9", "b": "2"}
    memo.start("sama", {"t": table})
    try:
        memo.value("other", lambda: 1 / 0)  # the build stops here: "page" is never asked for
    except ZeroDivisionError:
        pass
    assert _build(memo, table) == ("halaman 9", "a, b", 2)
