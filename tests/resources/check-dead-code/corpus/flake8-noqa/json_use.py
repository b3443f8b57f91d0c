from compat import parse

print(parse(" x "))
