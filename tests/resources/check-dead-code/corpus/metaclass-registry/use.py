from plugins import REGISTRY

print(REGISTRY)
