/* sphinxcontrib-transcript: follow a transcript with its player.
 *
 * Progressive enhancement over static HTML: every timestamp is already a
 * link (to its cue's anchor, or to the hosted video at that second).  With a
 * player above the transcript (transcript-players.js), this script
 * - seeks and plays when a timestamp is clicked or activated with Enter (and
 *   keeps the address bar's #anchor in step, without a history entry);
 * - plays or pauses on "k" while the focus is in the transcript;
 * - marks the cue being played with aria-current="true" (one at a time);
 * - seeks to the cue named in the address (#ep-t-00-12-34) on load and on
 *   hashchange, and scrolls it fully into view below the player;
 * - keeps an excerpt (:start:/:end:) on every play, seek and resume;
 * - docks the player under the theme's own fixed header while the reader
 *   scrolls through the transcript (transcript-dock.js);
 * - offers opt-in autoscroll (a checkbox, off by default) that stops as soon
 *   as the reader scrolls and never animates under prefers-reduced-motion.
 * Configuration comes from data-* attributes of the <script> tag.
 *
 * Add-ons (transcript-share.js) hook in through a "transcript-ready" event,
 * dispatched (bubbling) on each transcript's <section> once it is bound;
 * its detail is the transcript: root, player, cues ({el, start} sorted by
 * start), byId and cueAt(seconds).  Load an add-on before this script.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var config = {
    offset: parseInt(data.scrollOffset || "0", 10) || 0,
    label: data.autoscrollLabel || "Follow the media"
  };
  var SHORTCUT = "k"; // plays or pauses, as on YouTube; only with the focus in a transcript
  var players = window.sphinxcontribTranscriptPlayers;
  var Dock = window.sphinxcontribTranscriptDock;
  var reducedMotion = window.matchMedia
    ? window.matchMedia("(prefers-reduced-motion: reduce)")
    : { matches: false };
  var SCROLL_KEYS = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "];

  function Transcript(root, player, box) {
    this.root = root;
    this.player = player;
    this.dock = new Dock(box, root, config.offset);
    this.current = null;
    this.follow = null;
    this.start = box.dataset.start ? parseFloat(box.dataset.start) : null;
    this.end = box.dataset.end ? parseFloat(box.dataset.end) : null;
    var cues = Array.prototype.slice.call(root.querySelectorAll(".transcript-cue[id]"));
    this.cues = cues
      .map(function (cue) { return { el: cue, start: parseFloat(cue.dataset.start) }; })
      .filter(function (cue) { return !isNaN(cue.start); })
      .sort(function (a, b) { return a.start - b.start; });
    this.byId = {};
    for (var i = 0; i < this.cues.length; i++) {
      this.byId[this.cues[i].el.id] = this.cues[i];
    }
  }

  /* The cue that contains time t: the last one starting at or before it. */
  Transcript.prototype.cueAt = function (t) {
    var lo = 0, hi = this.cues.length - 1, found = null;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (this.cues[mid].start <= t + 0.0005) { found = this.cues[mid]; lo = mid + 1; }
      else { hi = mid - 1; }
    }
    return found;
  };

  Transcript.prototype.seek = function (cue) {
    this.player.seek(cue.start);
    this.mark(cue);
  };

  Transcript.prototype.mark = function (cue) {
    if (cue === this.current) { return; }
    if (this.current) {
      this.current.el.removeAttribute("aria-current");
      this.current.el.classList.remove("transcript-current");
      var oldParagraph = this.current.el.closest(".transcript-paragraph");
      if (oldParagraph) { oldParagraph.classList.remove("transcript-current-paragraph"); }
    }
    this.current = cue;
    if (!cue) { return; }
    cue.el.setAttribute("aria-current", "true");
    cue.el.classList.add("transcript-current");
    var paragraph = cue.el.closest(".transcript-paragraph");
    if (paragraph) { paragraph.classList.add("transcript-current-paragraph"); }
    if (this.follow && this.follow.checked && !this.player.paused()) { this.reveal(cue.el); }
  };

  /* Autoscroll: bring the playing cue to the upper third, below the player. */
  Transcript.prototype.reveal = function (el) {
    var rect = el.getBoundingClientRect();
    var top = this.dock.clearance();
    var bottom = window.innerHeight || document.documentElement.clientHeight;
    if (rect.top >= top && rect.bottom <= bottom) { return; }
    el.style.scrollMarginTop = (top + (bottom - top) / 3) + "px";
    el.scrollIntoView({ block: "start", behavior: reducedMotion.matches ? "instant" : "smooth" });
  };

  /* Is *el* fully visible below the header and the player? */
  Transcript.prototype.visible = function (el) {
    var rect = el.getBoundingClientRect();
    return rect.top >= this.dock.clearance() - 1 && rect.bottom <= window.innerHeight;
  };

  /* Make *el* fully visible below the header and the player (deep links,
   * clicks), and keep it so while the page settles: the browser's own jump
   * to the anchor, a theme's smooth scrolling or late layout may move it
   * again, until the reader scrolls. */
  Transcript.prototype.place = function (el) {
    var self = this;
    function check() {
      self.dock.update();
      if (self.visible(el)) { return; }
      el.style.scrollMarginTop = self.dock.clearance() + "px";
      el.scrollIntoView({ block: "start", behavior: "instant" }); // not the theme's smooth scroll
      self.dock.update();
      if (!self.visible(el)) { // docking changed the room: once more
        el.style.scrollMarginTop = self.dock.clearance() + "px";
        el.scrollIntoView({ block: "start", behavior: "instant" });
      }
    }
    if (this.settling) { this.settling(); }
    var frame = null;
    function onScroll() {
      if (frame === null) {
        frame = window.requestAnimationFrame(function () { frame = null; check(); });
      }
    }
    function done() {
      document.removeEventListener("scroll", onScroll, true);
      ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (name) {
        window.removeEventListener(name, done, true);
      });
      window.clearTimeout(timer);
      self.settling = null;
    }
    document.addEventListener("scroll", onScroll, { passive: true, capture: true });
    ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (name) {
      window.addEventListener(name, done, true);
    });
    var timer = window.setTimeout(done, 2000);
    this.settling = done;
    check();
  };

  /* An excerpt holds: playing past :end: stops there, a seek outside it is
   * brought back, and playing again from the end starts over at :start:. */
  Transcript.prototype.hold = function (what) {
    var start = this.start === null ? 0 : this.start;
    var end = this.end;
    var player = this.player;
    var t = player.time();
    if (what === "play" && ((end !== null && t >= end - 0.05) || t < start - 0.25)) {
      player.seek(start);
    } else if (end !== null && t >= end && !player.paused()) {
      player.pause();
      player.seek(end);
    } else if (what !== "seeked" && what !== "ready") {
      return;
    } else if (end !== null && t > end + 0.01) {
      player.seek(end);
    } else if (t < start - 0.25) {
      player.seek(start); // also a hosted player just loaded, still at 0:00
    }
  };

  Transcript.prototype.update = function (what) {
    // A seek made by hold() reports back synchronously: not held twice.
    if ((this.start !== null || this.end !== null) && !this.holding) {
      this.holding = true;
      try { this.hold(what); } finally { this.holding = false; }
    }
    if (what === "ready" || what === "frame") { return; }
    this.mark(this.cueAt(this.player.time()));
  };

  Transcript.prototype.fromHash = function (scroll) {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var cue = id && this.byId[id];
    if (!cue) { return; }
    this.seek(cue);
    if (scroll) { this.place(cue.el); }
  };

  Transcript.prototype.addAutoscroll = function (box) {
    var label = document.createElement("label");
    label.className = "transcript-autoscroll";
    var check = document.createElement("input");
    check.type = "checkbox";
    label.appendChild(check);
    label.appendChild(document.createTextNode(" " + config.label));
    // Inside the player box, so the switch stays at hand while reading.
    box.appendChild(label);
    this.follow = check;
    var self = this;
    check.addEventListener("change", function () {
      if (check.checked && self.current) { self.reveal(self.current.el); }
    });
    // The reader scrolling takes over: autoscroll stops until re-checked.
    function stop() { if (check.checked) { check.checked = false; } }
    window.addEventListener("wheel", stop, { passive: true });
    window.addEventListener("touchmove", stop, { passive: true });
    window.addEventListener("keydown", function (event) {
      if (!typing(event.target) && SCROLL_KEYS.indexOf(event.key) !== -1) { stop(); }
    });
  };

  function typing(target) {
    return target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT|AUDIO|VIDEO|BUTTON|IFRAME)$/.test(target.tagName));
  }

  /* Timestamps of a hosted video link to the service without JavaScript;
   * with it, they link to their cue again (a link to copy, on this page). */
  Transcript.prototype.relink = function () {
    var links = this.root.querySelectorAll("a.transcript-time[data-cue]");
    for (var i = 0; i < links.length; i++) {
      links[i].dataset.moment = links[i].getAttribute("href");
      links[i].setAttribute("href", "#" + links[i].dataset.cue);
    }
  };

  Transcript.prototype.bind = function (box) {
    var self = this;
    var player = this.player;
    this.root.setAttribute("data-transcript-ready", "");
    this.relink();
    this.root.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.transcript-time");
      if (!link || !self.root.contains(link)) { return; }
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return; // a new tab or window: leave it to the browser
      }
      var id = (link.getAttribute("href") || "").slice(1);
      var cue = self.byId[decodeURIComponent(id)];
      if (!cue) { return; }
      event.preventDefault();
      self.seek(cue);
      player.play();
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "#" + id);
      }
      self.place(cue.el);
    });
    // Play or pause from the keyboard while the focus is in the transcript.
    this.root.addEventListener("keydown", function (event) {
      if (event.key.toLowerCase() !== SHORTCUT || event.ctrlKey || event.metaKey ||
          event.altKey || typing(event.target)) { return; }
      event.preventDefault();
      if (player.paused()) { player.play(); } else { player.pause(); }
    });
    player.onChange(function (what) { self.update(what); });
    // Word by word where the cues have word timings (transcript-words.js), after the cue mark.
    if (window.sphinxcontribTranscriptWords) { window.sphinxcontribTranscriptWords(this); }
    window.addEventListener("hashchange", function () { self.fromHash(true); });
    var pending = null;
    function onScroll() {
      if (pending === null) {
        pending = window.requestAnimationFrame(function () { pending = null; self.dock.update(); });
      }
    }
    // Capturing: the theme may scroll an inner container rather than the window.
    document.addEventListener("scroll", onScroll, { passive: true, capture: true });
    window.addEventListener("resize", onScroll);
    this.addAutoscroll(box);
    this.fromHash(true);
    // The browser and the theme may scroll to the anchor again once the page is laid out.
    window.addEventListener("load", function () {
      window.requestAnimationFrame(function () {
        self.dock.update();
        if (self.current && ("#" + self.current.el.id) === window.location.hash) {
          self.place(self.current.el);
        }
      });
    });
    this.root.dispatchEvent(new CustomEvent("transcript-ready", { bubbles: true, detail: this }));
  };

  function hosted(box) {
    var player = new players.Hosted(box);
    var consent = box.querySelector(".transcript-consent");
    var button = box.querySelector(".transcript-load");
    if (consent) { consent.hidden = false; }
    if (button) {
      button.addEventListener("click", function () {
        button.disabled = true;
        player.load().then(function () {
          if (consent) { consent.hidden = true; }
        }, function () {
          button.disabled = false;
        });
      });
    }
    return player;
  }

  function init() {
    if (!players || !Dock) { return; }
    var roots = document.querySelectorAll("section[data-transcript]");
    for (var i = 0; i < roots.length; i++) {
      var box = roots[i].querySelector(".transcript-media");
      if (!box) { continue; }
      var element = box.querySelector(".transcript-player");
      var player = null;
      if (box.dataset.service) { player = hosted(box); }
      else if (element) { player = new players.Native(element); }
      if (player) { new Transcript(roots[i], player, box).bind(box); }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
