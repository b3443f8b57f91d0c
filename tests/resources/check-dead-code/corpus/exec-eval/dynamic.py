import math


def compute(expression):
    value = 3
    return eval(expression)


print(compute("math.sqrt(value)"))
