from inventory import Ledger

if __name__ == "__main__":
    led = Ledger()
    led.add("widget", 10)
    led.add("gadget", 4)
    led.remove("widget", 3)
    print("stock: " + led.report())
