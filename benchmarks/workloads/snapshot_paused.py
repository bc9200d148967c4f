"""Build 1000 small dicts, then pause at an external call so the snapshot holds them all."""
N = 1000

items = [{"id": i, "name": "item" + str(i), "tags": [i % 3, i % 5]} for i in range(N)]
reply = checkpoint(len(items))
sum(item["id"] for item in items) + reply
