"""Ids typed or tampered into a choice field get a form error, never a server error."""

import pytest
from django import forms

from core.forms import SafeModelChoiceField
from core.models import Branch


class BranchForm(forms.Form):
    branch = SafeModelChoiceField(queryset=Branch.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set per form, not at import: Branch is library-owned, and no scope is active then.
        self.fields["branch"].queryset = Branch.objects.all()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["⁰", "²", "١", "99999999999999999999", "-1", "1e3"])
def test_odd_ids_are_a_choice_error(value):
    form = BranchForm(data={"branch": value})
    assert not form.is_valid()
    assert "branch" in form.errors
