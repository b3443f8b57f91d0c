def depth(node):
    if not node:
        return 0
    return 1 + max(depth(c) for c in node)
