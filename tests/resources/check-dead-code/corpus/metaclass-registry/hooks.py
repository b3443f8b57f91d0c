class Step:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Step.registry.append(cls)


class Clean(Step):
    pass
