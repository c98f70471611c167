"""The TLS context of the vendor API: the operating system's trust store, plus one extra CA.

``truststore`` (what pip uses) verifies with Windows' certificate store, macOS' keychains, or
the Linux distribution's bundle, so a company CA pushed by GPO, MDM or
``update-ca-certificates`` is trusted as the browser trusts it. The ``ca_file`` setting adds
one more CA (a PEM file). A bad ``SSL_CERT_FILE``, ``SSL_CERT_DIR`` or ``ca_file`` is a message
for the user, never a crash: the context is made without it.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Mapping
from pathlib import Path

from agentbar.api.translatable import QT_TRANSLATE_NOOP

__all__ = ["CertificateSettingError", "tls_context"]

# Where Linux distributions keep their bundle (truststore's own list), loaded explicitly when a
# bad SSL_CERT_FILE would otherwise take the system bundle's place.
_SYSTEM_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/pki/tls/cert.pem",
    "/etc/ssl/cert.pem",
    "/etc/ssl/ca-bundle.pem",
)


class CertificateSettingError(ValueError):
    """A certificate setting is unusable and ``tls_context(strict=True)`` was asked; ``str`` is
    one English line naming the setting and the file (certificates hold no secret)."""


def tls_context(
    ca_file: str = "", environ: Mapping[str, str] | None = None, *, strict: bool = False
) -> tuple[ssl.SSLContext, list[str]]:
    """A client context trusting the system's store and ``ca_file``; and messages for the user.

    Blocks (reads certificate files): make it off the event loop. Never raises for a
    bad file: each becomes a message, whose first sentence is constant and translatable.
    With ``strict`` (agentbar-cli: a script must not run with other trust than it asked for)
    the first bad setting raises :class:`CertificateSettingError` instead.
    """
    env = os.environ if environ is None else environ
    notes: list[str] = []
    try:
        import truststore

        context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except ImportError:  # pragma: no cover - a bundle without truststore
        context = ssl.create_default_context()
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        problem = _env_problem(name, env.get(name, ""))
        if problem and strict:
            raise CertificateSettingError(
                f"{name}={env.get(name)} is not usable ({problem}); correct or unset it"
            )
        if problem:
            notes.append(
                QT_TRANSLATE_NOOP(
                    "tls",
                    "A certificate setting of this computer is not usable, so AgentBar ignores "
                    "it and uses the system's certificate store.",
                )
                + f" ({name}={env.get(name)}: {problem})"
            )
            _load_system_bundle(context)
    if ca_file.strip():
        path = Path(ca_file.strip()).expanduser()
        try:
            context.load_verify_locations(cafile=str(path))
        except (OSError, ssl.SSLError, ValueError) as exc:
            detail = getattr(exc, "strerror", None) or _ssl_reason(exc)
            if strict:
                raise CertificateSettingError(
                    f"the ca_file setting {path} could not be loaded ({detail})"
                ) from None
            notes.append(
                QT_TRANSLATE_NOOP(
                    "tls",
                    "The extra certificate authority (ca_file) could not be loaded, so it is "
                    "not trusted.",
                )
                + f" ({path}: {detail})"
            )
    return context, notes


def _env_problem(name: str, value: str) -> str | None:
    """Why ``SSL_CERT_FILE``/``SSL_CERT_DIR`` is unusable, or None (also when unset)."""
    if not value:
        return None
    if name == "SSL_CERT_DIR":
        return (
            None
            if all(os.path.isdir(p) for p in value.split(os.pathsep) if p)
            else ("not a directory")
        )
    if not os.path.isfile(value):
        return "no such file"
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=value)
    except (OSError, ssl.SSLError, ValueError) as exc:
        return getattr(exc, "strerror", None) or _ssl_reason(exc)
    return None


def _ssl_reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return f"not a PEM certificate ({exc.reason})"
    return str(exc) or type(exc).__name__


def _load_system_bundle(context: ssl.SSLContext) -> None:
    for bundle in _SYSTEM_BUNDLES:
        if os.path.isfile(bundle):
            try:
                context.load_verify_locations(cafile=bundle)
            except (OSError, ssl.SSLError):
                continue
            return
