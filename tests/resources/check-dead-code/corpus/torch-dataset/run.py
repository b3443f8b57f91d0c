from data import loader

print(loader([1, 2, 3]))
