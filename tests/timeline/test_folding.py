import random

from timeline_app.timeline.folding import PLAIN_LETTERS, fold_letters


def test_fold_letters_replaces_each_letter_as_the_table_says_in_any_text():
    # The table is the definition; fold_letters replaces letter by letter for speed.
    rng = random.Random(3)
    alphabet = [chr(code) for code in PLAIN_LETTERS] + list("aiIeE oOlLdD\nşğüçéİ–“”🙂")
    texts = ["", "plain ASCII", "Qırmızı Qəsəbə, Łódź, Øresund, Đakovo, Ħamrun, Ŧ"]
    texts += ["".join(rng.choices(alphabet, k=rng.randint(1, 60))) for _ in range(500)]
    for text in texts:
        assert fold_letters(text) == text.translate(PLAIN_LETTERS), text
