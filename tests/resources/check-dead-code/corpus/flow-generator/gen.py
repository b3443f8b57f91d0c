def empty():
    return
    yield


def items(n):
    for i in range(n):
        yield i


print(list(empty()), list(items(2)))
