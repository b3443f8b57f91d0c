def safe_div(a, b):
    _unused = a
    try:
        return a / b
    except ZeroDivisionError as error:
        return 0.0


print(safe_div(1, 0))
