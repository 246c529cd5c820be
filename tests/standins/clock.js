/* A fake media clock shared by the stand-ins: real time while playing. */
window.StandinClock = function () {
  this.position = 0;
  this.since = null; // performance.now() when play began
  this.calls = [];
  (window.__standins = window.__standins || []).push(this);
};
window.StandinClock.prototype.time = function () {
  return this.since === null ? this.position
    : this.position + (performance.now() - this.since) / 1000;
};
window.StandinClock.prototype.playing = function () { return this.since !== null; };
window.StandinClock.prototype.play = function () {
  this.calls.push("play");
  if (this.since === null) { this.since = performance.now(); }
};
window.StandinClock.prototype.pause = function () {
  this.calls.push("pause");
  this.position = this.time();
  this.since = null;
};
window.StandinClock.prototype.seek = function (seconds) {
  this.calls.push("seek " + seconds);
  this.position = seconds;
  if (this.since !== null) { this.since = performance.now(); }
};
