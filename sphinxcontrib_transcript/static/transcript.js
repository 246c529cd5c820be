/* sphinxcontrib-transcript: follow a transcript with its <audio> or <video>.
 *
 * Progressive enhancement over static HTML: every timestamp is already a
 * link to its cue's anchor.  With a player above the transcript, this script
 * - seeks the player when a timestamp is clicked (and keeps the address bar's
 *   #anchor in step, without a history entry);
 * - marks the cue being played with aria-current="true" and a class;
 * - seeks to the cue named in the address (#ep-t-00-12-34) on load and on
 *   hashchange;
 * - offers opt-in autoscroll (a checkbox, off by default) that stops as soon
 *   as the reader scrolls and never animates under prefers-reduced-motion.
 * Configuration comes from data-* attributes of the <script> tag.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var config = {
    offset: parseInt((script && script.dataset.scrollOffset) || "0", 10) || 0,
    label: (script && script.dataset.autoscrollLabel) || "Follow the media"
  };
  var reducedMotion = window.matchMedia
    ? window.matchMedia("(prefers-reduced-motion: reduce)")
    : { matches: false };
  var SCROLL_KEYS = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "];

  function Transcript(root, player) {
    this.root = root;
    this.player = player;
    this.current = null;
    this.follow = null;
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
    var player = this.player;
    // Before the metadata is known, currentTime sets the default start
    // position; setting it again on loadedmetadata covers older engines.
    player.currentTime = cue.start;
    if (player.readyState < 1) {
      player.addEventListener("loadedmetadata", function once() {
        player.removeEventListener("loadedmetadata", once);
        if (Math.abs(player.currentTime - cue.start) > 0.25) { player.currentTime = cue.start; }
      });
    }
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
    if (this.follow && this.follow.checked && !this.player.paused) { this.reveal(cue.el); }
  };

  Transcript.prototype.reveal = function (el) {
    var rect = el.getBoundingClientRect();
    var top = config.offset;
    var bottom = window.innerHeight || document.documentElement.clientHeight;
    if (rect.top >= top && rect.bottom <= bottom) { return; }
    window.scrollTo({
      top: window.pageYOffset + rect.top - top - (bottom - top) / 3,
      behavior: reducedMotion.matches ? "auto" : "smooth"
    });
  };

  Transcript.prototype.update = function () {
    this.mark(this.cueAt(this.player.currentTime));
  };

  Transcript.prototype.fromHash = function () {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var cue = id && this.byId[id];
    if (cue) { this.seek(cue); }
  };

  Transcript.prototype.addAutoscroll = function () {
    var label = document.createElement("label");
    label.className = "transcript-autoscroll";
    var box = document.createElement("input");
    box.type = "checkbox";
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + config.label));
    // Inside the (sticky) player box, so the switch stays at hand while reading.
    var media = this.player.closest(".transcript-media");
    if (media) { media.appendChild(label); }
    else { this.player.parentNode.insertBefore(label, this.player.nextSibling); }
    this.follow = box;
    var self = this;
    box.addEventListener("change", function () {
      if (box.checked && self.current) { self.reveal(self.current.el); }
    });
    // The reader scrolling takes over: autoscroll stops until re-checked.
    function stop() { if (box.checked) { box.checked = false; } }
    window.addEventListener("wheel", stop, { passive: true });
    window.addEventListener("touchmove", stop, { passive: true });
    window.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT|AUDIO|VIDEO)$/.test(target.tagName));
      if (!typing && SCROLL_KEYS.indexOf(event.key) !== -1) { stop(); }
    });
  };

  Transcript.prototype.bind = function () {
    var self = this;
    var player = this.player;
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
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "#" + id);
      }
    });
    ["timeupdate", "seeked", "loadedmetadata", "play"].forEach(function (name) {
      player.addEventListener(name, function () { self.update(); });
    });
    window.addEventListener("hashchange", function () { self.fromHash(); });
    this.addAutoscroll();
    this.fromHash();
  };

  function init() {
    var roots = document.querySelectorAll("section[data-transcript]");
    for (var i = 0; i < roots.length; i++) {
      var player = roots[i].querySelector(".transcript-player");
      if (player) { new Transcript(roots[i], player).bind(); }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
