import pytest

from inventory import Ledger


def test_add_and_remove():
    led = Ledger()
    led.add("apple", 3)
    led.add("apple", 2)
    led.remove("apple", 4)
    assert led.report() == "apple=1"


def test_cannot_oversell():
    led = Ledger()
    led.add("pear", 1)
    with pytest.raises(ValueError):
        led.remove("pear", 2)
