/* sphinxcontrib-transcript: share the moment.
 *
 * A "Copy link" button in each player box, and the "c" key while the focus
 * is in the transcript, copy a link to the moment being played: the page's
 * address with the playing cue's anchor and, once the player is a whole
 * second past the cue's start, that second as "t" in the query:
 *   talk.html#ep-t-00-12-30         (at 00:12:30, the cue's start)
 *   talk.html?t=754#ep-t-00-12-30   (at 00:12:34.6, four seconds into the cue)
 * Opening such a link, transcript.js seeks to the cue and shows it below the
 * player; this script then seeks to the second (a hosted player: once it is
 * loaded) and takes "t" out of the address.  Without JavaScript the link
 * still opens the page at the cue (a server of static pages ignores the
 * query).
 *
 * Copying uses the Clipboard API; where it is missing or refused (an http
 * page, a permission), document.execCommand("copy"); where that fails too,
 * the link is shown, selected, in a text field to copy by hand.  A polite
 * live region says which.  Each transcript comes from transcript.js's
 * "transcript-ready" event, so this script is loaded before it.  The
 * directive's :share: no (data-share="off" on the player box) leaves it out.
 * Labels come from data-* attributes of the <script> tag.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var text = {
    button: data.buttonLabel || "Copy link",
    name: data.buttonName || "Copy link to this moment",
    copied: data.copiedMessage || "Link copied",
    manual: data.manualMessage || "Copy the selected link",
    field: data.fieldLabel || "Link to this moment"
  };
  var KEY = "c"; // not "k" (play/pause), "/" or "s" (the themes' search)
  var PARAM = "t";
  var MESSAGE_MS = 4000;

  /* The address of the moment *seconds* into *transcript*; the page's
   * other query parameters (a search's ?highlight=) are not the moment's. */
  function linkTo(transcript, seconds) {
    var cue = transcript.cueAt(seconds) || transcript.cues[0];
    var url = new URL(window.location.href);
    url.search = "";
    var second = Math.floor(seconds);
    if (second > cue.start) { url.searchParams.set(PARAM, String(second)); }
    url.hash = cue.el.id;
    return url.href;
  }

  /* A link opened at a second ("?t=754#cue"): seek there, if the second
   * lies in that cue of this transcript, and tidy the address. */
  function openAt(transcript) {
    var url = new URL(window.location.href);
    var value = url.searchParams.get(PARAM);
    var cue = transcript.byId[decodeURIComponent(url.hash.slice(1))];
    if (value === null || !cue) { return; }
    var seconds = /^\d+(\.\d+)?$/.test(value) ? parseFloat(value) : NaN;
    if (!isNaN(seconds) && transcript.cueAt(seconds) === cue) {
      transcript.player.seek(seconds);
    }
    url.searchParams.delete(PARAM);
    window.history.replaceState(window.history.state, "", url.href);
  }

  /* Copy through a hidden text area, for pages without the Clipboard API. */
  function commandCopy(link) {
    var focused = document.activeElement;
    var area = document.createElement("textarea");
    area.value = link;
    area.setAttribute("readonly", "");
    area.className = "transcript-share-scratch";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(area);
    if (focused && focused.focus) { focused.focus({ preventScroll: true }); }
    return done;
  }

  /* Resolves true when *link* is on the clipboard. */
  function copy(link) {
    var clipboard = window.isSecureContext && navigator.clipboard;
    if (!clipboard || !clipboard.writeText) { return Promise.resolve(commandCopy(link)); }
    return clipboard.writeText(link).then(
      function () { return true; },
      function () { return commandCopy(link); }
    );
  }

  function element(tag, className) {
    var el = document.createElement(tag);
    el.className = className;
    return el;
  }

  /* Two links of a chain: the button's icon, alone on a phone's docked bar. */
  function chain() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    [[2, 7.5, 6, 10], [6, 3.5, 10, 6]].forEach(function (link) {
      var rect = document.createElementNS(ns, "rect");
      var attributes = { x: link[0], y: link[1], width: 8, height: 5, rx: 2.5,
        transform: "rotate(-45 " + link[2] + " " + link[3] + ")" };
      for (var name in attributes) { rect.setAttribute(name, String(attributes[name])); }
      svg.appendChild(rect);
    });
    return svg;
  }

  /* The control of one transcript: a button, a live region, and a text
   * field shown only when the link cannot be copied for the reader. */
  function Share(transcript, box) {
    this.transcript = transcript;
    var control = element("span", "transcript-share");
    var button = element("button", "transcript-share-button");
    button.type = "button";
    button.appendChild(chain());
    button.appendChild(element("span", "transcript-share-label")).textContent = text.button;
    button.setAttribute("aria-label", text.name);
    button.setAttribute("aria-keyshortcuts", KEY);
    button.title = text.name + " (" + KEY + ")";
    var note = element("span", "transcript-share-note");
    var status = element("span", "transcript-share-status");
    status.setAttribute("role", "status");
    var label = element("label", "transcript-share-field");
    label.hidden = true;
    var field = element("input", "");
    field.type = "text";
    field.readOnly = true;
    label.appendChild(document.createTextNode(text.field + " "));
    label.appendChild(field);
    note.appendChild(label);
    note.appendChild(status);
    control.appendChild(button);
    control.appendChild(note);
    box.appendChild(control);
    this.status = status;
    this.label = label;
    this.field = field;
    this.timer = null;
    var self = this;
    button.addEventListener("click", function () { self.share(); });
    field.addEventListener("blur", function () { label.hidden = true; });
    field.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { button.focus(); }
    });
  }

  /* Copy the link to the moment being played, and say how it went. */
  Share.prototype.share = function () {
    var transcript = this.transcript;
    var link = linkTo(transcript, transcript.player.time());
    var self = this;
    return copy(link).then(function (copied) {
      if (copied) {
        self.label.hidden = true;
        self.say(text.copied);
      } else {
        self.field.value = link;
        self.label.hidden = false;
        self.field.focus();
        self.field.select();
        self.say(text.manual);
      }
    });
  };

  /* A message in the live region, cleared after a while; emptied first,
   * so that the same message twice is announced twice. */
  Share.prototype.say = function (message) {
    var status = this.status;
    window.clearTimeout(this.timer);
    status.textContent = "";
    var self = this;
    this.timer = window.setTimeout(function () {
      status.textContent = message;
      self.timer = window.setTimeout(function () { status.textContent = ""; }, MESSAGE_MS);
    }, 50);
  };

  function typing(target) {
    if (!target) { return false; }
    if (target.tagName === "INPUT") { return !/^(checkbox|radio|button)$/.test(target.type); }
    return target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("transcript-ready", function (event) {
    var transcript = event.detail;
    openAt(transcript); // links made elsewhere work where the control is off too
    var box = transcript.root.querySelector(".transcript-media");
    if (!box || box.dataset.share === "off" || !transcript.cues.length) { return; }
    var share = new Share(transcript, box);
    transcript.root.addEventListener("keydown", function (key) {
      if ((key.key || "").toLowerCase() !== KEY || key.ctrlKey || key.metaKey || key.altKey ||
          typing(key.target)) { return; }
      key.preventDefault();
      share.share();
    });
  });
})();
