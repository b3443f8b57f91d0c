def split(frame):
    train, test = frame[:8], frame[8:]
    head, *rest = frame
    for index, row in enumerate(frame):
        pass
    with open("log.txt") as handle:
        pass
    return train


print(split(list(range(10))))
