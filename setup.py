"""The one thing pyproject.toml cannot say: the top-level ``resources/`` folder (icons, fonts,
demo data, with their licences) ships as the package ``lpsa_desktop.resources``, so wheels,
editable installs and bundles carry it and code reads it with ``importlib.resources``.
Everything else about the build is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["lpsa_desktop*", "ui*"]), "lpsa_desktop.resources"],
    package_dir={"lpsa_desktop.resources": "resources"},
)
