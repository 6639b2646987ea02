"""Property-based bad input against the "map your own figures" callbacks (upload, paste, columns, review, map):
every value their components send, and values of any other type, get 200 with exactly the declared outputs or
400 ``invalid callback input``, never a 5xx. (tests/test_fuzz.py samples them among all callbacks; this file
gives these ones, which read whatever a reader brings, more cases.)"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FUZZ_COUNTS
from tests.layout_tree import CALLBACK_PATH
from tests.test_fuzz import (
    BROWSER_VALUES,
    SETTINGS,
    assert_no_traceback,
    callback_body,
    check_answer,
    check_json_is_inert,
    declared_outputs,
    dependency_key,
    server_callbacks,
    values,
    warm_client,  # noqa: F401 - the fixture
)

OURS = [(key, spec) for key, spec in server_callbacks() if "yourmap" in key]


def test_the_page_has_its_four_server_callbacks():
    assert len(OURS) == 4


@settings(SETTINGS, max_examples=150)
@given(data=st.data())
def test_upload_and_paste_callbacks_answer_what_the_browser_sends(warm_client, data):  # noqa: F811
    FUZZ_COUNTS["your-map bodies (browser values)"] += 1
    key, spec = data.draw(st.sampled_from(OURS))
    body = callback_body(key, spec, lambda d: data.draw(BROWSER_VALUES[dependency_key(d)]))
    response = warm_client.post(CALLBACK_PATH, json=body)
    assert_no_traceback(response)
    check_answer(key, body, response)


@settings(SETTINGS, max_examples=100)
@given(data=st.data())
def test_upload_and_paste_callbacks_answer_or_refuse_any_value(warm_client, data):  # noqa: F811
    FUZZ_COUNTS["your-map bodies (any values)"] += 1
    key, spec = data.draw(st.sampled_from(OURS))
    body = callback_body(key, spec, lambda _d: data.draw(values))
    response = warm_client.post(CALLBACK_PATH, json=body)
    assert_no_traceback(response)
    if response.status_code == 400:
        assert response.get_json() == {"error": "invalid callback input"}
    else:
        assert response.status_code == 200, (key, response.status_code)
        check_json_is_inert(declared_outputs(body, response))
