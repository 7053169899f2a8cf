"""formtools storage that keeps the wizard's state on the draft request instead of the session.

The view reads the draft, the storage works on a copy of `answers["_wizard"]`, and the view saves it
back through the drafts service after every step, so the draft survives logout and another device.
"""

import copy

from formtools.wizard.storage.base import BaseStorage

from ..services.drafts import WIZARD_KEY


class DraftStorage(BaseStorage):
    def __init__(self, prefix, request=None, file_storage=None, draft=None):
        super().__init__(prefix, request, file_storage)
        stored = (draft.answers or {}).get(WIZARD_KEY) if draft is not None else None
        if stored:
            self.data = copy.deepcopy(stored)
            for key in (self.step_data_key, self.step_files_key, self.extra_data_key):
                self.data.setdefault(key, {})
            self.data.setdefault(self.step_key, None)
        else:
            self.init_data()
