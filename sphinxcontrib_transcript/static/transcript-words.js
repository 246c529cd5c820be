/* sphinxcontrib-transcript: word by word, where the transcript has word timings.
 *
 * A cue with word timings carries them in one attribute (see words.py):
 *   <span class="transcript-cue" data-start="3" data-end="6" data-w="0 41 37 0">
 * one number per word of its text (a run of characters other than white
 * space, its timestamp link left out): the word's start in hundredths of a
 * second after the previous word's, the first word's after the cue's start;
 * 0 after the first joins the word to the one before.
 *
 * The words stay plain text until they are needed: a cue's words are wrapped
 * in <span class="transcript-word"> elements when the cue is played or the
 * pointer comes over it, once.  Then
 * - clicking a word seeks the player to it and plays (not a selection, not
 *   with a modifier key); words are no tab stops: the keyboard has the
 *   timestamps, and the cue mark (aria-current) stays what screen readers hear;
 * - while the media plays, the word being spoken is marked (class
 *   transcript-word-current), alongside the cue's mark.  Only the words that
 *   change are touched: the marked word is remembered, and a time inside it
 *   costs no work at all.
 * transcript.js calls window.sphinxcontribTranscriptWords(transcript) once
 * its player is bound; the transcript gives cues (sorted {el, start}),
 * cueAt(t) and player (time(), seek(s), play(), onChange(callback)).
 */
(function () {
  "use strict";

  var TOKEN = /[^ \t\n\r\f]+/g;
  var SPACE = /[ \t\n\r\f]/;

  /* The text nodes of a cue the build counted words in (not its timestamp). */
  function textNodes(el) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest(".transcript-time")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var out = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) { out.push(node); }
    return out;
  }

  /* Each run of non-space characters of each text node: [node, from, to, starts a word]. */
  function pieces(nodes) {
    var out = [];
    var inWord = false; // the text before ended inside a word
    for (var i = 0; i < nodes.length; i++) {
      var text = nodes[i].data;
      var match;
      TOKEN.lastIndex = 0;
      while ((match = TOKEN.exec(text)) !== null) {
        out.push([nodes[i], match.index, match.index + match[0].length,
                  !(match.index === 0 && inWord)]);
      }
      if (text.length) { inWord = !SPACE.test(text.charAt(text.length - 1)); }
    }
    return out;
  }

  /* The cue's words, [{start, end, els}], wrapping its text; null without word timings
   * (or when its text no longer has the words the build counted). */
  function wrap(cue, next) {
    if (cue.words !== undefined) { return cue.words; }
    cue.words = null;
    var data = cue.el.getAttribute("data-w");
    if (!data) { return null; }
    var steps = data.split(" ");
    var nodes = textNodes(cue.el);
    var runs = pieces(nodes);
    var count = 0, i;
    for (i = 0; i < runs.length; i++) { if (runs[i][3]) { count++; } }
    if (count !== steps.length) { return null; }
    // Each text node is replaced at once by its text and word elements (one
    // change of the DOM per text node, usually one per cue).
    var doc = cue.el.ownerDocument;
    var words = [];
    var hundredths = 0, step = -1, word = null, at = 0;
    for (var n = 0; n < nodes.length; n++) {
      var text = nodes[n].data, fragment = null, last = 0;
      for (; at < runs.length && runs[at][0] === nodes[n]; at++) {
        var run = runs[at];
        if (run[3]) {
          step++;
          var delta = parseInt(steps[step], 10) || 0;
          hundredths += delta;
          if (!word || step === 0 || delta > 0) {
            word = { start: cue.start + hundredths / 100, end: null, els: [] };
            words.push(word);
          }
        }
        fragment = fragment || doc.createDocumentFragment();
        if (run[1] > last) { fragment.appendChild(doc.createTextNode(text.slice(last, run[1]))); }
        var span = doc.createElement("span");
        span.className = "transcript-word";
        span.setAttribute("data-word", String(words.length - 1));
        span.textContent = text.slice(run[1], run[2]);
        fragment.appendChild(span);
        word.els.push(span);
        last = run[2];
      }
      if (!fragment) { continue; }
      if (last < text.length) { fragment.appendChild(doc.createTextNode(text.slice(last))); }
      nodes[n].parentNode.replaceChild(fragment, nodes[n]);
    }
    var end = parseFloat(cue.el.dataset.end);
    if (isNaN(end)) { end = next ? next.start : Infinity; }
    for (i = 0; i < words.length; i++) {
      words[i].end = i + 1 < words.length ? words[i + 1].start : Math.max(end, words[i].start);
    }
    cue.words = words;
    return words;
  }

  function Words(transcript) {
    this.transcript = transcript;
    this.index = new Map(); // cue element -> its place in transcript.cues
    for (var i = 0; i < transcript.cues.length; i++) {
      this.index.set(transcript.cues[i].el, i);
    }
    this.marked = null; // the marked word
  }

  Words.prototype.cue = function (el) {
    var i = this.index.get(el);
    return i === undefined ? null : this.transcript.cues[i];
  };

  Words.prototype.wordsOf = function (cue) {
    var i = this.index.get(cue.el);
    return wrap(cue, this.transcript.cues[i + 1]);
  };

  /* The word spoken at time t, or null. */
  Words.prototype.wordAt = function (t) {
    var cue = this.transcript.cueAt(t);
    var words = cue && this.wordsOf(cue);
    if (!words || t < words[0].start - 0.0005) { return null; }
    var lo = 0, hi = words.length - 1, found = null;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (words[mid].start <= t + 0.0005) { found = words[mid]; lo = mid + 1; }
      else { hi = mid - 1; }
    }
    return found && t < found.end ? found : null;
  };

  Words.prototype.mark = function (word) {
    var i;
    if (this.marked) {
      for (i = 0; i < this.marked.els.length; i++) {
        this.marked.els[i].classList.remove("transcript-word-current");
      }
    }
    this.marked = word;
    if (!word) { return; }
    for (i = 0; i < word.els.length; i++) { word.els[i].classList.add("transcript-word-current"); }
  };

  Words.prototype.update = function () {
    var t = this.transcript.player.time();
    var marked = this.marked;
    if (marked && t >= marked.start - 0.0005 && t < marked.end) { return; } // nothing changed
    var word = this.wordAt(t);
    if (word !== marked) { this.mark(word); }
  };

  /* The word a click landed on, wrapping its cue first if it was not yet. */
  Words.prototype.wordFor = function (event) {
    var el = event.target.closest && event.target.closest(".transcript-word");
    if (!el) {
      var cueEl = event.target.closest && event.target.closest(".transcript-cue[data-w]");
      var cue = cueEl && this.cue(cueEl);
      if (!cue || !this.wordsOf(cue)) { return null; }
      var hit = document.elementFromPoint(event.clientX, event.clientY);
      el = hit && hit.closest(".transcript-word");
    }
    var owner = el && this.cue(el.closest(".transcript-cue"));
    var words = owner && this.wordsOf(owner);
    return words ? words[parseInt(el.getAttribute("data-word"), 10)] : null;
  };

  Words.prototype.bind = function () {
    var self = this;
    var root = this.transcript.root;
    var player = this.transcript.player;
    root.addEventListener("pointerover", function (event) {
      var el = event.target.closest && event.target.closest(".transcript-cue[data-w]");
      var cue = el && self.cue(el);
      if (cue && cue.words === undefined) { self.wordsOf(cue); }
    }, { passive: true });
    root.addEventListener("click", function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
          event.altKey || event.target.closest("a")) { return; }
      var selection = window.getSelection && window.getSelection();
      if (selection && !selection.isCollapsed) { return; } // selecting text, not seeking
      var word = self.wordFor(event);
      if (!word) { return; }
      player.seek(word.start);
      self.mark(word);
      player.play();
    });
    player.onChange(function () { self.update(); });
    this.update();
  };

  window.sphinxcontribTranscriptWords = function (transcript) {
    for (var i = 0; i < transcript.cues.length; i++) {
      if (transcript.cues[i].el.hasAttribute("data-w")) {
        new Words(transcript).bind();
        return;
      }
    }
  };
})();
