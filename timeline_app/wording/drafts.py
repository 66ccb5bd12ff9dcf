"""What is wrong with a draft, in the reader's language (the sentences: timeline/drafts.py)."""

from __future__ import annotations

from timeline_app.timeline.drafts import Draft, problems
from timeline_app.wording.translation import translate


def draft_problems(draft: Draft) -> dict[str, str]:
    """problems(draft), each sentence translated: what an editor shows beside each field."""
    return problems(draft, lambda sentence: translate("drafts", sentence))
