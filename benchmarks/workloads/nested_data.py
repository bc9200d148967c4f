"""JSON-like nested data: build, walk recursively, transform and aggregate dicts and lists."""
N = 800


def make_order(i):
    return {
        "id": i,
        "customer": {"name": "c%d" % (i % 37), "tags": ["vip"] if i % 10 == 0 else []},
        "lines": [{"sku": "s%d" % ((i + k) % 50), "qty": k + 1, "price": (i % 9) + k * 0.5} for k in range(i % 5 + 1)],
        "meta": {"source": "web" if i % 2 else "shop", "flags": {"gift": i % 7 == 0}},
    }


def walk(node):
    if isinstance(node, dict):
        return 1 + sum(walk(v) for v in node.values())
    if isinstance(node, list):
        return 1 + sum(walk(v) for v in node)
    return 1


def run(n):
    orders = [make_order(i) for i in range(n)]
    nodes = walk(orders)
    totals = {}
    for o in orders:
        amount = sum(line["qty"] * line["price"] for line in o["lines"])
        name = o["customer"]["name"]
        totals[name] = totals.get(name, 0) + amount
    gifts = [o["id"] for o in orders if o["meta"]["flags"]["gift"]]
    merged = {**orders[0]["meta"], "count": len(orders)}
    skus = sorted({line["sku"] for o in orders for line in o["lines"]})
    return nodes, round(sum(totals.values()), 2), len(gifts), merged, skus[:3]


run(N)
