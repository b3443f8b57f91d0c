"""Cases modelled on pydoclint's own test data (tests/data/numpy/args/function.py),
rewritten; ``upstream:`` gives pydoclint's expected findings in our codes.

pydoclint wants every argument documented as soon as a docstring has any section;
check-docstring-args only when the docstring has an arguments section
(allow-no-args-section), so two cases differ on purpose.
"""


def func1_1(arg1: int, arg2: float) -> None:
    pass


def func1_2(arg1: int, arg2: float) -> None:
    """"""


def func1_3(arg1: str, arg2: list[int]) -> bool:  # expect: | upstream: MLH302(arg1) MLH302(arg2)
    """Check something.

    Returns
    -------
    bool
        The answer.
    """
    return True


def func1_5() -> None:
    """Return nothing, and say so.

    Returns
    -------
    None
    """
    return None


def func1_6() -> None:  # expect: MLH301(arg1) | upstream: MLH301(arg1)
    """Document an argument the function does not take.

    Parameters
    ----------
    arg1 : int
        First.

    Returns
    -------
    None
    """
    return None


def func2(arg1: int, arg2: float | int | None) -> int | list[float]:  # expect: MLH302(arg2) | upstream: MLH302(arg2)
    """Leave an argument out.

    Parameters
    ----------
    arg1 : int
        First.

    Returns
    -------
    int :
        Result.
    """
    return 1


def func3(arg1: int, arg2: float) -> int:  # expect: MLH301(arg3) | upstream: MLH301(arg3)
    """Document one argument too many.

    Parameters
    ----------
    arg1 : int
        First.
    arg2 : float
        Second.
    arg3 : Optional[Union[float, int, str]]
        Third.

    Returns
    -------
    int :
        Result.
    """
    return 1


async def func4(arg1: int, arg2: float) -> int:  # expect: MLH303 | upstream: MLH303
    """Swap the order.

    Parameters
    ----------
    arg2 : float
        Second.
    arg1 : int
        First.

    Returns
    -------
    int :
        Result.
    """
    return 1


def func5(arg1: int, arg2: float) -> int:  # expect: MLH304(arg1) MLH304(arg2) | upstream: MLH304(arg1) MLH304(arg2)
    """Contradict both types.

    Parameters
    ----------
    arg1 : list[str]
        First.
    arg2 : str
        Second.

    Returns
    -------
    int :
        Result.
    """
    return 1


def func6(arg1: int, arg2: float) -> int:  # expect: MLH303 MLH304(arg1) MLH304(arg2) | upstream: MLH303 MLH304(arg1) MLH304(arg2)
    """Swap the order and contradict both types.

    Parameters
    ----------
    arg2 : str
        Second.
    arg1 : list[str]
        First.

    Returns
    -------
    int :
        Result.
    """
    return 1


def func7(arg1: int, arg2: float) -> int:
    """All in order; the nested function's docstring has no section.

    Parameters
    ----------
    arg1 : int
        First.
    arg2 : float
        Second.

    Returns
    -------
    int :
        Result.
    """

    def func72(arg3: list, arg4: tuple, arg5: dict) -> None:  # expect: | upstream: MLH302(arg3) MLH302(arg4) MLH302(arg5)
        """Do something else.

        arg100: int
            Not a section.

        Returns
        -------
        None
        """
        return None

    return 2


def func8(arg1: "MyClass", arg2: "SomeClass") -> int:
    """String annotations agree with the same names.

    Parameters
    ----------
    arg1 : MyClass
        First.
    arg2 : SomeClass
        Second.

    Returns
    -------
    int
        Result.
    """
    return 1
