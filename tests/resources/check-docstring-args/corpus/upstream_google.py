"""Cases modelled on pydoclint's own test data (tests/data/google/args/staticmethod.py,
tests/data/google/raises/cases.py, tests/data/google/yields/cases.py), rewritten;
``upstream:`` gives pydoclint's expected findings in our codes (raises as with
check-raises; pydoclint reports a generator without a Yields section, we only one that
documents Returns instead).
"""

from typing import Any, Iterator, List, Tuple


class CustomError(Exception):
    pass


class MyClass:
    @staticmethod
    def func1_3(arg1: str, arg2: list[int]) -> bool:  # expect: | upstream: MLH302(arg1) MLH302(arg2)
        """Check something.

        Returns:
            bool: The answer.
        """
        return True

    @staticmethod
    def func1_6() -> None:  # expect: MLH301(arg1) | upstream: MLH301(arg1)
        """Document an argument the function does not take.

        Args:
            arg1 (int): First.

        Returns:
            None
        """
        return None

    @staticmethod
    def func2(arg1: int, arg2: float | int | None) -> int | list[float]:  # expect: MLH302(arg2) | upstream: MLH302(arg2)
        """Leave an argument out.

        Args:
            arg1 (int): First.

        Returns:
            int: Result.
        """
        return 1

    @staticmethod
    def func3(arg1: int, arg2: float) -> int:  # expect: MLH301(arg3) | upstream: MLH301(arg3)
        """Document one argument too many.

        Args:
            arg1 (int): First.
            arg2 (float): Second.
            arg3 (Optional[Union[float, int, str]]): Third.

        Returns:
            int: Result.
        """
        return 1

    @staticmethod
    async def func4(arg1: int, arg2: float) -> int:  # expect: MLH303 | upstream: MLH303
        """Swap the order.

        Args:
            arg2 (float): Second.
            arg1 (int): First.

        Returns:
            int: Result.
        """
        return 1

    @staticmethod
    def func5(arg1: int, arg2: float) -> int:  # expect: MLH304(arg1) MLH304(arg2) | upstream: MLH304(arg1) MLH304(arg2)
        """Contradict both types.

        Args:
            arg1 (list[str]): First.
            arg2 (str): Second.

        Returns:
            int: Result.
        """
        return 1

    @staticmethod
    def func6(arg1: int, arg2: float) -> int:  # expect: MLH303 MLH304(arg1) MLH304(arg2) | upstream: MLH303 MLH304(arg1) MLH304(arg2)
        """Swap the order and contradict both types.

        Args:
            arg2 (str): Second.
            arg1 (list[str]): First.

        Returns:
            int: Result.
        """
        return 1

    @staticmethod
    def func8(arg1: "MyClass", arg2: "SomeClass") -> int:
        """String annotations agree with the same names.

        Args:
            arg1 (MyClass): First.
            arg2 (SomeClass): Second.

        Returns:
            int: Result.
        """
        return 1


class B:
    def raises_custom(self) -> None:  # expect: MLH308(CurtomError) | upstream:
        """Misspell the documented exception.

        Raises:
            CurtomError: When something goes wrong.
        """
        raise CustomError("custom")

    def raises_in_child_only(self) -> int:  # expect: MLH308(TypeError) | upstream: MLH308(TypeError)
        """Only a nested function raises.

        Returns:
            int: Result.

        Raises:
            TypeError: Never here.
        """

        def child() -> None:
            raise ValueError

        return 1

    def raises_typed(self, arg1: Any) -> Any:
        """Raise what is documented.

        Args:
            arg1: Input.

        Returns:
            Result.

        Raises:
            TypeError: When arg1 is None.
        """
        if arg1 is None:
            raise TypeError
        return arg1 + 2

    def raises_nothing(self, arg1: Any) -> int:  # expect: MLH308(Exception) | upstream: MLH308(Exception)
        """Document an exception never raised.

        Args:
            arg1: Input.

        Returns:
            int: Result.

        Raises:
            Exception: Never.
        """
        return 2

    def reraise(self) -> None:
        """Re-raise in an except clause.

        Raises:
            FileNotFoundError: When the file is missing.
        """
        try:
            open("missing")
        except FileNotFoundError:
            raise

    def outer_documents(self, arg0: Any) -> None:  # expect: MLH308(FileNotFoundError) | upstream: MLH308(FileNotFoundError)
        """The inner function raises, not this one.

        Args:
            arg0: Input.

        Raises:
            FileNotFoundError: Never here.
        """

        def inner(arg1: Any) -> None:
            """Re-raise without saying so.

            Args:
                arg1: Input.
            """
            try:
                open("missing")
            except FileNotFoundError:
                raise

        print(arg0)

    def asserts(self) -> None:
        """An assert raises AssertionError.

        Raises:
            AssertionError: Every time.
        """
        assert False


class A:
    def method1(self, arg1: int) -> Iterator[int]:  # expect: | upstream: MLH307
        """Yield without saying so (pydoclint wants Yields; we do not demand it).

        Args:
            arg1 (int): Input.
        """
        yield 1

    def method3(self, arg1: int) -> None:  # expect: MLH307 | upstream: MLH307
        """Document Yields without yielding.

        Args:
            arg1 (int): Input.

        Yields:
            int: Something.
        """
        print(1)

    def zip_lists(self, list1: List[Any], list2: List[Any]) -> Iterator[Tuple[Any, Any]]:  # expect: | upstream: MLH307
        """Return an iterator, documented as yielded.

        Args:
            list1 (List[Any]) : The first list.
            list2 (List[Any]) : The second list.

        Yields:
            The zipped pairs.
        """
        return zip(list1, list2)
