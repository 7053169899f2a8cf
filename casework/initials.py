"""The holder's initials on the public verification page, written as the family name is written.

The page shows only what an inspector needs to match the person in front of them with the
certificate (verification_result): the number, the status, the state, the period and initials; the
date of birth is what the inspector typed, and no full name is shown (data minimisation, GDPR
Art. 5(1)(c); legislation.md asks only that a PD A1 can be authenticated easily, 6.x and Rec. A1).

Initials took every word, so "Pieter de Jong" read "P. D. J.": three names, and a family name that
seems to start with D. Name particles (de, van der, von, le, ter, 't, d'…) are not initials: they
are written as they stand and only the family name's own first letter is given ("P. de J.", "A. van
der B.", Belgian "P. De S."), as Dutch and Belgian registers abbreviate names. That gives no more
of the name than before (one letter per name, particles are common words that identify no one) and
lets the inspector find that letter on an identity card whose surname field starts with "de".
"""

# Dutch, Flemish, German, French, Italian, Spanish and Portuguese particles (also as "van der",
# "in 't", "op den": each word is one).
PARTICLES = frozenset(
    {
        *("van", "von", "vom", "zu", "zum", "de", "der", "den", "des", "del", "della", "di", "da"),
        *("do", "dos", "das", "du", "la", "le", "les", "ter", "ten", "te", "'t", "'s", "op", "in"),
    }
)
ELIDED = ("d'", "l'", "d’", "l’")  # d'Hondt, l'Abbé: the particle is part of the word


def _initial(word: str) -> str:
    """ "Jan-Willem" -> "J.-W."; "d'Hondt" -> "d'H."; a word without a letter gives nothing."""
    parts = []
    for part in word.split("-"):
        lowered = part.lower()
        elided = next((e for e in ELIDED if lowered.startswith(e) and len(part) > len(e)), "")
        rest = part[len(elided) :]
        if rest and rest[0].isalpha():
            parts.append(f"{part[: len(elided)]}{rest[0].upper()}.")
    return "-".join(parts)


def holder_initials(given_names: str, family_name: str) -> str:
    words = family_name.split()
    # Leading particles stay as written; the last word is always a name ("Van" alone is a surname).
    particles = []
    while len(words) > 1 and words[0].lower() in PARTICLES:
        particles.append(words.pop(0))
    initials = [_initial(word) for word in given_names.split()]
    return " ".join(i for i in [*initials, *particles, *(_initial(w) for w in words)] if i)
