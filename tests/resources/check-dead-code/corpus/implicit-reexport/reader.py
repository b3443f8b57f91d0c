from utils import loads, root

print(loads("{}"), root())
