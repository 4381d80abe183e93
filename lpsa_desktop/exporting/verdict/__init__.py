"""The verdict on a signed agreement: one function for the CLI, the window and the tests.

``verify_file`` (``bounded.py``) checks a file in a child process with a memory cap and a
time limit, after cheap checks on the raw bytes (``precheck.py``); the child runs
``verify_bytes`` (``analysis.py``): per signature, *intact* (pyHanko's digest and
signature check), *trusted* (a chain to a certificate of the trust list), *in the right
block* (``blocks.py``) and *what changed after it* (pyHanko's difference analysis with our
strict policy, ``policy.py``, named in words by ``changes.py``). ``model.py`` holds the
result and its words.
"""
