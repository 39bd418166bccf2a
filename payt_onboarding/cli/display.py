"""Is there a screen the wizard can open on? Asked before Qt is loaded: Qt aborts the whole
process (exit 134, "could not connect to display", a misleading hint about libxcb-cursor0)
where a display is named but cannot be reached."""

from __future__ import annotations

import os
import sys

# Platforms that need no display server; QT_QPA_PLATFORM may list several ("wayland;xcb").
_NEED_NO_SERVER = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "windows", "cocoa")


def has_screen() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen in _NEED_NO_SERVER:
        return True
    if chosen == "xcb":
        return x11_reachable()
    if chosen == "wayland":
        return wayland_reachable()
    return wayland_reachable() or x11_reachable()


def wayland_reachable() -> bool:
    name = os.environ.get("WAYLAND_DISPLAY", "").strip()
    if not name:
        return False
    path = name if os.path.isabs(name) else os.path.join(os.environ.get("XDG_RUNTIME_DIR", ""),
                                                         name)
    return os.path.exists(path)


def x11_reachable() -> bool:
    """Connect to $DISPLAY as Qt's xcb plugin will, through libxcb (with the X authority)."""
    display = os.environ.get("DISPLAY", "").strip()
    if not display:
        return False
    import ctypes  # here, not at start: Windows, macOS and Wayland never need it

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # no libxcb to ask: let Qt try and say what is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
    xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)
