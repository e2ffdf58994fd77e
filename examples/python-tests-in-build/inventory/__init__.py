"""A tiny stock ledger."""


class Ledger:
    def __init__(self):
        self.items = {}

    def add(self, sku, qty):
        if qty <= 0:
            raise ValueError("quantity must be positive")
        self.items[sku] = self.items.get(sku, 0) + qty

    def remove(self, sku, qty):
        have = self.items.get(sku, 0)
        if qty > have:
            raise ValueError("only %d of %s in stock" % (have, sku))
        self.items[sku] = have - qty

    def report(self):
        return ", ".join("%s=%d" % kv for kv in sorted(self.items.items()))
