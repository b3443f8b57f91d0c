from registry import build

print(build("linear")(2))
