REGISTRY = {}


class PluginMeta(type):
    def __init__(cls, name, bases, namespace):
        super().__init__(name, bases, namespace)
        REGISTRY[name] = cls


class Plugin(metaclass=PluginMeta):
    pass


class CsvExport(Plugin):
    pass
