from __future__ import annotations

import ast

import pytest

from mlhooks._doctypes import contradicts, from_text

AGREE = [
    ("Optional[int]", "int | None"),
    ("int or None", "Union[int, None]"),
    ("int, optional", "int | None"),
    ("int", "Optional[int]"),
    ("int | None", "int"),
    ("List[int]", "list[int]"),
    ("Dict[str, int]", "dict[str, int]"),
    ("list of str", "List[str]"),
    ("dict", "dict[str, Any]"),
    ("tuple", "Tuple[int, ...]"),
    ("str | int", "Union[int, str]"),
    ("str or Path", "str"),
    ("int", "float"),
    ("bool", "int"),
    ("bytes", "bytearray"),
    ("np.ndarray", "numpy.ndarray"),
    ("MyClass", "'MyClass'"),
    (":class:`~pathlib.Path`", "Path"),
    ("int, default 0", "int"),
    ("str (default: 'a')", "str"),
    ("array-like", "np.ndarray"),
    ("array_like", "list"),
    ("callable", "Callable[[int], str]"),
    ("str {'a', 'b'}", "str"),
    ("Any", "int"),
    ("int", "T"),
    ("Tokenizer", "PreTrainedModel"),
    ("str", "os.PathLike"),
    ("None", "int"),
    ("Literal['a']", "str"),
    ("int", "Annotated[int, 'meta']"),
    ("", "int"),
]
CONTRADICT = [
    ("str", "int"),
    ("list[str]", "int"),
    ("list of str", "list[int]"),
    ("int", "str | Path"),
    ("pd.DataFrame", "np.ndarray"),
    ("list", "tuple[int, ...]"),
    ("`int`", "str"),
    ("dict[str, int]", "dict[str, str]"),
    ("Optional[str]", "Optional[int]"),
]


def annotation(text: str) -> ast.expr:
    return ast.parse(text, mode="eval").body


@pytest.mark.parametrize("doc, ann", AGREE)
def test_agree_or_unsure(doc, ann):
    assert contradicts(doc, annotation(ann)) is False


@pytest.mark.parametrize("doc, ann", CONTRADICT)
def test_contradict(doc, ann):
    assert contradicts(doc, annotation(ann)) is True


def test_no_annotation_never_contradicts():
    assert contradicts("str", None) is False


@pytest.mark.parametrize("text", ["int > 0", "positive int", "tuple(int, int)", "a-b"])
def test_prose_is_unknown(text):
    assert from_text(text) is None
