"""Hosted players: YouTube, Vimeo and PeerTube URLs in ``:media:``.

A talk published on a video service cannot be played by an ``<audio>`` or
``<video>`` element: the page embeds the service's own player instead, and
the player script syncs the transcript through the service's player API.
This module knows each service's URL shapes (:func:`recognise`), where a
moment of the video lives (:meth:`Hosted.moment`: the link each timestamp
gets without JavaScript and in PDF), and where the embed and the API script
come from (:func:`endpoints`, overridable with ``transcript_hosted_players``
so that a test, or a site with its own mirror, points them elsewhere).

Nothing here touches the network: the embed is only loaded in the reader's
browser, after the reader asks for it.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

#: The services, their names as shown to readers.
SERVICES = {"youtube": "YouTube", "vimeo": "Vimeo", "peertube": "PeerTube"}

#: Where each service's embed (``{host}``, ``{id}``) and player API script are.
#: YouTube's embed is the privacy-enhanced one (youtube-nocookie.com).
DEFAULT_ENDPOINTS: dict[str, dict[str, str]] = {
    "youtube": {
        "embed": "https://www.youtube-nocookie.com/embed/{id}?enablejsapi=1&rel=0&playsinline=1",
        "api": "https://www.youtube.com/iframe_api",
    },
    "vimeo": {
        "embed": "https://player.vimeo.com/video/{id}?dnt=1",
        "api": "https://player.vimeo.com/api/player.js",
    },
    "peertube": {
        "embed": "https://{host}/videos/embed/{id}?api=1&warningTitle=0",
        "api": "https://unpkg.com/@peertube/embed-api/build/player.min.js",
    },
}

_YOUTUBE_HOSTS = frozenset({
    "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
    "youtube-nocookie.com", "www.youtube-nocookie.com",
})
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_PATH = re.compile(r"/(?:shorts|embed|live|v)/([A-Za-z0-9_-]{11})/?")
_VIMEO_HOSTS = frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"})
_VIMEO_PATH = re.compile(
    r"(?:/video)?(?:/channels/[^/]+|/groups/[^/]+/videos)?/(\d+)(?:/(\w+))?/?"
)
# PeerTube is self-hosted, so it is known by its paths, on any host:
# /w/<short uuid>, /videos/watch/<uuid> and /videos/embed/<uuid>.
_PEERTUBE_PATH = re.compile(
    r"/(?:w|videos/watch|videos/embed)/([0-9a-fA-F-]{36}|[1-9A-HJ-NP-Za-km-z]{20,24})/?"
)


@dataclass(frozen=True, slots=True)
class Hosted:
    """A video on a service: which service, its id, and the host (for PeerTube)."""

    service: str
    video: str
    host: str = ""
    secret: str = ""  # Vimeo's hash of an unlisted video

    @property
    def name(self) -> str:
        """The service's name, for readers."""
        return SERVICES[self.service]

    def watch(self) -> str:
        """The video's page on the service.

        >>> Hosted("youtube", "dQw4w9WgXcQ").watch()
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
        """
        if self.service == "youtube":
            return f"https://www.youtube.com/watch?v={self.video}"
        if self.service == "vimeo":
            return f"https://vimeo.com/{self.video}" + (f"/{self.secret}" if self.secret else "")
        return f"https://{self.host}/w/{self.video}"

    def moment(self, seconds: int) -> str:
        """The video's page, opening at *seconds* (each service's documented form).

        >>> [Hosted(s, "1", "tube.example").moment(90) for s in ("youtube", "vimeo", "peertube")]
        ['https://www.youtube.com/watch?v=1&t=90s', 'https://vimeo.com/1#t=90s', \
'https://tube.example/w/1?start=90s']
        """
        return self.template().format(seconds)

    def template(self) -> str:
        """:meth:`moment` with ``{}`` for the seconds (ids and hosts hold no braces)."""
        if self.service == "youtube":
            return f"{self.watch()}&t={{}}s"
        if self.service == "vimeo":
            return f"{self.watch()}#t={{}}s"
        return f"{self.watch()}?start={{}}s"

    def embed(self, endpoints: Mapping[str, Mapping[str, str]]) -> str:
        """The embed's URL, from the configured template."""
        url = endpoints[self.service]["embed"].format(
            id=urllib.parse.quote(self.video), host=self.host
        )
        if self.secret:
            url += ("&" if "?" in url else "?") + f"h={urllib.parse.quote(self.secret)}"
        return url


def recognise(url: str) -> Hosted | None:
    """The hosted video *url* names, or ``None`` for any other URL.

    >>> recognise("https://youtu.be/dQw4w9WgXcQ?t=3")
    Hosted(service='youtube', video='dQw4w9WgXcQ', host='', secret='')
    >>> recognise("https://www.youtube.com/shorts/dQw4w9WgXcQ").video
    'dQw4w9WgXcQ'
    >>> recognise("https://vimeo.com/76979871").video
    '76979871'
    >>> recognise("https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d").host
    'framatube.org'
    >>> recognise("https://example.org/talk.mp4") is None
    True
    """
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").lower()
    path = parts.path
    if host == "youtu.be":
        video = path.strip("/")
        return Hosted("youtube", video) if _YOUTUBE_ID.fullmatch(video) else None
    if host in _YOUTUBE_HOSTS:
        if path.rstrip("/") == "/watch":
            video = urllib.parse.parse_qs(parts.query).get("v", [""])[0]
            return Hosted("youtube", video) if _YOUTUBE_ID.fullmatch(video) else None
        match = _YOUTUBE_PATH.fullmatch(path)
        return Hosted("youtube", match[1]) if match else None
    if host in _VIMEO_HOSTS:
        match = _VIMEO_PATH.fullmatch(path)
        if not match:
            return None
        secret = match[2] or urllib.parse.parse_qs(parts.query).get("h", [""])[0]
        return Hosted("vimeo", match[1], secret=secret if re.fullmatch(r"\w+", secret) else "")
    match = _PEERTUBE_PATH.fullmatch(path)
    if match and host:
        netloc = host + (f":{parts.port}" if parts.port else "")
        return Hosted("peertube", match[1], host=netloc)
    return None


def endpoints(config: object) -> dict[str, dict[str, str]]:
    """The embed and API URLs: defaults, overridden by ``transcript_hosted_players``.

    An entry :func:`config_problems` finds wrong is left out (the build warns
    about it once, at its start).
    """
    merged = {service: dict(urls) for service, urls in DEFAULT_ENDPOINTS.items()}
    overrides = getattr(config, "transcript_hosted_players", None)
    if isinstance(overrides, Mapping):
        for service, urls in overrides.items():
            if _problem(service, urls) is None:
                merged[service].update({key: str(url) for key, url in urls.items()})
    return merged


def config_problems(value: object) -> list[str]:
    """What is wrong in a ``transcript_hosted_players`` value, one message each.

    >>> config_problems({"youtube": {"embed": "http://x/{video}"}, "dailymotion": {}})
    ["embed 'http://x/{video}' of 'youtube' is not a template with {id} (and {host}): \
'video'", "unknown service 'dailymotion'; give youtube, vimeo or peertube"]
    """
    if not isinstance(value, Mapping):
        return ["give a dict such as {'youtube': {'embed': '...', 'api': '...'}}"]
    found = (_problem(service, urls) for service, urls in value.items())
    return [problem for problem in found if problem is not None]


def _problem(service: object, urls: object) -> str | None:
    if service not in SERVICES:
        return f"unknown service {service!r}; give youtube, vimeo or peertube"
    if not isinstance(urls, Mapping) or set(urls) - {"embed", "api"}:
        return f"{service!r} takes a dict with 'embed' and 'api' only"
    embed = urls.get("embed")
    if embed is not None:
        try:
            str(embed).format(id="id", host="host")
        except (KeyError, IndexError, ValueError) as exc:
            return (f"embed {embed!r} of {service!r} is not a template with {{id}} "
                    f"(and {{host}}): {exc}")
    return None
