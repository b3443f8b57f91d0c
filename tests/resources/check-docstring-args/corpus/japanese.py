"""ラベル付きコーパス: 日本語のセクション名 (labels as in google.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator, Optional


def 前処理(データ: list, 欠損率: float = 0.3) -> list:
    """欠損の多い列を除く。

    引数:
        データ (list): 入力データ。
        欠損率 (float): この割合を超える列を除く。

    戻り値:
        list: 前処理済みのデータ。
    """
    return データ


def load_csv(path: Path, encoding: str = "utf-8") -> list:  # expect: MLH301(enc) MLH302(encoding)
    """CSV を読み込む。

    引数：
        path (Path): 読み込むファイル。
        enc (str): 文字コード。

    戻り値：
        list: 行のリスト。
    """
    return []


def 学習(モデル: Any, エポック数: int, 学習率: float) -> float:  # expect: MLH303
    """モデルを学習する。

    引数
        モデル: 学習するモデル。
        学習率: 学習率。
        エポック数: 繰り返し回数。

    返り値
        float: 最終損失。
    """
    return 0.0


def 評価(model: Any, threshold: float = 0.5) -> float:  # expect: MLH304(threshold)
    """評価する。

    パラメータ:
        model: 学習済みモデル。
        threshold (str): しきい値。

    返値:
        float: スコア。
    """
    return 0.0


def 保存(model: Any, path: Path) -> None:  # expect: MLH305
    """モデルを保存する。

    引数:
        model: モデル。
        path: 保存先。

    戻り値:
        bool: 保存できたら True。
    """
    path.write_text(str(model))


def バッチ(rows: list, size: int) -> Iterator[list]:
    """バッチに分ける。

    引数:
        rows: 入力。
        size: バッチの大きさ。

    生成:
        list: バッチ。
    """
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def 読み込み(path: Path) -> str:  # expect: MLH308(KeyError)
    """読み込む。

    引数:
        path: ファイル。

    戻り値:
        str: 内容。

    例外:
        FileNotFoundError: ファイルがないとき。
        KeyError: キーがないとき。
    """
    if not path.exists():
        raise FileNotFoundError(path)
    return path.read_text()


def 送出(path: Path) -> None:
    """送出セクション。

    引数:
        path: ファイル。

    送出:
        ValueError: 空のとき。
    """
    if not path:
        raise ValueError(path)


def 推論(model: Any, rows: list, batch_size: Optional[int] = None) -> list:  # expect: MLH302(batch_size)
    """パラメーター (長音付き) と全角コロン。

    パラメーター：
        model: モデル。
        rows: 入力。

    戻り値：
        list: 予測。
    """
    return rows


def 説明だけ(a: int, b: int) -> int:
    """引数: と書いた文章はセクションではない。

    この関数の引数: a と b を足す。戻り値: その和。
    """
    return a + b


def ジェネレータ(n: int) -> Iterator[int]:
    """戻り値にイテレータと書くのは許される。

    引数:
        n: 個数。

    戻り値:
        イテレータ: 0 から n - 1。
    """
    yield from range(n)


def 戻り値なし(path: Path) -> None:
    """戻り値なしと明記する。

    引数:
        path: ファイル。

    戻り値:
        なし
    """
    path.touch()


class 分類器:
    """分類器。

    引数:
        クラス数 (int): クラスの数。
        深さ (int): 木の深さ。
    """

    def __init__(self, クラス数: int, 深さ: int = 3, seed: int = 0) -> None:  # expect: MLH302(seed)
        self.クラス数 = クラス数

    def 予測(self, x: list) -> list:  # expect: MLH301(y)
        """予測する。

        引数:
            x: 入力。
            y: 使わない。

        戻り値:
            list: 予測。
        """
        return x
