/* sphinxcontrib-transcript: one small interface over every player.
 *
 * The transcript script (transcript.js) talks to a player through
 *   time() -> seconds, paused() -> bool, seek(s), play(), pause(),
 *   onChange(callback)  (called on every time update, play, pause and seek),
 * whether the player is an <audio>/<video> element or a hosted YouTube,
 * Vimeo or PeerTube player driven through the service's documented API:
 * - YouTube IFrame API: YT.Player, seekTo, playVideo, pauseVideo,
 *   getCurrentTime, getPlayerState, onReady/onStateChange (polled for time);
 * - Vimeo Player.js: Vimeo.Player, setCurrentTime, play, pause, ready(),
 *   events timeupdate/play/pause/seeked;
 * - PeerTube embed API: PeerTubePlayer, ready, seek, play, pause, event
 *   playbackStatusUpdate {position, playbackState}.
 * A hosted player is created only when the reader asks for it (load()): the
 * embed and the API script come from the data-embed/data-api attributes.
 */
(function () {
  "use strict";

  function Emitter() { this.listeners = []; }
  Emitter.prototype.onChange = function (callback) { this.listeners.push(callback); };
  Emitter.prototype.emit = function (what) {
    for (var i = 0; i < this.listeners.length; i++) { this.listeners[i](what); }
  };

  /* <audio> or <video>. */
  function NativePlayer(element) {
    Emitter.call(this);
    this.element = element;
    this.ready = true;
    var self = this;
    ["timeupdate", "seeked", "loadedmetadata", "play", "pause"].forEach(function (name) {
      element.addEventListener(name, function () { self.emit(name); });
    });
    // timeupdate comes every 250 ms or so: an excerpt's end needs a closer watch.
    var frame = null;
    function tick() {
      self.emit("frame");
      frame = element.paused ? null : window.requestAnimationFrame(tick);
    }
    element.addEventListener("play", function () { if (frame === null) { tick(); } });
  }
  NativePlayer.prototype = Object.create(Emitter.prototype);
  NativePlayer.prototype.time = function () { return this.element.currentTime; };
  NativePlayer.prototype.paused = function () { return this.element.paused; };
  NativePlayer.prototype.seek = function (seconds) {
    var element = this.element;
    var self = this;
    // Before the metadata is known, currentTime sets the default start
    // position; setting it again on loadedmetadata covers older engines.
    // Only the last of several early seeks counts: one more seek there
    // would hold up the page's load event in Chromium.
    element.currentTime = seconds;
    this.wanted = seconds;
    if (element.readyState < 1) {
      element.addEventListener("loadedmetadata", function once() {
        element.removeEventListener("loadedmetadata", once);
        if (Math.abs(element.currentTime - self.wanted) > 0.25) { element.currentTime = self.wanted; }
      });
    }
  };
  NativePlayer.prototype.play = function () {
    var promise = this.element.play();
    if (promise && promise.catch) { promise.catch(function () {}); } // blocked autoplay
  };
  NativePlayer.prototype.pause = function () { this.element.pause(); };

  var scripts = {};
  /* Load an API script once per page; resolves when it has run. */
  function loadScript(src, global) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        if (global()) { resolve(); return; }
        var tag = document.createElement("script");
        tag.src = src;
        tag.async = true;
        tag.onload = function () { resolve(); };
        tag.onerror = function () { reject(new Error("cannot load " + src)); };
        document.head.appendChild(tag);
      });
    }
    return scripts[src];
  }

  var youtubeReady = null;
  /* The YouTube IFrame API calls window.onYouTubeIframeAPIReady when it is usable. */
  function loadYouTube(src) {
    if (!youtubeReady) {
      youtubeReady = new Promise(function (resolve) {
        if (window.YT && window.YT.Player) { resolve(); return; }
        var previous = window.onYouTubeIframeAPIReady;
        window.onYouTubeIframeAPIReady = function () {
          if (typeof previous === "function") { previous(); }
          resolve();
        };
        loadScript(src, function () { return false; });
      });
    }
    return youtubeReady;
  }

  /* A YouTube, Vimeo or PeerTube player, made on load(). */
  function HostedPlayer(box) {
    Emitter.call(this);
    this.box = box;
    this.service = box.dataset.service;
    this.ready = false;
    this.api = null;
    this.seconds = 0;
    this.isPaused = true;
    this.pending = null;  // a seek asked for before the player was ready
    this.wantsPlay = false;
    this.poll = null;
  }
  HostedPlayer.prototype = Object.create(Emitter.prototype);
  HostedPlayer.prototype.time = function () { return this.seconds; };
  HostedPlayer.prototype.paused = function () { return this.isPaused; };

  HostedPlayer.prototype.load = function () {
    if (this.loading) { return this.loading; }
    var self = this;
    var box = this.box;
    var frame = document.createElement("iframe");
    var embed = box.dataset.embed;
    if (this.service === "youtube") {
      // The IFrame API wants the page's origin on the embed.
      embed += (embed.indexOf("?") === -1 ? "?" : "&") +
        "origin=" + encodeURIComponent(window.location.origin);
    }
    frame.src = embed;
    frame.className = "transcript-frame";
    frame.title = box.dataset.title;
    frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
    frame.setAttribute("allowfullscreen", "");
    box.classList.add("transcript-loaded");
    box.insertBefore(frame, box.firstChild);
    this.frame = frame;
    var api = box.dataset.api;
    var connect = {
      youtube: function () {
        return loadYouTube(api).then(function () { return self.connectYouTube(frame); });
      },
      vimeo: function () {
        return loadScript(api, function () { return window.Vimeo && window.Vimeo.Player; })
          .then(function () { return self.connectVimeo(frame); });
      },
      peertube: function () {
        return loadScript(api, function () { return window.PeerTubePlayer; })
          .then(function () { return self.connectPeerTube(frame); });
      }
    }[this.service];
    this.loading = connect().then(function () {
      self.ready = true;
      if (self.pending !== null) { self.seek(self.pending); }
      if (self.wantsPlay) { self.play(); }
      self.emit("ready");
    });
    return this.loading;
  };

  HostedPlayer.prototype.update = function (seconds, paused, what) {
    if (typeof seconds === "number" && !isNaN(seconds)) { this.seconds = seconds; }
    if (typeof paused === "boolean") { this.isPaused = paused; }
    this.emit(what);
  };

  HostedPlayer.prototype.connectYouTube = function (frame) {
    var self = this;
    return new Promise(function (resolve) {
      var player = new window.YT.Player(frame, {
        events: {
          onReady: function () { self.api = player; resolve(); },
          onStateChange: function (event) {
            var playing = event.data === 1; // YT.PlayerState.PLAYING
            self.update(player.getCurrentTime(), !playing, playing ? "play" : "pause");
            // The IFrame API has no time event: poll while playing.
            if (playing && self.poll === null) {
              self.poll = window.setInterval(function () {
                self.update(player.getCurrentTime(), undefined, "timeupdate");
              }, 200);
            } else if (!playing && self.poll !== null) {
              window.clearInterval(self.poll);
              self.poll = null;
            }
          }
        }
      });
    });
  };

  HostedPlayer.prototype.connectVimeo = function (frame) {
    var self = this;
    var player = new window.Vimeo.Player(frame);
    player.on("timeupdate", function (data) { self.update(data.seconds, undefined, "timeupdate"); });
    player.on("seeked", function (data) { self.update(data.seconds, undefined, "seeked"); });
    player.on("play", function (data) { self.update(data && data.seconds, false, "play"); });
    player.on("pause", function (data) { self.update(data && data.seconds, true, "pause"); });
    player.on("ended", function (data) { self.update(data && data.seconds, true, "pause"); });
    return player.ready().then(function () { self.api = player; });
  };

  HostedPlayer.prototype.connectPeerTube = function (frame) {
    var self = this;
    var player = new window.PeerTubePlayer(frame);
    return player.ready.then(function () {
      self.api = player;
      player.addEventListener("playbackStatusUpdate", function (status) {
        var paused = status.playbackState !== "playing";
        var what = paused === self.isPaused ? "timeupdate" : (paused ? "pause" : "play");
        self.update(status.position, paused, what);
      });
    });
  };

  HostedPlayer.prototype.seek = function (seconds) {
    this.seconds = seconds;
    if (!this.ready) { this.pending = seconds; return; }
    this.pending = null;
    var api = this.api;
    if (this.service === "youtube") { api.seekTo(seconds, true); }
    else if (this.service === "vimeo") { api.setCurrentTime(seconds).catch(function () {}); }
    else { api.seek(seconds); }
    this.emit("seeked");
  };

  HostedPlayer.prototype.play = function () {
    if (!this.ready) { this.wantsPlay = true; return; }
    this.wantsPlay = false;
    var api = this.api;
    var result = this.service === "youtube" ? api.playVideo() : api.play();
    if (result && result.catch) { result.catch(function () {}); }
  };

  HostedPlayer.prototype.pause = function () {
    this.wantsPlay = false;
    if (!this.ready) { return; }
    this.isPaused = true; // at once: the service confirms later, asynchronously
    var result = this.service === "youtube" ? this.api.pauseVideo() : this.api.pause();
    if (result && result.catch) { result.catch(function () {}); }
  };

  window.sphinxcontribTranscriptPlayers = { Native: NativePlayer, Hosted: HostedPlayer };
})();
