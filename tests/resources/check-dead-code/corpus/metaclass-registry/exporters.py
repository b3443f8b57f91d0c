from plugins import Plugin


class JsonExport(Plugin):
    pass
