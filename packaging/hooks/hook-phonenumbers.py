# Replaces the contributed phonenumbers hook, which collects every submodule including the
# geocoder, carrier and time-zone data (~40 MB of source) that AgentBar never uses. phonenumbers
# imports each region's numbering metadata lazily (phonenumbers.data.region_TR, ...), so those
# modules are hidden imports.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules(
    "phonenumbers.shortdata"
)
