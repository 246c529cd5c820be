/* sphinxcontrib-transcript: the player docks while the reader scrolls.
 *
 * While the reader scrolls through a transcript, past its player, the player
 * box is fixed (position: fixed) at the top of the window, just under the
 * theme's own fixed or sticky header, at the width of the column it sits in;
 * a placeholder keeps its room in the page.  Fixed positioning works
 * whatever scroll container the theme uses (position: sticky does not: an
 * ancestor with overflow set stops it).  The docked box's height, measured,
 * is the room a cue needs above it to be seen in full (clearance()).
 */
(function () {
  "use strict";

  var GAP = 8; // pixels kept between the player and a revealed cue

  /* The bottom of the theme's fixed or sticky header, if one covers the top. */
  function headerBottom(own) {
    var bottom = 0;
    var seen = [];
    var xs = [window.innerWidth / 2, 8, window.innerWidth - 8];
    for (var i = 0; i < xs.length; i++) {
      var hits = document.elementsFromPoint(xs[i], 1);
      for (var j = 0; j < hits.length; j++) {
        for (var el = hits[j]; el && el !== document.body; el = el.parentElement) {
          if (seen.indexOf(el) !== -1) { break; }
          seen.push(el);
          if (own.contains(el) || el.contains(own)) { continue; }
          var position = getComputedStyle(el).position;
          if (position !== "fixed" && position !== "sticky") { continue; }
          var rect = el.getBoundingClientRect();
          if (rect.top <= 1 && rect.bottom > bottom && rect.height < window.innerHeight / 2) {
            bottom = rect.bottom;
          }
        }
      }
    }
    return bottom;
  }

  /* The colour behind *el*: the first opaque background up the tree. */
  function backgroundOf(el) {
    for (; el; el = el.parentElement) {
      var colour = getComputedStyle(el).backgroundColor;
      if (colour && colour !== "transparent" && !/rgba\(.*,\s*0\)$/.test(colour)) {
        return colour;
      }
    }
    return "Canvas";
  }

  /* The player box: in the flow of the page, docked under the header when
   * the reader has scrolled past it and the transcript is still in view. */
  function Dock(box, root, offset) {
    this.box = box;
    this.offset = offset;
    this.root = root;
    this.docked = false;
    this.enabled = box.classList.contains("transcript-sticky");
    var slot = document.createElement("div");
    slot.className = "transcript-slot";
    box.parentNode.insertBefore(slot, box);
    slot.appendChild(box);
    this.slot = slot;
    box.classList.add("transcript-enhanced");
  }

  /* How far from the top of the viewport a cue must be to be seen in full. */
  Dock.prototype.clearance = function () {
    var top = headerBottom(this.box) + this.offset;
    if (!this.enabled) { return top + GAP; }
    return top + this.dockedHeight() + GAP;
  };

  Dock.prototype.dockedHeight = function () {
    if (this.docked) { return this.box.getBoundingClientRect().height; }
    // Measured docked, at the width it docks to, then put back.
    var width = this.box.style.width;
    this.box.style.width = this.slot.getBoundingClientRect().width + "px";
    this.box.classList.add("transcript-docked");
    var height = this.box.getBoundingClientRect().height;
    this.box.classList.remove("transcript-docked");
    this.box.style.width = width;
    return height;
  };

  Dock.prototype.update = function () {
    if (!this.enabled) { return; }
    var top = headerBottom(this.box) + this.offset;
    var slot = this.slot.getBoundingClientRect();
    var root = this.root.getBoundingClientRect();
    var height = this.docked ? this.box.getBoundingClientRect().height : this.dockedHeight();
    var dock = slot.top < top && root.bottom > top + height;
    if (dock !== this.docked) {
      if (dock) { this.slot.style.minHeight = slot.height + "px"; }
      this.box.classList.toggle("transcript-docked", dock);
      if (!dock) {
        this.slot.style.minHeight = "";
        this.box.style.top = this.box.style.left = this.box.style.width = "";
        this.box.style.backgroundColor = "";
      }
      this.docked = dock;
    }
    if (dock) {
      this.box.style.top = top + "px";
      this.box.style.left = slot.left + "px";
      this.box.style.width = slot.width + "px";
      this.box.style.backgroundColor = backgroundOf(this.slot);
    }
  };

  window.sphinxcontribTranscriptDock = Dock;
})();
