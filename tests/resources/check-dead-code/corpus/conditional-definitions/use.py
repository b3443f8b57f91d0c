from compat import load

print(load("a = 1"))
