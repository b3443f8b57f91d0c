def check(frame):
    if frame is None:
        raise ValueError("no frame")
        print("unreachable")  # expect: MLH203
    return frame


def todo():
    raise NotImplementedError
    x = 1  # expect: MLH203
    return x


print(check([]), todo)
