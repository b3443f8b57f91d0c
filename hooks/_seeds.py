"""Randomness without a seed: calls resolved through imports, and the seeds that cover
them.

Only a call whose name resolves through the module's imports counts (``import numpy as
np`` makes ``np.random.rand`` ``numpy.random.rand``), never a method of some object. A
notebook is one module: the imports and seeds of every cell count. Kinds: ``numpy``,
``random``, ``torch`` draw from that library's global state (its seed call or a
seed-everything helper covers them); ``sklearn`` needs ``random_state=`` or numpy's
global seed, which scikit-learn falls back to; ``fresh`` generators start from OS
entropy, which no global seed reaches; ``loader`` and ``split`` are torch's shuffling
DataLoader and ``random_split``; ``extra`` is a configured call.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from mlhooks._imports import import_aliases

FAMILIES = ("numpy", "random", "torch")
GLOBAL = {
    "numpy.random.": "rand randn randint random random_sample random_integers ranf"
    " sample choice shuffle permutation normal uniform standard_normal binomial poisson"
    " beta gamma exponential multinomial multivariate_normal lognormal laplace logistic"
    " geometric dirichlet triangular bytes standard_t chisquare hypergeometric pareto"
    " negative_binomial rayleigh vonmises wald weibull zipf power gumbel logseries"
    " standard_cauchy standard_exponential standard_gamma",
    "random.": "random randint randrange choice choices shuffle sample uniform gauss"
    " normalvariate lognormvariate expovariate betavariate gammavariate triangular"
    " vonmisesvariate paretovariate weibullvariate getrandbits randbytes",
    "torch.": "rand randn randint randperm rand_like randn_like randint_like bernoulli"
    " multinomial normal poisson",
}
SEED_CALLS = {"numpy.random.seed": "numpy", "random.seed": "random"}
SEED_CALLS |= dict.fromkeys(("torch.manual_seed", "torch.random.manual_seed"), "torch")
FRESH = ("numpy.random.default_rng", "numpy.random.RandomState", "random.Random")
# scikit-learn (and imbalanced-learn) calls that need random_state, by the condition
# under which they are random at all: always, only when shuffling, ...
SKLEARN = {
    "always": "RandomForestClassifier RandomForestRegressor ExtraTreesClassifier"
    " ExtraTreesRegressor ExtraTreeClassifier ExtraTreeRegressor RandomTreesEmbedding"
    " IsolationForest BaggingClassifier BaggingRegressor KMeans MiniBatchKMeans"
    " BisectingKMeans MLPClassifier MLPRegressor SGDClassifier SGDRegressor"
    " SGDOneClassSVM Perceptron PassiveAggressiveClassifier PassiveAggressiveRegressor"
    " RandomizedSearchCV HalvingRandomSearchCV ShuffleSplit StratifiedShuffleSplit"
    " GroupShuffleSplit RepeatedKFold RepeatedStratifiedKFold make_classification"
    " make_regression make_blobs make_moons make_circles make_friedman1 make_s_curve"
    " make_swiss_roll TSNE TruncatedSVD GaussianMixture BayesianGaussianMixture"
    " SpectralClustering LatentDirichletAllocation FastICA GaussianRandomProjection"
    " SparseRandomProjection shuffle resample permutation_importance SMOTE ADASYN"
    " BorderlineSMOTE SVMSMOTE RandomOverSampler RandomUnderSampler",
    "shuffle": "KFold StratifiedKFold GroupKFold StratifiedGroupKFold",
    "split": "train_test_split",
    "subsample": "GradientBoostingClassifier GradientBoostingRegressor",
    "max_features": "DecisionTreeClassifier DecisionTreeRegressor",
    "early_stopping": "HistGradientBoostingClassifier HistGradientBoostingRegressor",
    "probability": "SVC NuSVC",
}
CONDITION = {name: cond for cond, names in SKLEARN.items() for name in names.split()}
SEED_KEYWORDS = ("random_state", "seed", "random_seed", "generator", "rng")
ABSENT, UNKNOWN = object(), object()


@dataclass(frozen=True)
class SeedRules:
    """The configured parts: seed helpers, extra random calls, calls never reported."""

    seed_functions: frozenset[str]
    extra_calls: tuple[str, ...] = ()
    allowed_calls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Module:
    """What a whole module (every cell of a notebook) imports, seeds and runs."""

    aliases: dict[str, str]
    seeded: frozenset[str]
    entry_point: bool


def qualified(func: ast.expr, aliases: dict[str, str]) -> str | None:
    """``np.random.rand`` -> ``numpy.random.rand``; None when the base is no import."""
    parts: list[str] = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if not isinstance(func, ast.Name) or func.id not in aliases:
        return None
    return ".".join([aliases[func.id], *reversed(parts)])


def is_entry_point(trees: Sequence[ast.Module]) -> bool:
    """A ``__main__`` guard, or a module-level call of (or with) a function defined
    here: ``main()``, ``fire.Fire(main)``. The module runs; it is no library."""
    body = [stmt for tree in trees for stmt in tree.body]
    defined = {
        s.name for s in body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    for stmt in body:
        call = stmt.value if isinstance(stmt, ast.Expr) else None
        if isinstance(call, ast.Call):
            names = [call.func, *call.args]
            if any(isinstance(n, ast.Name) and n.id in defined for n in names):
                return True
    guards = ("__name__ == '__main__'", "'__main__' == __name__")
    return any(isinstance(s, ast.If) and ast.unparse(s.test) in guards for s in body)


def read_module(
    trees: Sequence[ast.Module], rules: SeedRules, notebook: bool
) -> Module:
    """The module's imports, the random states it seeds, and whether it runs."""
    aliases = import_aliases(trees)
    seeded: set[str] = set()
    calls = (n for tree in trees for n in ast.walk(tree) if isinstance(n, ast.Call))
    for call in calls:
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in rules.seed_functions:
            seeded.update(FAMILIES)
        family = SEED_CALLS.get(qualified(func, aliases) or "")
        if family and has_seed(call, ("seed", "a"), positional=True):
            seeded.add(family)  # np.random.seed() without a seed draws one afresh
    seeded.update(["any"] * bool(seeded))  # a configured call takes any global seed
    return Module(aliases, frozenset(seeded), notebook or is_entry_point(trees))


def _value(node: ast.expr) -> Any:
    return node.value if isinstance(node, ast.Constant) else UNKNOWN


def keyword(call: ast.Call, name: str) -> Any:
    """The literal value of keyword ``name``: ABSENT, UNKNOWN (not a literal) or it."""
    values = [_value(item.value) for item in call.keywords if item.arg == name]
    return values[0] if values else ABSENT


def has_seed(call: ast.Call, names: Sequence[str], positional: bool = False) -> bool:
    """A seed in keyword ``names`` (or the first argument, when ``positional``) other
    than a literal None, or ``**kwargs``, which could hold one."""
    given = [keyword(call, name) for name in names]
    given += [_value(arg) for arg in call.args[:1] if positional]
    splat = any(item.arg is None for item in call.keywords)
    return splat or any(value is not ABSENT and value is not None for value in given)


def _sklearn_random(call: ast.Call, condition: str) -> bool:
    """Whether the call is random at all, from its literal arguments; unknown: no."""
    if condition == "always":
        return True
    if condition in ("shuffle", "early_stopping", "probability"):
        return keyword(call, condition) is True
    if condition == "split":
        return keyword(call, "shuffle") in (ABSENT, True)
    features = keyword(call, "max_features")
    chosen = features is not ABSENT and features not in (None, UNKNOWN)
    if condition == "max_features":
        return chosen or keyword(call, "splitter") == "random"
    subsample = keyword(call, "subsample")
    numeric = isinstance(subsample, (int, float)) and not isinstance(subsample, bool)
    return chosen or (numeric and subsample < 1)


def _torch_kind(name: str, call: ast.Call) -> str:
    """A DataLoader that shuffles, or a random_split, without a generator."""
    own = has_seed(call, ("generator",))
    if name.endswith(".DataLoader"):
        shuffle = keyword(call, "shuffle")
        if shuffle is ABSENT and len(call.args) > 2:
            shuffle = _value(call.args[2])
        return "loader" if shuffle is True and not own else ""
    split = name.endswith(".random_split") and len(call.args) < 3
    return "split" if split and not own else ""


def call_kind(name: str, call: ast.Call, rules: SeedRules) -> str:
    """The kind of randomness of the call named ``name`` (qualified), '' for none."""
    head, _, last = name.rpartition(".")
    if name in rules.allowed_calls or last in rules.allowed_calls:
        return ""
    for prefix, names in GLOBAL.items():
        if f"{head}." == prefix and last in names.split():
            own = prefix == "torch." and has_seed(call, ("generator",))
            return "" if own else prefix[:-1].split(".")[0]
    if name in FRESH:
        return "" if has_seed(call, ("seed", "x"), positional=True) else "fresh"
    top = name.split(".")[0]
    if top in ("sklearn", "imblearn") and last in CONDITION:
        random = _sklearn_random(call, CONDITION[last])
        return "sklearn" if random and not has_seed(call, ("random_state",)) else ""
    if top == "torch":
        return _torch_kind(name, call)
    for extra in rules.extra_calls:
        if name == extra or (top, last) == (extra.split(".")[0], extra.split(".")[-1]):
            return "" if has_seed(call, SEED_KEYWORDS) else "extra"
    return ""


COVERED_BY = {"sklearn": "numpy", "loader": "torch", "split": "torch", "extra": "any"}


def _inside_functions(tree: ast.Module) -> set[int]:
    """ids of the nodes in function and lambda bodies (they run when called)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            body = node.body if isinstance(node.body, list) else [node.body]
            inside.update(id(sub) for part in body for sub in ast.walk(part))
    return inside


def unseeded_calls(
    tree: ast.Module, module: Module, rules: SeedRules
) -> Iterator[tuple[ast.Call, str]]:
    """Each random call of ``tree`` that no seed covers, with its kind.

    A call inside a function of a module that does not run (no ``__main__`` guard,
    no ``main()`` call) is a library's: whoever runs it may seed first, so only
    ``fresh`` generators are reported there.
    """
    inside = _inside_functions(tree)
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name = qualified(call.func, module.aliases)
        kind = call_kind(name, call, rules) if name else ""
        family = COVERED_BY.get(kind, kind)
        if not kind or (kind != "fresh" and family in module.seeded):
            continue
        library = id(call) in inside and not module.entry_point
        if kind == "fresh" or not library:
            yield call, kind
