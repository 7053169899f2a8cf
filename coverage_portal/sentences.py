"""A name that ends in a dot (Van Dijk Bouw B.V., Smith Ltd., a person's "Jr.") and then the
sentence's own full stop: "You now act for Van Dijk Bouw B.V.." One full stop is written.

Applied to the finished sentence, after translation and interpolation, not to the name: where the
name stands last differs between languages (the Dutch message puts the employer last where the
English one does not), and taking the name's own dot away would write "B.V" mid-sentence. Only a
pair of dots before a space or the end is joined; an ellipsis ("...") is left as written.
"""

import re

from django.utils.safestring import SafeData, mark_safe

_DOUBLED_STOP = re.compile(r"(?<!\.)\.\.(?=\s|$)")


def one_full_stop(sentence: str) -> str:
    joined = _DOUBLED_STOP.sub(".", str(sentence))
    # Joining two dots adds nothing to escape: a sentence that was safe HTML stays safe.
    return mark_safe(joined) if isinstance(sentence, SafeData) else joined  # noqa: S308 - only a dot taken away
