STATE = {}


def make_counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    return bump


def reset():
    global STATE
    STATE = {}


print(make_counter()(), reset())
