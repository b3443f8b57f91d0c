"""Cases modelled on pydoclint's own test data (tests/data/sphinx/args/function.py),
rewritten; ``upstream:`` gives pydoclint's expected findings in our codes."""


def func1_3(arg1: str, arg2: list[int]) -> bool:  # expect: | upstream: MLH302(arg1) MLH302(arg2)
    """Check something.

    :return: The answer.
    :rtype: bool
    """
    return True


def func1_6() -> None:  # expect: MLH301(arg1) | upstream: MLH301(arg1)
    """Document an argument the function does not take.

    :param arg1: First.
    :type arg1: int
    :return: None
    :rtype: None
    """
    return None


def func2(arg1: int, arg2: float | int | None) -> int | list[float]:  # expect: MLH302(arg2) | upstream: MLH302(arg2)
    """Leave an argument out.

    :param arg1: First.
    :type arg1: int
    :return: Result.
    :rtype: int
    """
    return 1


def func3(arg1: int, arg2: float) -> int:  # expect: MLH301(arg3) | upstream: MLH301(arg3)
    """Document one argument too many.

    :param arg1: First.
    :type arg1: int
    :param arg2: Second.
    :type arg2: float
    :param arg3: Third.
    :type arg3: Optional[Union[float, int, str]]
    :return: Result.
    :rtype: int
    """
    return 1


async def func4(arg1: int, arg2: float) -> int:  # expect: MLH303 | upstream: MLH303
    """Swap the order.

    :param arg2: Second.
    :type arg2: float
    :param arg1: First.
    :type arg1: int
    :return: Result.
    :rtype: int
    """
    return 1


def func5(arg1: int, arg2: float) -> int:  # expect: MLH304(arg1) MLH304(arg2) | upstream: MLH304(arg1) MLH304(arg2)
    """Contradict both types.

    :param arg1: First.
    :type arg1: list[str]
    :param arg2: Second.
    :type arg2: str
    :return: Result.
    :rtype: int
    """
    return 1


def func6(arg1: int, arg2: float) -> int:  # expect: MLH303 MLH304(arg1) MLH304(arg2) | upstream: MLH303 MLH304(arg1) MLH304(arg2)
    """Swap the order and contradict both types.

    :param arg2: Second.
    :type arg2: str
    :param arg1: First.
    :type arg1: list[str]
    :return: Result.
    :rtype: int
    """
    return 1


def func7(arg1: int, arg2: float) -> int:
    """All in order; the nested function has no param field.

    :param arg1: First.
    :type arg1: int
    :param arg2: Second.
    :type arg2: float
    :return: Result.
    :rtype: int
    """

    def func72(arg3: list, arg4: tuple, arg5: dict) -> None:  # expect: | upstream: MLH302(arg3) MLH302(arg4) MLH302(arg5)
        """Do something else.

        arg100: Not a field.
        :type arg100: int
        :return: None
        :rtype: None
        """
        return None

    return 2


def func8(arg1: "MyClass", arg2: "SomeClass") -> int:
    """String annotations agree with the same names.

    :param arg1: First.
    :type arg1: MyClass
    :param arg2: Second.
    :type arg2: SomeClass
    :return: Result.
    :rtype: int
    """
    return 1
