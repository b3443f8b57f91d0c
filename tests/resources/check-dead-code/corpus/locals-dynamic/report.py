def render(name, score):
    title = name.upper()
    percent = score * 100
    return "{title}: {percent:.1f}%".format(**locals())


print(render("auc", 0.9))
