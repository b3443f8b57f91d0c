def count(rows):
    seen = 0
    for row in rows:
        seen += 1
    skipped = len(rows) - seen  # expect: MLH202
    total: int = 0  # expect: MLH202
    return len(rows)


print(count([1]))
