"""The question asked before an action that cannot be undone (templates/confirm_action.html)."""

from django.shortcuts import render


def confirm_page(request, *, question, consequence, button, back_url):
    """GET of an irreversible action's address: ask first; the page's button posts to the same address."""
    return render(
        request,
        "confirm_action.html",
        {"question": question, "consequence": consequence, "button": button, "back_url": back_url},
    )
